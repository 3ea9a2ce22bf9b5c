/**
 * Store contract, `rememberOnce`, and what happens when one incident's stored data is damaged.
 */
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../src/core/errors.js';
import { at, type ContractContext, expectCode, planned } from './contract-kit.js';

export function describeIdempotencyAndDamageContract(c: ContractContext): void {
  describe('rememberOnce', () => {
    it('says true to the first caller of a key and false to every later one', async () => {
      const now = at('2027-03-16T09:00:00.000Z');
      const together = await Promise.all([
        c.store.rememberOnce('slack:retry-1', now),
        c.store.rememberOnce('slack:retry-1', now),
      ]);
      expect(together.sort()).toEqual([false, true]);
      expect(await c.store.rememberOnce('slack:retry-1', now)).toBe(false);
      expect(await c.store.rememberOnce('slack:retry-2', now)).toBe(true);
    });

    it('remembers keys across a restart', async (ctx) => {
      ctx.skip(!c.harness.reopen, 'no reopen hook');
      expect(await c.store.rememberOnce('teams:activity-9', at('2027-03-16T09:00:00.000Z'))).toBe(true);
      await c.restart();
      expect(await c.store.rememberOnce('teams:activity-9', at('2027-03-16T09:05:00.000Z'))).toBe(false);
    });
  });

  describe('damaged data', () => {
    it('refuses a corrupted incident with corrupt_data while the others keep working', async (ctx) => {
      ctx.skip(!c.harness.corruptIncident, 'no corruptIncident hook');
      const due = [planned('initial:at', '2027-03-16T09:00:00.000Z')];
      const broken = await c.createWithReminders(due);
      const healthy = await c.createWithReminders(due);
      await c.harness.corruptIncident!(broken.id);

      await expectCode(c.store.getIncident(broken.id), ErrorCode.CorruptData);
      await expectCode(
        c.store.updateIncident(broken.id, (current) => ({ incident: current })),
        ErrorCode.CorruptData,
      );
      expect(await c.store.getIncident(healthy.id)).toEqual(healthy);
      expect((await c.store.listIncidents()).map((s) => s.id)).toContain(healthy.id);
      const updated = await c.store.updateIncident(healthy.id, (current) => ({
        incident: { ...current, title: 'Still fine' },
      }));
      expect(updated.title).toBe('Still fine');
      const claimed = await c.store.claimDueReminders({
        now: at('2027-03-16T09:00:00.000Z'),
        owner: 'a',
        leaseMs: 60_000,
        limit: 10,
      });
      expect(claimed.map((r) => r.incidentId)).toEqual([healthy.id]);
    });
  });
}
