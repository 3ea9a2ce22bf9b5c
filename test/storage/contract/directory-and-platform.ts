/**
 * Store contract, what replicas share beyond incidents: the coordinators'
 * chat edits of the directory (numbered 1, 2, 3… in order, with no gap or
 * repeat even when appended at once) and the platform adapters' records
 * (one value per namespace and key, replaced by a put). Both survive a
 * restart, and what goes in or comes out is a copy.
 */
import { describe, expect, it } from 'vitest';
import type { NewDirectoryChange } from '../../../src/core/directory/directory-change.js';
import type { ContractContext } from './contract-kit.js';

const CARLA = { id: 'slack:U0CARLA', name: 'Carla Coordinator', contactId: 'carla' };

function change(n: number, overrides: Partial<NewDirectoryChange> = {}): NewDirectoryChange {
  return {
    at: `2027-03-15T09:${String(n % 60).padStart(2, '0')}:00.000Z`,
    by: CARLA,
    edit: { type: 'membership.set', area: 'corby', agency: `agency-${n}`, lists: [1, 2] },
    summary: `Carla Coordinator put agency ${n} on List 1 and List 2 for Corby`,
    ...overrides,
  };
}

const byKey = (records: { key: string; value: unknown }[]) =>
  [...records].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

export function describeDirectoryAndPlatformContract(c: ContractContext): void {
  describe('directory changes', () => {
    it('numbers changes from 1 and lists them oldest first, exactly as given', async () => {
      expect(await c.store.listDirectoryChanges()).toEqual([]);
      const removed = change(3, {
        edit: { type: 'contact.removed', contactId: 'dana' },
        summary: 'Carla Coordinator removed Dana Doe',
      });
      const stored = [
        await c.store.appendDirectoryChange(change(1)),
        await c.store.appendDirectoryChange(change(2)),
        await c.store.appendDirectoryChange(removed),
      ];
      expect(stored.map((s) => s.seq)).toEqual([1, 2, 3]);
      expect(stored[2]).toEqual({ ...removed, seq: 3 });
      expect(await c.store.listDirectoryChanges()).toEqual([
        { ...change(1), seq: 1 },
        { ...change(2), seq: 2 },
        { ...removed, seq: 3 },
      ]);
    });

    it('lists only the changes after afterSeq', async () => {
      for (const n of [1, 2, 3, 4]) await c.store.appendDirectoryChange(change(n));
      expect((await c.store.listDirectoryChanges(2)).map((s) => s.seq)).toEqual([3, 4]);
      expect(await c.store.listDirectoryChanges(4)).toEqual([]);
      expect((await c.store.listDirectoryChanges(0)).map((s) => s.seq)).toEqual([1, 2, 3, 4]);
    });

    it('gives concurrent appends the numbers 1 to n, each once, and keeps every change', async () => {
      const n = 12;
      const stored = await Promise.all(
        Array.from({ length: n }, (_, i) => c.store.appendDirectoryChange(change(i + 1))),
      );
      const expected = Array.from({ length: n }, (_, i) => i + 1);
      expect(stored.map((s) => s.seq).sort((a, b) => a - b)).toEqual(expected);
      const listed = await c.store.listDirectoryChanges();
      expect(listed.map((s) => s.seq)).toEqual(expected);
      expect(listed.map((s) => s.summary).sort()).toEqual(stored.map((s) => s.summary).sort());
      for (const s of stored) expect(listed[s.seq - 1]).toEqual(s);
    });

    it('hands out copies: changing what went in or came out changes nothing stored', async () => {
      const input = change(1);
      const stored = await c.store.appendDirectoryChange(input);
      input.summary = 'changed after';
      stored.by.name = 'Someone else';
      const [listed] = await c.store.listDirectoryChanges();
      expect(listed).toEqual({ ...change(1), seq: 1 });
      if (listed) listed.summary = 'changed in a listing';
      expect((await c.store.listDirectoryChanges())[0]?.summary).toBe(change(1).summary);
    });

    it('keeps the changes after a restart and carries on their numbering', async ({ skip }) => {
      if (!c.harness.reopen) skip('this store offers no restart hook');
      await c.store.appendDirectoryChange(change(1));
      await c.store.appendDirectoryChange(change(2));
      await c.restart();
      expect((await c.store.listDirectoryChanges()).map((s) => s.seq)).toEqual([1, 2]);
      expect((await c.store.appendDirectoryChange(change(3))).seq).toBe(3);
      expect(await c.store.listDirectoryChanges(1)).toEqual([
        { ...change(2), seq: 2 },
        { ...change(3), seq: 3 },
      ]);
    });
  });

  describe('platform records', () => {
    const conversation = { conversationId: 'a:1', serviceUrl: 'https://smba.example/emea/' };

    it('returns what was put, and undefined for a key or namespace never put', async () => {
      expect(await c.store.getPlatformRecord('teams', 'personal:aad-pat')).toBeUndefined();
      await c.store.putPlatformRecord('teams', 'personal:aad-pat', conversation);
      await c.store.putPlatformRecord('teams', 'serviceUrl', 'https://smba.example/emea/');
      expect(await c.store.getPlatformRecord('teams', 'personal:aad-pat')).toEqual(conversation);
      expect(await c.store.getPlatformRecord('teams', 'serviceUrl')).toBe('https://smba.example/emea/');
      expect(await c.store.getPlatformRecord('teams', 'personal:aad-sam')).toBeUndefined();
      expect(await c.store.getPlatformRecord('slack', 'personal:aad-pat')).toBeUndefined();
    });

    it('replaces the value when the same key is put again, keeping one record', async () => {
      await c.store.putPlatformRecord('teams', 'space:19:c', { kind: 'channel', teamId: 't1' });
      await c.store.putPlatformRecord('teams', 'space:19:c', { kind: 'chat' });
      expect(await c.store.getPlatformRecord('teams', 'space:19:c')).toEqual({ kind: 'chat' });
      expect(await c.store.listPlatformRecords('teams')).toEqual([
        { key: 'space:19:c', value: { kind: 'chat' } },
      ]);
    });

    it("lists a namespace's records and keeps namespaces apart", async () => {
      await c.store.putPlatformRecord('teams', 'b', 2);
      await c.store.putPlatformRecord('teams', 'a', { n: 1 });
      await c.store.putPlatformRecord('other', 'a', 'not teams');
      expect(byKey(await c.store.listPlatformRecords('teams'))).toEqual([
        { key: 'a', value: { n: 1 } },
        { key: 'b', value: 2 },
      ]);
      expect(await c.store.listPlatformRecords('other')).toEqual([{ key: 'a', value: 'not teams' }]);
      expect(await c.store.listPlatformRecords('none')).toEqual([]);
      expect(await c.store.getPlatformRecord('teams', 'a')).toEqual({ n: 1 });
    });

    it('keeps every record when many keys are put at once', async () => {
      const keys = Array.from({ length: 10 }, (_, i) => `personal:aad-${i}`);
      await Promise.all(keys.map((key, i) => c.store.putPlatformRecord('teams', key, { i })));
      expect(byKey(await c.store.listPlatformRecords('teams'))).toEqual(
        byKey(keys.map((key, i) => ({ key, value: { i } }))),
      );
    });

    it('hands out copies: changing what went in or came out changes nothing stored', async () => {
      const value = { ...conversation, tags: ['x'] };
      await c.store.putPlatformRecord('teams', 'k', value);
      value.tags.push('changed after put');
      const got = (await c.store.getPlatformRecord('teams', 'k')) as { tags: string[] };
      got.tags.push('changed after get');
      const listed = await c.store.listPlatformRecords('teams');
      (listed[0]!.value as { tags: string[] }).tags.push('changed after list');
      expect(await c.store.getPlatformRecord('teams', 'k')).toEqual({ ...conversation, tags: ['x'] });
    });

    it('deletes one record, leaves the rest, and takes a missing one in its stride', async () => {
      await c.store.putPlatformRecord('teams', 'chat:SV-2027-0001', '19:chat');
      await c.store.putPlatformRecord('teams', 'tenantId', 't1');
      await c.store.putPlatformRecord('other', 'chat:SV-2027-0001', 'kept');
      await c.store.deletePlatformRecord('teams', 'chat:SV-2027-0001');
      await c.store.deletePlatformRecord('teams', 'never-put');
      expect(await c.store.getPlatformRecord('teams', 'chat:SV-2027-0001')).toBeUndefined();
      expect(await c.store.listPlatformRecords('teams')).toEqual([{ key: 'tenantId', value: 't1' }]);
      expect(await c.store.getPlatformRecord('other', 'chat:SV-2027-0001')).toBe('kept');
    });

    it('keeps the records after a restart', async ({ skip }) => {
      if (!c.harness.reopen) skip('this store offers no restart hook');
      await c.store.putPlatformRecord('teams', 'doomed', 'gone after delete');
      await c.store.deletePlatformRecord('teams', 'doomed');
      await c.store.putPlatformRecord('teams', 'personal:aad-pat', conversation);
      await c.store.putPlatformRecord('teams', 'tenantId', 't1');
      await c.store.putPlatformRecord('teams', 'tenantId', 't2');
      await c.restart();
      expect(await c.store.getPlatformRecord('teams', 'personal:aad-pat')).toEqual(conversation);
      expect(byKey(await c.store.listPlatformRecords('teams'))).toEqual([
        { key: 'personal:aad-pat', value: conversation },
        { key: 'tenantId', value: 't2' },
      ]);
    });
  });
}
