import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConsoleMessage } from '../../../src/adapters/console/console-model.js';
import { ConsoleStore } from '../../../src/adapters/console/console-store.js';

const message = (id: string, text: string, channelId = 'coordination'): ConsoleMessage => ({
  id,
  channelId,
  at: '2027-08-28T08:00:00.000Z',
  author: { name: 'Muster' },
  text,
});

describe('ConsoleStore', () => {
  let dir: string;
  const file = () => join(dir, 'console', 'console.jsonl');

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'muster-console-store-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('keeps channels, messages and the clock offset across a reopen', async () => {
    const store = await ConsoleStore.open(dir);
    await store.saveChannel({
      id: 'coordination',
      name: 'csp-coordination',
      kind: 'coordination',
      memberIds: [],
    });
    await store.saveMessage(message('m1', 'first'));
    await store.saveClockOffset(3_600_000);
    await store.close();

    const reopened = await ConsoleStore.open(dir);
    expect(reopened.channel('coordination')?.name).toBe('csp-coordination');
    expect(reopened.messagesIn('coordination').map((m) => m.text)).toEqual(['first']);
    expect(reopened.clockOffsetMs).toBe(3_600_000);
    await reopened.close();
  });

  it('replaces an updated message in its original place, in memory and after a reopen', async () => {
    const store = await ConsoleStore.open(dir);
    await store.saveMessage(message('m1', 'card v1'));
    await store.saveMessage(message('m2', 'later'));
    await store.saveMessage({ ...message('m1', 'card v2'), updatedAt: '2027-08-28T09:00:00.000Z' });
    expect(store.messagesIn('coordination').map((m) => m.text)).toEqual(['card v2', 'later']);
    await store.close();

    const reopened = await ConsoleStore.open(dir);
    expect(reopened.messagesIn('coordination').map((m) => m.text)).toEqual(['card v2', 'later']);
    await reopened.close();
  });

  it('only ever appends to its file', async () => {
    const store = await ConsoleStore.open(dir);
    await store.saveMessage(message('m1', 'v1'));
    await store.saveMessage(message('m1', 'v2'));
    await store.close();
    const lines = (await readFile(file(), 'utf8')).trim().split('\n');
    expect(lines.map((l) => JSON.parse(l).message.text)).toEqual(['v1', 'v2']);
  });

  it('skips a torn last line and unreadable records, and says how many', async () => {
    const store = await ConsoleStore.open(dir);
    await store.saveMessage(message('m1', 'kept'));
    await store.close();
    await appendFile(file(), '{"type":"message","message":{"id":"bad"}}\n{"type":"mess');
    const warnings: string[] = [];
    const reopened = await ConsoleStore.open(dir, { onWarning: (w) => warnings.push(w) });
    expect(reopened.messagesIn('coordination').map((m) => m.text)).toEqual(['kept']);
    expect(warnings).toEqual([expect.stringContaining('1 unreadable record(s)')]);
    // Appending resumes on a clean line: the torn tail was cut, so the new record is readable.
    await reopened.saveMessage(message('m2', 'after'));
    await reopened.close();
    const again = await ConsoleStore.open(dir, { onWarning: () => {} });
    expect(again.messagesIn('coordination').map((m) => m.text)).toEqual(['kept', 'after']);
    await again.close();
  });

  it('compacts superseded records at open once they far outnumber the live ones', async () => {
    const lines = Array.from({ length: 1200 }, (_, i) =>
      JSON.stringify({ type: 'message', message: message('card', `v${i}`) }),
    );
    await ConsoleStore.open(dir).then((s) => s.close());
    await writeFile(file(), `${lines.join('\n')}\n`);
    const store = await ConsoleStore.open(dir);
    expect(store.messagesIn('coordination').map((m) => m.text)).toEqual(['v1199']);
    await store.close();
    expect((await readFile(file(), 'utf8')).trim().split('\n')).toHaveLength(1);
  });
});
