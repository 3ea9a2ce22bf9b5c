import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { markMilestoneDone } from '../../src/app/mark-milestone-done.js';
import { openIncident } from '../../src/app/open-incident.js';
import { recordMeeting } from '../../src/app/record-meeting.js';
import type { MusterError } from '../../src/core/errors.js';
import type { Store } from '../../src/ports.js';
import { COORDINATOR, SIO, STORES, testDeps, validForm } from './harness.js';

const REF = 'SV-2027-0001';

describe.each(STORES)('markMilestoneDone ($name)', (factory) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let deps: ReturnType<typeof testDeps>;

  beforeEach(async () => {
    ({ store, cleanup } = await factory.open());
    deps = testDeps(store, '2027-09-03T12:00:00+01:00');
    await openIncident(testDeps(store), validForm());
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
  const unsent = async (prefix: string) =>
    (await store.listReminders(REF)).filter((r) => r.key.startsWith(prefix) && !r.sentAt).map((r) => r.key);

  it('marks a manual milestone done and drops its reminders', async () => {
    expect(await unsent('minutes-initial:')).not.toEqual([]);

    const result = await markMilestoneDone(deps, {
      reference: REF,
      milestoneId: 'minutes-initial',
      by: COORDINATOR,
    });

    expect(result.alreadyDone).toBe(false);
    expect(result.incident.completions['minutes-initial']).toEqual({
      at: '2027-09-03T11:00:00.000Z',
      by: COORDINATOR,
    });
    expect(await unsent('minutes-initial:')).toEqual([]);
    expect((await store.listEvents(REF)).at(-1)?.type).toBe('milestone.met');
  });

  it('changes nothing when the milestone is already done', async () => {
    await markMilestoneDone(deps, { reference: REF, milestoneId: 'minutes-initial', by: COORDINATOR });
    const before = await store.getIncident(REF);

    const again = await markMilestoneDone(deps, { reference: REF, milestoneId: 'minutes-initial', by: SIO });

    expect(again.alreadyDone).toBe(true);
    expect(again.completion.by).toEqual(COORDINATOR);
    expect(await store.getIncident(REF)).toEqual(before);
  });

  it('refuses a milestone met by a meeting: the meeting is recorded instead', async () => {
    const error = await refusal(
      markMilestoneDone(deps, { reference: REF, milestoneId: 'review-meeting', by: COORDINATOR }),
    );
    expect(error?.code).toBe('invalid_input');
    expect(error?.details[0]?.message).toContain('record the review meeting as held');
  });

  it('refuses a milestone the protocol does not have', async () => {
    const error = await refusal(
      markMilestoneDone(deps, { reference: REF, milestoneId: 'tea-break', by: COORDINATOR }),
    );
    expect(error?.details.map((d) => d.path)).toEqual(['milestoneId']);
  });
});
