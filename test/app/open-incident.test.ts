import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpenIncidentInput } from '../../src/app/open-incident.js';
import { openIncident } from '../../src/app/open-incident.js';
import { isMusterError, type MusterError } from '../../src/core/errors.js';
import type { Store } from '../../src/ports.js';
import { FORM_AT, STORES, testDeps, validForm } from './harness.js';

async function refusal(promise: Promise<unknown>): Promise<MusterError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isMusterError(error)) throw new Error(`expected a MusterError, got ${String(error)}`);
  return error;
}

describe.each(STORES)('openIncident ($name)', (factory) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ store, cleanup } = await factory.open());
  });
  afterEach(() => cleanup());

  it('stores the incident with a new reference, notified now, and an opening event', async () => {
    const { incident } = await openIncident(testDeps(store), validForm());

    expect(incident.reference).toBe('SV-2027-0001');
    expect(incident.status).toBe('open');
    expect(incident.occurredAt).toBe('2027-08-27T14:00:00.000Z');
    expect(incident.notifiedAt).toBe(new Date(FORM_AT).toISOString());
    expect(incident.title).toBe('SV-2027-0001: Gold group, Corby');
    expect(incident.knockOnAreas).toEqual(['kettering']);
    expect(await store.getIncident('SV-2027-0001')).toMatchObject({
      reference: 'SV-2027-0001',
      area: 'corby',
    });
    const events = await store.listEvents('SV-2027-0001');
    expect(events.map((e) => e.type)).toEqual(['incident.opened']);
  });

  it('notifies every List 1 and List 2 contact of the area, once each', async () => {
    const { incident } = await openIncident(testDeps(store), validForm());

    expect(incident.notifications.map((n) => [n.contactId, n.agencyId, n.lists])).toEqual([
      ['pat-police', 'police', [1, 2]],
      ['cara-csp', 'csp', [1, 2]],
      ['nia-nhft', 'nhft', [1]],
      ['sam-school', 'schools', [2]],
    ]);
  });

  it('plans the protocol reminders for the open milestones', async () => {
    await openIncident(testDeps(store), validForm());

    const reminders = await store.listReminders('SV-2027-0001');
    const keys = reminders.map((r) => r.key);
    expect(keys).toContain('initial-meeting:before-48h');
    expect(keys).toContain('initial-meeting:at');
    // The SIO's notification is met by opening the incident, so nothing nudges the SIO about it.
    expect(keys.filter((k) => k.startsWith('sio-notification'))).toEqual([]);
    // Milestones after the initial meeting are not scheduled yet, so they have no reminders.
    expect(keys.filter((k) => k.startsWith('minutes-initial'))).toEqual([]);
    const at = reminders.find((r) => r.key === 'initial-meeting:at');
    expect(at?.fireAt).toBe('2027-09-02T14:00:00.000Z');
  });

  it('numbers incidents one after another', async () => {
    await openIncident(testDeps(store), validForm());
    const { incident } = await openIncident(
      testDeps(store),
      validForm({ area: 'kettering', knockOnAreas: [] }),
    );
    expect(incident.reference).toBe('SV-2027-0002');
  });

  const badFields: [string, Partial<OpenIncidentInput>, string][] = [
    ['an occurredAt that is not a date', { occurredAt: 'last night' }, 'occurredAt'],
    ['an occurredAt without an offset', { occurredAt: '2027-08-27T15:00' }, 'occurredAt'],
    ['an occurredAt in the future', { occurredAt: '2027-08-28T09:30:00+01:00' }, 'occurredAt'],
    ['an occurredAt more than 30 days ago', { occurredAt: '2027-07-28T08:00:00+01:00' }, 'occurredAt'],
    ['an unknown area', { area: 'narnia' }, 'area'],
    ['an empty location', { location: '   ' }, 'location'],
    ['an empty description', { description: '' }, 'description'],
    ['an unknown category', { category: 'minor' as never }, 'category'],
    ['an unknown weapon', { weapon: 'spoon' as never }, 'weapon'],
    ['an SIO without a name', { sio: { id: 'console:x', name: ' ' } }, 'sio.name'],
    ['a missing reporter', { reportedBy: undefined as never }, 'reportedBy'],
    ['an unknown knock-on area', { knockOnAreas: ['atlantis'] }, 'knockOnAreas.0'],
    ['the incident area as a knock-on area', { knockOnAreas: ['kettering', 'corby'] }, 'knockOnAreas.1'],
  ];

  it.each(badFields)('refuses %s, naming the field, and stores nothing', async (_what, overrides, path) => {
    const error = await refusal(openIncident(testDeps(store), validForm(overrides)));

    expect(error.code).toBe('invalid_input');
    expect(error.details.map((d) => d.path)).toEqual([path]);
    expect(await store.listIncidents()).toEqual([]);
    // Not even a reference was used up.
    expect(await store.allocateReference(2027)).toBe('SV-2027-0001');
  });

  it('names every bad field at once', async () => {
    const error = await refusal(
      openIncident(
        testDeps(store),
        validForm({ area: 'narnia', description: '', occurredAt: '2027-09-01T00:00:00Z' }),
      ),
    );
    expect(error.details.map((d) => d.path).sort()).toEqual(['area', 'description', 'occurredAt']);
  });
});
