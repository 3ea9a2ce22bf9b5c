import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openIncident } from '../../src/app/open-incident.js';
import { type RecordMeetingInput, recordMeeting } from '../../src/app/record-meeting.js';
import type { MusterError } from '../../src/core/errors.js';
import type { Store } from '../../src/ports.js';
import type { FixedClock } from '../fakes/fixed-clock.js';
import { COORDINATOR, SIO, STORES, testDeps, validForm } from './harness.js';

const REF = 'SV-2027-0001';

describe.each(STORES)('recordMeeting ($name)', (factory) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let clock: FixedClock;
  let deps: ReturnType<typeof testDeps>;

  beforeEach(async () => {
    ({ store, cleanup } = await factory.open());
    deps = testDeps(store);
    clock = deps.clock;
    await openIncident(deps, validForm());
  });
  afterEach(() => cleanup());

  const meeting = (overrides: Partial<RecordMeetingInput> = {}): RecordMeetingInput => ({
    reference: REF,
    kind: 'initial',
    at: '2027-09-01T10:00:00+01:00',
    chair: SIO,
    by: COORDINATOR,
    ...overrides,
  });
  const fireAt = async (key: string) =>
    (await store.listReminders(REF)).find((r) => r.key === key && !r.sentAt)?.fireAt;
  const refusal = (input: RecordMeetingInput) =>
    recordMeeting(deps, input).then(
      () => undefined,
      (e: MusterError) => e,
    );

  it('scheduling the initial meeting plans the reminders of the milestones anchored on it', async () => {
    expect(await fireAt('minutes-initial:at')).toBeUndefined();

    const { incident } = await recordMeeting(deps, meeting());

    expect(incident.status).toBe('open');
    expect(incident.meetings).toMatchObject([{ kind: 'initial', status: 'scheduled', chair: SIO }]);
    // 5 working days after Wed 1 Sep: Wed 8 Sep 17:00 BST.
    expect(await fireAt('minutes-initial:at')).toBe('2027-09-08T16:00:00.000Z');
    // Scheduled is not held: the initial meeting itself still gets its reminders.
    expect(await fireAt('initial-meeting:at')).toBe('2027-09-02T14:00:00.000Z');
  });

  it('moving the meeting moves the dependent reminders', async () => {
    await recordMeeting(deps, meeting());
    const { incident } = await recordMeeting(deps, meeting({ at: '2027-09-02T10:00:00+01:00' }));

    expect(incident.meetings).toHaveLength(1);
    expect(await fireAt('minutes-initial:at')).toBe('2027-09-09T16:00:00.000Z');
  });

  it('holding the initial meeting moves the incident on and stops its reminders', async () => {
    clock.set('2027-09-01T12:00:00+01:00');
    const { incident } = await recordMeeting(deps, meeting({ held: true }));

    expect(incident.status).toBe('initial-held');
    expect(await fireAt('initial-meeting:at')).toBeUndefined();
    expect(await fireAt('minutes-initial:at')).toBe('2027-09-08T16:00:00.000Z');
    const events = await store.listEvents(REF);
    expect(events.at(-1)).toMatchObject({ type: 'meeting.held', actor: COORDINATOR });
    expect(events.at(-1)?.summary).toBe(
      'Initial meeting held at Wed 1 Sep 2027 10:00 BST, chaired by DCI Priya Patel.',
    );
  });

  it('refuses a meeting before the incident', async () => {
    const error = await refusal(meeting({ at: '2027-08-23T10:00:00+01:00' }));
    expect(error?.code).toBe('invalid_input');
    expect(error?.details).toEqual([{ path: 'at', message: 'is before the incident happened' }]);
  });

  it('refuses to record as held a meeting that is still in the future', async () => {
    const error = await refusal(meeting({ held: true }));
    expect(error?.details.map((d) => d.path)).toEqual(['at']);
    expect((await store.getIncident(REF))?.meetings).toEqual([]);
  });

  it('refuses a review meeting before there is an initial meeting', async () => {
    const error = await refusal(meeting({ kind: 'review', at: '2027-08-28T08:00:00+01:00' }));
    expect(error?.details).toEqual([{ path: 'kind', message: 'record the initial meeting first' }]);
  });

  it('refuses a review meeting held after the final meeting as an invalid transition', async () => {
    clock.set('2027-10-20T12:00:00+01:00');
    await recordMeeting(deps, meeting({ held: true }));
    await recordMeeting(deps, meeting({ kind: 'final', at: '2027-10-15T10:00:00+01:00', held: true }));
    const before = await store.getIncident(REF);

    const error = await refusal(meeting({ kind: 'review', at: '2027-10-18T10:00:00+01:00', held: true }));

    expect(error?.code).toBe('invalid_transition');
    expect(error?.message).toBe('SV-2027-0001 is final-held; it cannot move to review-held.');
    expect(await store.getIncident(REF)).toEqual(before);
  });

  it('refuses a reference that does not exist', async () => {
    const error = await refusal(meeting({ reference: 'SV-2027-0999' }));
    expect(error?.code).toBe('not_found');
  });

  it('refuses something that is not a reference, naming the field', async () => {
    const error = await refusal(meeting({ reference: 'the stabbing' }));
    expect(error?.code).toBe('invalid_input');
    expect(error?.details.map((d) => d.path)).toEqual(['reference']);
  });
});
