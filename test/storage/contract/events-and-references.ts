/**
 * Store contract, the append-only timeline and the per-year reference counter.
 */
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../src/core/errors.js';
import { makeEvent, makeIncident } from '../../fixtures/incident-factory.js';
import { type ContractContext, expectCode } from './contract-kit.js';

export function describeEventAndReferenceContract(c: ContractContext): void {
  describe('events', () => {
    it('numbers events 1..n per incident in the order they were appended', async () => {
      const a = await c.store.createIncident(makeIncident(), [makeEvent('incident.opened', 0)]);
      const b = await c.store.createIncident(makeIncident(), [makeEvent('incident.opened', 1)]);
      const appended = await c.store.appendEvents(a.id, [
        makeEvent('incident.viewed', 2),
        makeEvent('note.added', 3),
      ]);
      expect(appended.map((e) => [e.incidentId, e.seq, e.type])).toEqual([
        [a.id, 2, 'incident.viewed'],
        [a.id, 3, 'note.added'],
      ]);
      await c.store.updateIncident(a.id, (current) => ({
        incident: current,
        events: [makeEvent('meeting.recorded', 4)],
      }));
      const events = await c.store.listEvents(a.id);
      expect(events.map((e) => [e.seq, e.type])).toEqual([
        [1, 'incident.opened'],
        [2, 'incident.viewed'],
        [3, 'note.added'],
        [4, 'meeting.recorded'],
      ]);
      expect(events[0]).toEqual({ ...makeEvent('incident.opened', 0), incidentId: a.id, seq: 1 });
      expect((await c.store.listEvents(b.id)).map((e) => e.seq)).toEqual([1]);
    });

    it('pages through events with afterSeq and limit', async () => {
      const incident = await c.store.createIncident(makeIncident());
      await c.store.appendEvents(
        incident.id,
        Array.from({ length: 7 }, (_, i) => makeEvent(`step.${i + 1}`, i)),
      );
      expect((await c.store.listEvents(incident.id, { afterSeq: 2, limit: 3 })).map((e) => e.seq)).toEqual([
        3, 4, 5,
      ]);
      expect((await c.store.listEvents(incident.id, { afterSeq: 5 })).map((e) => e.seq)).toEqual([6, 7]);
      expect(await c.store.listEvents(incident.id, { afterSeq: 7 })).toEqual([]);
    });

    it('refuses to append events to an incident that does not exist, with not_found', async () => {
      await expectCode(c.store.appendEvents('SV-2027-0404', [makeEvent('note.added')]), ErrorCode.NotFound);
    });

    it('keeps events and carries on their numbering after a restart', async (ctx) => {
      ctx.skip(!c.harness.reopen, 'no reopen hook');
      const incident = await c.store.createIncident(makeIncident(), [makeEvent('incident.opened', 0)]);
      await c.store.appendEvents(incident.id, [makeEvent('note.added', 1)]);
      await c.restart();
      await c.store.appendEvents(incident.id, [makeEvent('note.added', 2)]);
      const events = await c.store.listEvents(incident.id);
      expect(events.map((e) => [e.seq, e.at])).toEqual([
        [1, makeEvent('x', 0).at],
        [2, makeEvent('x', 1).at],
        [3, makeEvent('x', 2).at],
      ]);
      expect(await c.store.getIncident(incident.id)).toEqual(incident);
    });
  });

  describe('references', () => {
    it('hands out unique references per year when many are asked for at once', async () => {
      const [y2040, y2041] = await Promise.all([
        Promise.all(Array.from({ length: 20 }, () => c.store.allocateReference(2040))),
        Promise.all(Array.from({ length: 3 }, () => c.store.allocateReference(2041))),
      ]);
      expect(new Set(y2040).size).toBe(20);
      for (const reference of y2040) expect(reference).toMatch(/^SV-2040-\d{4,}$/);
      expect(new Set(y2041).size).toBe(3);
      expect([...y2041].sort()[0]).toBe('SV-2041-0001');
    });

    it('never hands out a reference again after a restart', async (ctx) => {
      ctx.skip(!c.harness.reopen, 'no reopen hook');
      const before = [await c.store.allocateReference(2042), await c.store.allocateReference(2042)];
      await c.restart();
      const after = await c.store.allocateReference(2042);
      expect(before).not.toContain(after);
      expect(after > before[1]!).toBe(true);
    });
  });
}
