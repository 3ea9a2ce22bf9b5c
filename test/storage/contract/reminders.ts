/**
 * Store contract, reminders: syncing with the plan, claiming under a lease, completing and releasing.
 */
import { describe, expect, it } from 'vitest';
import { at, type ContractContext, planned } from './contract-kit.js';

export function describeReminderContract(c: ContractContext): void {
  describe('reminders', () => {
    it('adds new, moves unsent, drops unplanned and leaves sent reminders alone when syncing', async () => {
      const incident = await c.createWithReminders([
        planned('initial:before-24h', '2027-03-16T09:00:00.000Z'),
        planned('initial:at', '2027-03-17T09:00:00.000Z'),
        planned('review:before-24h', '2027-03-20T09:00:00.000Z'),
      ]);
      const [claimed] = await c.store.claimDueReminders({
        now: at('2027-03-16T09:00:00.000Z'),
        owner: 'a',
        leaseMs: 60_000,
        limit: 1,
      });
      expect(claimed?.key).toBe('initial:before-24h');
      expect(
        await c.store.markReminderSent(
          incident.id,
          'initial:before-24h',
          'a',
          at('2027-03-16T09:00:05.000Z'),
        ),
      ).toBe(true);

      await c.store.syncReminders(incident.id, [
        planned('initial:before-24h', '2027-03-18T09:00:00.000Z'),
        planned('initial:at', '2027-03-18T10:00:00.000Z'),
        planned('final:before-24h', '2027-04-01T09:00:00.000Z', { notify: ['coordinator'] }),
      ]);
      const byKey = new Map((await c.store.listReminders(incident.id)).map((r) => [r.key, r]));
      expect([...byKey.keys()].sort()).toEqual(['final:before-24h', 'initial:at', 'initial:before-24h']);
      expect(byKey.get('initial:before-24h')).toMatchObject({
        fireAt: '2027-03-16T09:00:00.000Z',
        sentAt: '2027-03-16T09:00:05.000Z',
      });
      expect(byKey.get('initial:at')).toMatchObject({
        fireAt: '2027-03-18T10:00:00.000Z',
        attempts: 0,
        incidentId: incident.id,
      });
      expect(byKey.get('final:before-24h')).toMatchObject({ notify: ['coordinator'], attempts: 0 });
      expect(byKey.get('final:before-24h')?.sentAt).toBeUndefined();

      await c.store.syncReminders(incident.id, []);
      expect((await c.store.listReminders(incident.id)).map((r) => r.key)).toEqual(['initial:before-24h']);
    });

    it('hands each due reminder to one claimant when two claim together', async () => {
      const keys = Array.from({ length: 6 }, (_, i) => `m${i}:at`);
      const a = await c.createWithReminders(keys.map((k) => planned(k, '2027-03-16T09:00:00.000Z')));
      const b = await c.createWithReminders(keys.map((k) => planned(k, '2027-03-16T09:30:00.000Z')));
      const claim = (owner: string) =>
        c.store.claimDueReminders({
          now: at('2027-03-16T10:00:00.000Z'),
          owner,
          leaseMs: 60_000,
          limit: 100,
        });
      const [first, second] = await Promise.all([claim('replica-1'), claim('replica-2')]);
      const ids = [...first, ...second].map((r) => `${r.incidentId}/${r.key}`);
      expect(ids).toHaveLength(12);
      expect(new Set(ids).size).toBe(12);
      for (const r of first) expect(r.claimedBy).toBe('replica-1');
      for (const r of second) expect(r.claimedBy).toBe('replica-2');
      expect(await claim('replica-3')).toEqual([]);
      expect(new Set(ids.map((id) => id.split('/')[0]))).toEqual(new Set([a.id, b.id]));
    });

    it('claims a reminder from its fire time on, not before', async () => {
      await c.createWithReminders([planned('initial:at', '2027-03-16T09:00:00.000Z')]);
      const claim = (now: string) =>
        c.store.claimDueReminders({ now: at(now), owner: 'a', leaseMs: 60_000, limit: 10 });
      expect(await claim('2027-03-16T08:59:59.999Z')).toEqual([]);
      const claimed = await claim('2027-03-16T09:00:00.000Z');
      expect(claimed.map((r) => r.key)).toEqual(['initial:at']);
      expect(claimed[0]?.leaseUntil).toBe('2027-03-16T09:01:00.000Z');
    });

    it('claims no more than the limit, earliest first', async () => {
      await c.createWithReminders([
        planned('c:at', '2027-03-16T09:02:00.000Z'),
        planned('a:at', '2027-03-16T09:00:00.000Z'),
        planned('b:at', '2027-03-16T09:01:00.000Z'),
      ]);
      const claimed = await c.store.claimDueReminders({
        now: at('2027-03-16T10:00:00.000Z'),
        owner: 'a',
        leaseMs: 60_000,
        limit: 2,
      });
      expect(claimed.map((r) => r.key)).toEqual(['a:at', 'b:at']);
    });

    it('lets another owner claim a reminder once its lease has expired, and not before', async () => {
      const incident = await c.createWithReminders([planned('initial:at', '2027-03-16T09:00:00.000Z')]);
      const claim = (owner: string, now: string) =>
        c.store.claimDueReminders({ now: at(now), owner, leaseMs: 60_000, limit: 10 });
      expect(await claim('a', '2027-03-16T09:00:00.000Z')).toHaveLength(1);
      expect(await claim('b', '2027-03-16T09:00:59.999Z')).toEqual([]);
      const retaken = await claim('b', '2027-03-16T09:01:00.000Z');
      expect(retaken.map((r) => r.claimedBy)).toEqual(['b']);
      expect(
        await c.store.markReminderSent(incident.id, 'initial:at', 'a', at('2027-03-16T09:01:01.000Z')),
      ).toBe(false);
      expect(
        await c.store.markReminderSent(incident.id, 'initial:at', 'b', at('2027-03-16T09:01:02.000Z')),
      ).toBe(true);
    });

    it('refuses to mark a reminder sent for an owner that does not hold it, and never hands out a sent one', async () => {
      const incident = await c.createWithReminders([planned('initial:at', '2027-03-16T09:00:00.000Z')]);
      await c.store.claimDueReminders({
        now: at('2027-03-16T09:00:00.000Z'),
        owner: 'a',
        leaseMs: 60_000,
        limit: 10,
      });
      expect(
        await c.store.markReminderSent(incident.id, 'initial:at', 'b', at('2027-03-16T09:00:01.000Z')),
      ).toBe(false);
      expect((await c.store.listReminders(incident.id))[0]?.sentAt).toBeUndefined();
      expect(
        await c.store.markReminderSent(incident.id, 'initial:at', 'a', at('2027-03-16T09:00:02.000Z')),
      ).toBe(true);
      expect((await c.store.listReminders(incident.id))[0]?.sentAt).toBe('2027-03-16T09:00:02.000Z');
      expect(
        await c.store.markReminderSent(incident.id, 'initial:at', 'a', at('2027-03-16T09:00:03.000Z')),
      ).toBe(false);
      expect(
        await c.store.claimDueReminders({
          now: at('2027-03-17T09:00:00.000Z'),
          owner: 'b',
          leaseMs: 60_000,
          limit: 10,
        }),
      ).toEqual([]);
    });

    it('counts the attempt, keeps the error and frees the lease when a claim is released', async () => {
      const incident = await c.createWithReminders([planned('initial:at', '2027-03-16T09:00:00.000Z')]);
      const claim = (owner: string) =>
        c.store.claimDueReminders({ now: at('2027-03-16T09:00:10.000Z'), owner, leaseMs: 60_000, limit: 10 });
      await claim('a');
      await c.store.releaseReminder(incident.id, 'initial:at', 'a', 'Slack said channel_not_found');
      const [released] = await c.store.listReminders(incident.id);
      expect(released).toMatchObject({ attempts: 1, lastError: 'Slack said channel_not_found' });
      expect(released?.claimedBy).toBeUndefined();
      expect(released?.leaseUntil).toBeUndefined();
      expect((await claim('b')).map((r) => r.claimedBy)).toEqual(['b']);
      await c.store.releaseReminder(incident.id, 'initial:at', 'b', 'timeout');
      expect((await c.store.listReminders(incident.id))[0]).toMatchObject({
        attempts: 2,
        lastError: 'timeout',
      });
    });
  });
}
