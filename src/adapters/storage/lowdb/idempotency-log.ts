/**
 * `idempotency.jsonl`: keys `rememberOnce` has seen (Slack retry ids, view
 * submission hashes), appended once each and loaded into a set at open, so
 * "seen before" holds across restarts.
 */
import { dropTornTail, JsonlAppender, readJsonl } from './jsonl-file.js';

export class IdempotencyLog {
  private constructor(
    private readonly seen: Set<string>,
    private readonly appender: JsonlAppender,
  ) {}

  static async open(
    path: string,
    durable: boolean,
    warn: (message: string) => void,
  ): Promise<IdempotencyLog> {
    const contents = await readJsonl(path);
    if (contents.badLines.length > 0)
      warn(`Skipped unreadable lines ${contents.badLines.join(', ')} of ${path}.`);
    await dropTornTail(path, contents.tornBytes);
    const seen = new Set<string>();
    for (const record of contents.records) {
      const key = (record as { key?: unknown } | null)?.key;
      if (typeof key === 'string') seen.add(key);
    }
    return new IdempotencyLog(seen, await JsonlAppender.open(path, durable));
  }

  async rememberOnce(key: string, at: Date): Promise<boolean> {
    // Checked and taken synchronously, so of two concurrent callers only the first sees it as new.
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    try {
      await this.appender.append({ key, at: at.toISOString() });
    } catch (error) {
      this.seen.delete(key);
      throw error;
    }
    return true;
  }

  close(): Promise<void> {
    return this.appender.close();
  }
}
