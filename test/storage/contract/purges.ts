/**
 * Store contract, retention: a closed incident older than the cut-off goes
 * with its audit and reminders, and the purge is logged (reference and dates
 * only); an open, reopened or recent one is left exactly as it was.
 */
import { describe, expect, it } from 'vitest';
import type { PurgeRecord } from '../../../src/ports.js';
import { makeIncident } from '../../fixtures/incident-factory.js';
import { at, type ContractContext, planned } from './contract-kit.js';

const CUT_OFF = at('2027-06-01T00:00:00.000Z');
const CLOSED_AT = '2027-04-01T09:00:00.000Z';

function record(reference: string, exportKept = false): PurgeRecord {
  return { reference, closedAt: CLOSED_AT, purgedAt: '2027-06-01T02:00:00.000Z', exportKept };
}

export function describePurgeContract(c: ContractContext): void {
  describe('retention purge', () => {
    async function closedIncident(updatedAt = CLOSED_AT) {
      const incident = await c.store.createIncident(makeIncident(), [
        {
          at: '2027-03-15T07:10:00.000Z',
          actor: { id: 'cli', name: 'cli' },
          type: 'incident.opened',
          summary: 'x',
        },
      ]);
      await c.store.syncReminders(incident.id, [planned('initial-meeting:at', '2027-03-16T09:00:00.000Z')]);
      return c.store.updateIncident(incident.id, (current) => ({
        incident: { ...current, status: 'closed', updatedAt },
        events: [{ at: updatedAt, actor: { id: 'cli', name: 'cli' }, type: 'incident.closed', summary: 'y' }],
      }));
    }

    it('deletes an old closed incident with its events and reminders, and logs the purge', async () => {
      const kept = await c.store.createIncident(makeIncident());
      const old = await closedIncident();
      expect(await c.store.purgeIncident(old.id, CUT_OFF, record(old.reference, true))).toBe(true);
      expect(await c.store.getIncident(old.id)).toBeUndefined();
      expect(await c.store.listEvents(old.id)).toEqual([]);
      expect(await c.store.listReminders(old.id)).toEqual([]);
      expect((await c.store.listIncidents()).map((s) => s.id)).toEqual([kept.id]);
      expect(await c.store.listPurges()).toEqual([record(old.reference, true)]);
    });

    it('leaves an open incident, a recently closed one and an unknown id alone, returning false', async () => {
      const open = await c.store.createIncident(makeIncident({ updatedAt: '2027-01-01T00:00:00.000Z' }));
      const recent = await closedIncident('2027-06-01T00:00:00.000Z');
      const before = [await c.store.getIncident(open.id), await c.store.getIncident(recent.id)];
      const eventsBefore = await c.store.listEvents(recent.id);
      expect(await c.store.purgeIncident(open.id, CUT_OFF, record(open.reference))).toBe(false);
      expect(await c.store.purgeIncident(recent.id, CUT_OFF, record(recent.reference))).toBe(false);
      expect(await c.store.purgeIncident('SV-2027-0999', CUT_OFF, record('SV-2027-0999'))).toBe(false);
      expect([await c.store.getIncident(open.id), await c.store.getIncident(recent.id)]).toEqual(before);
      expect(await c.store.listEvents(recent.id)).toEqual(eventsBefore);
      expect(await c.store.listPurges()).toEqual([]);
    });

    it('keeps the reference number used after a purge', async () => {
      const year = 2031;
      const first = await c.store.allocateReference(year);
      const old = await closedIncident();
      await c.store.purgeIncident(old.id, CUT_OFF, record(old.reference));
      expect(await c.store.allocateReference(year)).not.toBe(first);
    });

    it('still has the purge, and not the incident, after a restart', async ({ skip }) => {
      if (!c.harness.reopen) skip('this store offers no restart hook');
      const old = await closedIncident();
      await c.store.purgeIncident(old.id, CUT_OFF, record(old.reference));
      await c.restart();
      expect(await c.store.getIncident(old.id)).toBeUndefined();
      expect((await c.store.listIncidents()).map((s) => s.id)).not.toContain(old.id);
      expect(await c.store.listPurges()).toEqual([record(old.reference)]);
    });
  });
}
