/**
 * What the Teams adapter remembers, kept in the Store's platform records so
 * every replica can use it: the connector address, each person's one-to-one
 * chat, the incident spaces and fallback chats. Learned on one replica, used
 * on another; the file an older Muster kept is brought in once; an
 * unreadable file or record is reported and relearned rather than stopping
 * Muster.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLowdbStore } from '../../../src/adapters/storage/lowdb/lowdb-store.js';
import { TeamsState, type TeamsStateLog } from '../../../src/adapters/teams/store/teams-state.js';
import { InMemoryStore } from '../../fakes/in-memory-store.js';

let dir: string;
let store: InMemoryStore;
let logged: { info: string[]; warn: string[] };
let log: TeamsStateLog;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'muster-teams-state-'));
  store = new InMemoryStore();
  logged = { info: [], warn: [] };
  log = { info: (m) => logged.info.push(m), warn: (m) => logged.warn.push(m) };
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const PAT = { conversationId: 'a:1', serviceUrl: 'https://smba.example/emea/' };

async function learnSome(state: TeamsState): Promise<void> {
  await state.learn({
    serviceUrl: 'https://smba.example/emea/',
    tenantId: 't1',
    personal: { userId: 'aad-pat', conversation: PAT },
  });
  await state.rememberSpace('19:c@thread.v2', { kind: 'chat' }, 'SV-2027-0001');
}

async function expectLearned(state: TeamsState): Promise<void> {
  expect(await state.connector()).toEqual({ serviceUrl: 'https://smba.example/emea/', tenantId: 't1' });
  expect(await state.personal('aad-pat')).toEqual(PAT);
  expect(await state.space('19:c@thread.v2')).toEqual({ kind: 'chat' });
  expect(await state.chatFor('SV-2027-0001')).toBe('19:c@thread.v2');
}

describe('TeamsState', () => {
  it('keeps what it learns in the Store, one record per fact, under the teams namespace', async () => {
    await learnSome(await TeamsState.open({ store, dataDir: dir }));
    const records = await store.listPlatformRecords('teams');
    expect(Object.fromEntries(records.map((r) => [r.key, r.value]))).toEqual({
      serviceUrl: 'https://smba.example/emea/',
      tenantId: 't1',
      'personal:aad-pat': PAT,
      'space:19:c@thread.v2': { kind: 'chat' },
      'chat:SV-2027-0001': '19:c@thread.v2',
    });
  });

  it('lets a replica use at once what another replica learned after both started', async () => {
    const a = await TeamsState.open({ store, dataDir: dir });
    const b = await TeamsState.open({ store, dataDir: dir });
    expect(await b.personal('aad-pat')).toBeUndefined();
    await learnSome(a);
    await expectLearned(b);
  });

  it('remembers what it learned after a restart on the embedded store', async () => {
    const lowdb = await openLowdbStore(join(dir, 'data'), { durable: false });
    await learnSome(await TeamsState.open({ store: lowdb, dataDir: dir }));
    await lowdb.close();
    const reopened = await openLowdbStore(join(dir, 'data'), { durable: false });
    try {
      await expectLearned(await TeamsState.open({ store: reopened, dataDir: dir }));
    } finally {
      await reopened.close();
    }
  });

  it('writes only what it did not already know', async () => {
    const state = await TeamsState.open({ store, dataDir: dir });
    await learnSome(state);
    const puts: string[] = [];
    const put = store.putPlatformRecord.bind(store);
    store.putPlatformRecord = async (namespace, key, value) => {
      puts.push(key);
      await put(namespace, key, value);
    };
    await learnSome(state);
    await state.learn({ serviceUrl: 'https://smba.example/uk/', tenantId: 't1' });
    expect(puts).toEqual(['serviceUrl']);
    expect((await state.connector()).serviceUrl).toBe('https://smba.example/uk/');
  });

  it('keeps nothing new in memory when the Store refuses the write, and tries again next time', async () => {
    const state = await TeamsState.open({ store, dataDir: dir });
    const put = store.putPlatformRecord.bind(store);
    store.putPlatformRecord = async () => {
      throw new Error('database unavailable');
    };
    await expect(state.learn({ personal: { userId: 'aad-pat', conversation: PAT } })).rejects.toThrow(
      'database unavailable',
    );
    expect(await state.personal('aad-pat')).toBeUndefined();
    store.putPlatformRecord = put;
    await state.learn({ personal: { userId: 'aad-pat', conversation: PAT } });
    expect(await store.getPlatformRecord('teams', 'personal:aad-pat')).toEqual(PAT);
  });

  it('forgets the chat of a purged incident on every replica, by reference and as a space', async () => {
    const a = await TeamsState.open({ store, dataDir: dir });
    await learnSome(a);
    const b = await TeamsState.open({ store, dataDir: dir });
    await b.forgetIncident('SV-2027-0001');
    const c = await TeamsState.open({ store, dataDir: dir });
    expect(await c.chatFor('SV-2027-0001')).toBeUndefined();
    expect(await c.space('19:c@thread.v2')).toBeUndefined();
    expect(await b.chatFor('SV-2027-0001')).toBeUndefined();
    expect(await c.personal('aad-pat')).toEqual(PAT);
  });

  it('ignores a record not in the form it writes, and says so', async () => {
    await store.putPlatformRecord('teams', 'personal:aad-sam', { conversation: 7 });
    const state = await TeamsState.open({ store, dataDir: dir, log });
    expect(await state.personal('aad-sam')).toBeUndefined();
    expect(logged.warn.join()).toContain('Ignored the Teams record personal:aad-sam');
  });

  describe('the file an older Muster kept', () => {
    const file = () => join(dir, 'teams', 'conversations.json');
    const OLD = {
      version: 1,
      serviceUrl: 'https://smba.example/emea/',
      tenantId: 't1',
      personal: { 'aad-pat': PAT },
      spaces: { '19:c@thread.v2': { kind: 'chat' } },
      chats: { 'SV-2027-0001': '19:c@thread.v2' },
    };

    beforeEach(async () => {
      await mkdir(join(dir, 'teams'), { recursive: true });
    });

    it('is brought into the Store when it has no Teams records yet, and the log says so', async () => {
      await writeFile(file(), JSON.stringify(OLD));
      await expectLearned(await TeamsState.open({ store, dataDir: dir, log }));
      expect(await store.listPlatformRecords('teams')).toHaveLength(5);
      expect(logged.info).toEqual([
        `Moved 5 Teams record(s) from ${file()} into the store, so every replica can use them, and removed that file.`,
      ]);
      await expect(readFile(file(), 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
      // Another replica, or the next start, reads the Store and not the file.
      await writeFile(file(), JSON.stringify({ ...OLD, tenantId: 'old' }));
      const again = await TeamsState.open({ store, dataDir: dir, log });
      expect((await again.connector()).tenantId).toBe('t1');
      expect(logged.info).toHaveLength(1);
    });

    it('is not read once the Store has Teams records', async () => {
      await store.putPlatformRecord('teams', 'tenantId', 't9');
      await writeFile(file(), JSON.stringify(OLD));
      const state = await TeamsState.open({ store, dataDir: dir, log });
      expect(await state.personal('aad-pat')).toBeUndefined();
      expect(await store.listPlatformRecords('teams')).toEqual([{ key: 'tenantId', value: 't9' }]);
      expect(logged.info).toEqual([]);
    });

    it('is skipped, with a warning, when it is not its own', async () => {
      await writeFile(file(), '{"version": 7}');
      const state = await TeamsState.open({ store, dataDir: dir, log });
      expect(await state.connector()).toEqual({});
      expect(logged.warn.join()).toContain('starting afresh');
      expect(await store.listPlatformRecords('teams')).toEqual([]);
    });
  });
});
