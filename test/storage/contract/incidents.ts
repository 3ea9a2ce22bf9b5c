/**
 * Store contract, incidents: create, read, list, update, and what updates must never lose.
 */
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../src/core/errors.js';
import { summarise } from '../../../src/core/incident/incident.js';
import { makeEvent, makeIncident, TEST_ACTOR } from '../../fixtures/incident-factory.js';
import { type ContractContext, expectCode } from './contract-kit.js';

export function describeIncidentContract(c: ContractContext): void {
  describe('incidents', () => {
    it('returns an incident exactly as it was created', async () => {
      const incident = makeIncident({
        knockOnAreas: ['southtown'],
        spaces: { slack: { spaceId: 'C1', spaceName: 'sv-2027-9001-northtown' } },
      });
      await c.store.createIncident(incident);
      expect(await c.store.getIncident(incident.id)).toEqual(incident);
    });

    it('returns undefined for an incident that does not exist', async () => {
      expect(await c.store.getIncident('SV-2027-0404')).toBeUndefined();
    });

    it('refuses to create an incident whose id exists, with conflict, and keeps the original', async () => {
      const original = await c.store.createIncident(makeIncident());
      await expectCode(c.store.createIncident({ ...original, title: 'Impostor' }), ErrorCode.Conflict);
      expect((await c.store.getIncident(original.id))?.title).toBe(original.title);
    });

    it('lists the summary of every incident and filters by status', async () => {
      const open = await c.store.createIncident(makeIncident({ status: 'open' }));
      const held = await c.store.createIncident(makeIncident({ status: 'initial-held' }));
      const closed = await c.store.createIncident(makeIncident({ status: 'closed' }));
      const byId = (list: { id: string }[]) => list.map((s) => s.id).sort();

      const all = await c.store.listIncidents();
      expect(byId(all)).toEqual(byId([open, held, closed]));
      expect(all.find((s) => s.id === held.id)).toEqual(summarise(held));
      expect(byId(await c.store.listIncidents({ status: ['closed'] }))).toEqual([closed.id]);
      expect(byId(await c.store.listIncidents({ status: ['open', 'closed'] }))).toEqual(byId([open, closed]));
      expect(await c.store.listIncidents({ status: ['final-held'] })).toEqual([]);
    });

    it('applies an update, bumps the version and keeps the updatedAt the caller set', async () => {
      const incident = await c.store.createIncident(makeIncident());
      const updated = await c.store.updateIncident(incident.id, (current) => ({
        incident: {
          ...current,
          status: 'initial-held',
          updatedAt: '2027-03-16T10:00:00.000Z',
          version: 99,
        },
      }));
      expect(updated.version).toBe(incident.version + 1);
      const stored = await c.store.getIncident(incident.id);
      expect(stored).toEqual(updated);
      expect(stored?.status).toBe('initial-held');
      expect(stored?.updatedAt).toBe('2027-03-16T10:00:00.000Z');
      const [summary] = await c.store.listIncidents({ status: ['initial-held'] });
      expect(summary?.updatedAt).toBe('2027-03-16T10:00:00.000Z');
    });

    it('refuses to update an incident that does not exist, with not_found', async () => {
      await expectCode(
        c.store.updateIncident('SV-2027-0404', (current) => ({ incident: current })),
        ErrorCode.NotFound,
      );
    });

    it('writes nothing when the change throws', async () => {
      const incident = await c.store.createIncident(makeIncident(), [makeEvent('incident.opened')]);
      const failure = new Error('rule broken');
      const attempt = c.store.updateIncident(incident.id, (current) => {
        current.title = 'Changed in place before failing';
        throw failure;
      });
      await expect(attempt).rejects.toBe(failure);
      expect(await c.store.getIncident(incident.id)).toEqual(incident);
      expect((await c.store.listEvents(incident.id)).map((e) => e.type)).toEqual(['incident.opened']);
      expect((await c.store.listIncidents())[0]).toEqual(summarise(incident));
    });

    it('loses no update when 50 run at once on one incident', async () => {
      const incident = await c.store.createIncident(makeIncident(), [makeEvent('incident.opened')]);
      await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          c.store.updateIncident(incident.id, (current) => ({
            incident: {
              ...current,
              acknowledgements: [
                ...current.acknowledgements,
                { agencyId: `agency-${i}`, at: current.createdAt, by: TEST_ACTOR },
              ],
            },
            events: [makeEvent('notification.acknowledged', i % 60, { agencyId: `agency-${i}` })],
          })),
        ),
      );
      const stored = await c.store.getIncident(incident.id);
      expect(stored?.version).toBe(51);
      expect(new Set(stored?.acknowledgements.map((a) => a.agencyId)).size).toBe(50);
      const events = await c.store.listEvents(incident.id);
      expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 51 }, (_, i) => i + 1));
      expect(new Set(events.map((e) => e.data?.agencyId).filter(Boolean)).size).toBe(50);
    });
  });
}
