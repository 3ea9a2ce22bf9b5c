/**
 * Documents Muster exports (minutes, action plans, reports, invitations) as
 * links Teams can open. A bot cannot put a file into a channel or group chat
 * without SharePoint, so the bytes stay with Muster, under
 * `<dataDir>/teams/files/`, and the message carries a link to Muster's own
 * HTTP server: `/api/teams/file?id=…&exp=…&sig=…`, signed with a secret kept
 * in the data directory and valid for a week. Anyone holding a link can
 * download the file until it expires, exactly as with an emailed attachment;
 * expired files are deleted as new ones are stored, and an incident's files
 * (their names start with its reference) when the retention purge removes it.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmod, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { UploadFile } from '../../../ports.js';
import { referencePattern } from '../../shared/reference-pattern.js';
import { writeFileAtomic } from '../../storage/lowdb/atomic-file.js';
import { TEAMS_FILES_PATH } from '../ids.js';

export const LINK_LIFETIME_MS = 7 * 24 * 60 * 60_000;
const ID = /^[a-f0-9]{32}$/;

const metaSchema = z.object({ filename: z.string(), mimeType: z.string(), expiresAt: z.number() });
export type StoredFileMeta = z.infer<typeof metaSchema>;

export type OpenedFile = { meta: StoredFileMeta; content: Buffer } | { refused: 'expired' | 'invalid' };

export class FileLinks {
  private constructor(
    private readonly dir: string,
    private readonly secret: Buffer,
    private readonly now: () => number,
  ) {}

  static async open(dataDir: string, now: () => number = () => Date.now()): Promise<FileLinks> {
    const dir = join(dataDir, 'teams', 'files');
    await mkdir(dir, { recursive: true });
    return new FileLinks(dir, await secretIn(join(dataDir, 'teams', 'link-secret')), now);
  }

  /** Stores the file and returns its link under `baseUrl` (`https://muster.example.org`). */
  async put(file: UploadFile, baseUrl: string): Promise<string> {
    await this.dropExpired();
    const id = randomBytes(16).toString('hex');
    const expiresAt = this.now() + LINK_LIFETIME_MS;
    await writeFile(join(this.dir, id), file.content);
    const meta: StoredFileMeta = { filename: file.filename, mimeType: file.mimeType, expiresAt };
    await writeFile(join(this.dir, `${id}.json`), JSON.stringify(meta));
    // Relative to the base, so a public address with a path (behind a proxy) keeps it.
    const url = new URL(TEAMS_FILES_PATH.slice(1), baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
    url.searchParams.set('id', id);
    url.searchParams.set('exp', String(expiresAt));
    url.searchParams.set('sig', this.sign(id, expiresAt));
    return url.toString();
  }

  /** The file a link names, if its signature holds and it has not expired. */
  async read(query: URLSearchParams): Promise<OpenedFile> {
    const id = query.get('id') ?? '';
    const exp = Number(query.get('exp'));
    const sig = Buffer.from(query.get('sig') ?? '', 'utf8');
    const expected = Buffer.from(ID.test(id) && Number.isSafeInteger(exp) ? this.sign(id, exp) : '', 'utf8');
    if (expected.length === 0 || sig.length !== expected.length || !timingSafeEqual(sig, expected))
      return { refused: 'invalid' };
    if (exp <= this.now()) return { refused: 'expired' };
    try {
      const meta = metaSchema.parse(JSON.parse(await readFile(join(this.dir, `${id}.json`), 'utf8')));
      return { meta, content: await readFile(join(this.dir, id)) };
    } catch {
      return { refused: 'expired' };
    }
  }

  /** Deletes every stored file named after the incident, expired or not; its links stop working. */
  async forgetIncident(reference: string): Promise<void> {
    const names = referencePattern(reference);
    for (const name of await readdir(this.dir)) {
      if (!name.endsWith('.json')) continue;
      const id = name.slice(0, -'.json'.length);
      let filename: string;
      try {
        filename = metaSchema.parse(JSON.parse(await readFile(join(this.dir, name), 'utf8'))).filename;
      } catch {
        continue; // Unreadable: dropExpired clears it once old enough.
      }
      if (!names.test(filename)) continue;
      await rm(join(this.dir, id), { force: true });
      await rm(join(this.dir, name), { force: true });
    }
  }

  private sign(id: string, expiresAt: number): string {
    return createHmac('sha256', this.secret).update(`${id}.${expiresAt}`).digest('base64url');
  }

  private async dropExpired(): Promise<void> {
    for (const name of await readdir(this.dir)) {
      if (!name.endsWith('.json')) continue;
      const id = name.slice(0, -'.json'.length);
      try {
        const meta = metaSchema.parse(JSON.parse(await readFile(join(this.dir, name), 'utf8')));
        if (meta.expiresAt > this.now()) continue;
      } catch {
        // Unreadable: older than any link worth keeping, or torn by a crash; either way, gone.
        const age = this.now() - (await stat(join(this.dir, name))).mtimeMs;
        if (age < LINK_LIFETIME_MS) continue;
      }
      await rm(join(this.dir, id), { force: true });
      await rm(join(this.dir, name), { force: true });
    }
  }
}

/** The signing secret: made once, kept readable by the owner only. */
async function secretIn(path: string): Promise<Buffer> {
  try {
    const text = (await readFile(path, 'utf8')).trim();
    if (/^[a-f0-9]{64}$/.test(text)) return Buffer.from(text, 'hex');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const secret = randomBytes(32);
  await writeFileAtomic(path, secret.toString('hex'), true);
  await chmod(path, 0o600);
  return secret;
}
