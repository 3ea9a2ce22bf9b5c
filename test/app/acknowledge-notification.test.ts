import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acknowledgeNotification } from '../../src/app/acknowledge-notification.js';
import { openIncident } from '../../src/app/open-incident.js';
import type { MusterError } from '../../src/core/errors.js';
import type { Store } from '../../src/ports.js';
import { STORES, testDeps, validForm } from './harness.js';

const REF = 'SV-2027-0001';
const NIA = { id: 'console:nia-nhft', name: 'Nia NHFT', contactId: 'nia-nhft' };
const NED = { id: 'console:ned-nhft', name: 'Ned NHFT' };

describe.each(STORES)('acknowledgeNotification ($name)', (factory) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let deps: ReturnType<typeof testDeps>;

  beforeEach(async () => {
    ({ store, cleanup } = await factory.open());
    deps = testDeps(store);
    await openIncident(deps, validForm());
  });
  afterEach(() => cleanup());

  it('records the agency’s acknowledgement on the incident and its notifications', async () => {
    const result = await acknowledgeNotification(deps, { reference: REF, agencyId: 'nhft', by: NIA });

    expect(result.alreadyAcknowledged).toBe(false);
    expect(result.message).toBe('NHFT acknowledged SV-2027-0001.');
    expect(result.incident.acknowledgements).toEqual([
      { agencyId: 'nhft', at: '2027-08-28T08:00:00.000Z', by: NIA },
    ]);
    expect(result.incident.notifications.find((n) => n.agencyId === 'nhft')).toMatchObject({
      acknowledgedAt: '2027-08-28T08:00:00.000Z',
      acknowledgedBy: NIA,
    });
    expect((await store.listEvents(REF)).at(-1)?.type).toBe('notification.acknowledged');
  });

  it('changes nothing when the same agency acknowledges again, and says who did first', async () => {
    await acknowledgeNotification(deps, { reference: REF, agencyId: 'nhft', by: NIA });
    const before = await store.getIncident(REF);
    const events = (await store.listEvents(REF)).length;

    const again = await acknowledgeNotification(deps, { reference: REF, agencyId: 'nhft', by: NED });

    expect(again.alreadyAcknowledged).toBe(true);
    expect(again.acknowledgement.by).toEqual(NIA);
    expect(again.message).toBe(
      'NHFT had already acknowledged SV-2027-0001 (Nia NHFT, Sat 28 Aug 2027 09:00 BST); nothing changed.',
    );
    expect(await store.getIncident(REF)).toEqual(before);
    expect(await store.listEvents(REF)).toHaveLength(events);
  });

  it('refuses an agency that was not notified', async () => {
    const error = await acknowledgeNotification(deps, { reference: REF, agencyId: 'fire', by: NIA }).then(
      () => undefined,
      (e: MusterError) => e,
    );
    expect(error?.code).toBe('invalid_input');
    expect(error?.details.map((d) => d.path)).toEqual(['agencyId']);
  });
});
