import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeIncident } from '../../src/app/close-incident.js';
import { endMeeting } from '../../src/app/meetings/end-meeting.js';
import { startMeeting } from '../../src/app/meetings/start-meeting.js';
import { openIncident } from '../../src/app/open-incident.js';
import { recordMeeting } from '../../src/app/record-meeting.js';
import { reopenIncident } from '../../src/app/reopen-incident.js';
import type { MusterError } from '../../src/core/errors.js';
import type { Store } from '../../src/ports.js';
import { COORDINATOR, SIO, STORES, testDeps, validForm } from './harness.js';

const REF = 'SV-2027-0001';

describe.each(STORES)('closing and reopening an incident ($name)', (factory) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let deps: ReturnType<typeof testDeps>;

  beforeEach(async () => {
    ({ store, cleanup } = await factory.open());
    deps = testDeps(store, '2027-09-01T12:00:00+01:00');
    await openIncident({ ...deps, clock: testDeps(store).clock }, validForm());
    await recordMeeting(deps, {
      reference: REF,
      kind: 'initial',
      at: '2027-09-01T10:00:00+01:00',
      held: true,
      chair: SIO,
      by: SIO,
    });
  });
  afterEach(() => cleanup());

  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (e: MusterError) => e,
    );

  it('closes with a reason and remembers where it was', async () => {
    const closed = await closeIncident(deps, {
      reference: REF,
      reason: 'Response complete',
      by: COORDINATOR,
    });

    expect(closed).toMatchObject({
      status: 'closed',
      statusBeforeClose: 'initial-held',
      closedReason: 'Response complete',
    });
    expect((await store.listEvents(REF)).at(-1)).toMatchObject({
      type: 'incident.closed',
      actor: COORDINATOR,
    });
  });

  it('reopens where it left off and plans its reminders again', async () => {
    await closeIncident(deps, { reference: REF, reason: 'Response complete', by: COORDINATOR });
    // Whatever happened to the reminders while it was closed, reopening plans them from the timeline.
    await store.syncReminders(REF, []);
    const reopened = await reopenIncident(deps, {
      reference: REF,
      reason: 'Retaliation feared',
      by: COORDINATOR,
    });

    expect(reopened.status).toBe('initial-held');
    expect(reopened.closedReason).toBeUndefined();
    expect((await store.listReminders(REF)).some((r) => r.key === 'minutes-initial:at' && !r.sentAt)).toBe(
      true,
    );
  });

  it('refuses to close a closed incident as an invalid transition and changes nothing', async () => {
    await closeIncident(deps, { reference: REF, reason: 'Response complete', by: COORDINATOR });
    const before = await store.getIncident(REF);

    const error = await refusal(closeIncident(deps, { reference: REF, reason: 'Again', by: COORDINATOR }));

    expect(error?.code).toBe('invalid_transition');
    expect(error?.message).toContain('Reopen it first');
    expect(await store.getIncident(REF)).toEqual(before);
  });

  it('refuses to reopen an incident that is not closed', async () => {
    const error = await refusal(reopenIncident(deps, { reference: REF, by: COORDINATOR }));
    expect(error?.code).toBe('invalid_transition');
  });

  it('refuses to close while a meeting is running, and closes once it has ended', async () => {
    await startMeeting(deps, { reference: REF, kind: 'review', by: SIO });
    const error = await refusal(
      closeIncident(deps, { reference: REF, reason: 'Response complete', by: COORDINATOR }),
    );
    expect(error?.code).toBe('invalid_transition');
    expect(error?.message).toContain('review meeting of SV-2027-0001 is still running');
    expect((await store.getIncident(REF))?.status).toBe('initial-held');
    expect((await store.listEvents(REF)).some((e) => e.type === 'incident.closed')).toBe(false);

    await endMeeting(deps, { reference: REF, by: SIO });
    const closed = await closeIncident(deps, {
      reference: REF,
      reason: 'Response complete',
      by: COORDINATOR,
    });
    expect(closed.status).toBe('closed');
  });

  it('refuses to close without a reason', async () => {
    const error = await refusal(closeIncident(deps, { reference: REF, reason: ' ', by: COORDINATOR }));
    expect(error?.code).toBe('invalid_input');
    expect(error?.details.map((d) => d.path)).toEqual(['reason']);
    expect((await store.getIncident(REF))?.status).toBe('initial-held');
  });

  it('refuses to record meetings on a closed incident', async () => {
    await closeIncident(deps, { reference: REF, reason: 'Response complete', by: COORDINATOR });
    const error = await refusal(
      recordMeeting(deps, {
        reference: REF,
        kind: 'review',
        at: '2027-09-01T11:00:00+01:00',
        by: COORDINATOR,
      }),
    );
    expect(error?.code).toBe('invalid_transition');
  });
});
