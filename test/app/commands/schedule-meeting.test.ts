import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { announceIncident } from '../../../src/app/announce-incident.js';
import type { MeetingCard } from '../../../src/app/cards/card-model.js';
import type { CommandDeps } from '../../../src/app/commands/command-outcome.js';
import { scheduleMeetingCommand } from '../../../src/app/commands/schedule-meeting-command.js';
import type { FormDefinition } from '../../../src/app/forms/form-model.js';
import { registeredForm } from '../../../src/app/forms/form-registry.js';
import { scheduleMeetingFormHandler } from '../../../src/app/forms/schedule-meeting-form.js';
import { incidentTimeline, nowIn } from '../../../src/app/incident-timeline.js';
import { openIncident } from '../../../src/app/open-incident.js';
import { recordMeeting } from '../../../src/app/record-meeting.js';
import type { Actor } from '../../../src/core/actor.js';
import type { Incident } from '../../../src/core/incident/incident.js';
import type { Store } from '../../../src/ports.js';
import { RecordingPlatform } from '../../fakes/recording-platform.js';
import { COORDINATOR, SIO, STORES, testDeps, validForm } from '../harness.js';
import { refusal, snapshot } from '../store-snapshot.js';

const REF = 'SV-2027-0001';
/** The platform's user ids for the people a `user` field can name (the SIO came from this platform). */
const PEOPLE: Record<string, Actor> = { 'dci-patel': SIO, 'cara-csp': COORDINATOR };
const requester = { contactId: 'cara-csp', isSpaceMember: true };

type Deps = CommandDeps & ReturnType<typeof testDeps> & { platform: RecordingPlatform };

describe.each(STORES)('/incident meeting schedule ($name)', (factory) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let deps: Deps;

  beforeEach(async () => {
    ({ store, cleanup } = await factory.open());
    // Named like the SIO's platform, so the chair field can be preset with the SIO's id.
    deps = { ...testDeps(store), platform: new RecordingPlatform('console') };
    await openIncident(deps, validForm());
  });
  afterEach(() => cleanup());

  const incident = async (): Promise<Incident> => (await store.getIncident(REF))!;
  const announce = () => announceIncident(deps, REF);
  const scope = async () => ({
    incident: await incident(),
    by: COORDINATOR,
    requester,
    resolveUser: async (value: string) => PEOPLE[value],
  });
  const submit = async (values: Record<string, string | string[] | undefined>) =>
    scheduleMeetingFormHandler.submit(deps, await scope(), {
      formId: 'schedule-meeting',
      context: { reference: REF },
      values,
    });
  const answers = (overrides: Record<string, string | string[] | undefined> = {}) => ({
    kind: 'initial',
    at: '2027-09-01T10:00:00+01:00',
    chair: 'dci-patel',
    attendees: ['police', 'schools'],
    ...overrides,
  });
  const field = (form: FormDefinition | undefined, id: string) => form?.fields.find((f) => f.id === id);
  const meetingCards = () =>
    deps.platform.cardHistory.filter((h) => h.card.kind === 'meeting').map((h) => h.card as MeetingCard);

  it('opens the form for the initial meeting at 10:00 on the next working day, chaired by the SIO, List 2 invited', async () => {
    const outcome = await scheduleMeetingCommand(deps, await scope());

    const form = outcome.form;
    expect(form?.id).toBe('schedule-meeting');
    expect(form?.context).toEqual({ reference: REF });
    expect(field(form, 'kind')?.initial).toBe('initial');
    // Sat 28 Aug: Mon 30 Aug is the summer bank holiday, so the next working day is Tue 31 Aug.
    expect(field(form, 'at')?.initial).toBe('2027-08-31T10:00:00.000+01:00');
    expect(field(form, 'chair')).toMatchObject({ kind: 'user', initial: 'dci-patel' });
    expect(field(form, 'attendees')).toMatchObject({
      kind: 'multi-select',
      initial: ['police', 'csp', 'schools'],
    });
    expect(field(form, 'attendees')?.choices?.map((c) => c.value)).toEqual([
      'police',
      'csp',
      'nhft',
      'schools',
    ]);
  });

  it('preselects the kind typed and rebuilds the same form from its context', async () => {
    const outcome = await scheduleMeetingCommand(deps, await scope(), 'review');
    expect(field(outcome.form, 'kind')?.initial).toBe('review');
    expect(outcome.form?.context).toEqual({ reference: REF, kind: 'review' });

    const rebuilt = await registeredForm(deps, 'schedule-meeting', outcome.form!.context!);
    expect(rebuilt).toEqual(outcome.form);
  });

  it('records the meeting, moves the milestones after it and posts the meeting card with its invitation', async () => {
    await announce();
    const before = incidentTimeline(deps.protocol, await incident(), nowIn(deps.clock, deps.protocol));
    expect(before.find((m) => m.id === 'review-meeting')?.due).toBeNull();

    const outcome = await submit(answers());

    const stored = await incident();
    expect(stored.meetings).toEqual([
      expect.objectContaining({
        id: 'initial-1',
        kind: 'initial',
        status: 'scheduled',
        at: '2027-09-01T09:00:00.000Z',
        chair: SIO,
        attendees: ['police', 'schools'],
      }),
    ]);
    const after = incidentTimeline(deps.protocol, stored, nowIn(deps.clock, deps.protocol));
    expect(after.find((m) => m.id === 'review-meeting')?.due?.toISO()).toBe('2027-10-01T10:00:00.000+01:00');
    const keys = (await store.listReminders(REF)).map((r) => r.key);
    expect(keys).toContain('review-meeting:before-5wd');

    expect(meetingCards()).toEqual([
      {
        kind: 'meeting',
        reference: REF,
        meetingId: 'initial-1',
        heading: `Initial Tactical Response Meeting — ${REF}`,
        whenText: 'Wed 1 Sep 2027 10:00 BST',
        at: '2027-09-01T10:00:00.000+01:00',
        facts: [
          { label: 'Chair', value: SIO.name },
          { label: 'Invited agencies', value: 'Police, Schools' },
          { label: 'Meeting id', value: 'initial-1' },
        ],
        actions: [
          {
            verb: 'start-meeting',
            label: 'Start meeting',
            value: JSON.stringify({ reference: REF, meetingKind: 'initial' }),
            style: 'primary',
          },
        ],
      },
    ]);
    expect(deps.platform.uploads).toHaveLength(1);
    const [upload] = deps.platform.uploads;
    expect(upload?.target).toEqual({ kind: 'space', space: { id: 'S1', name: 'sv-2027-0001' } });
    expect(upload?.files.map((f) => f.filename)).toEqual(['sv-2027-0001-initial.ics']);
    const ics = upload!.files[0]!.content.toString('utf8');
    expect(ics).toContain('DTSTART;TZID=Europe/London:20270901T100000\r\n');
    expect(ics).toContain('BEGIN:VEVENT');

    expect(outcome).toMatchObject({ refreshCard: true });
    expect(outcome.message).toBe(
      'Initial Tactical Response Meeting scheduled for Wed 1 Sep 2027 10:00 BST. The meeting card and its calendar invitation are posted in the channel.',
    );
  });

  it('warns on the card and in the reply when the meeting is after the protocol’s deadline for it', async () => {
    await announce();
    const outcome = await submit(answers({ at: '2027-09-03T10:00:00+01:00' }));

    const warning =
      'This is after the protocol’s deadline for the Initial Tactical Response Meeting (Thu 2 Sep 2027 15:00 BST). Hold it sooner if you can.';
    expect(meetingCards()[0]?.warning).toBe(warning);
    expect(outcome.message).toContain(warning);
    expect((await incident()).meetings[0]?.status).toBe('scheduled');
  });

  it('gives no warning one minute inside the deadline', async () => {
    await announce();
    const outcome = await submit(answers({ at: '2027-09-02T14:59:00+01:00' }));
    expect(meetingCards()[0]?.warning).toBeUndefined();
    expect(outcome.message).not.toContain('deadline');
  });

  it('records the meeting when the incident has no space here yet and says the card could not be posted', async () => {
    const outcome = await submit(answers());

    expect((await incident()).meetings).toHaveLength(1);
    expect(deps.platform.calls).not.toContain('postCard');
    expect(deps.platform.uploads).toHaveLength(0);
    expect(outcome.message).toContain(
      `The meeting card could not be posted: ${REF} has no channel on console yet.`,
    );
  });

  it('keeps the meeting when the platform refuses the card, and says so', async () => {
    await announce();
    deps.platform.failNext(1, 'postCard');
    const outcome = await submit(answers());
    expect((await incident()).meetings).toHaveLength(1);
    expect(outcome.message).toContain(
      'The meeting card could not be posted in the channel (console API unavailable)',
    );
  });

  describe('refuses bad answers on their field and changes nothing', () => {
    const cases: [string, Record<string, string | string[] | undefined>, string, RegExp][] = [
      ['an unknown chair', { chair: 'U_NOBODY' }, 'chair', /cannot find that person/],
      ['no chair', { chair: undefined }, 'chair', /who chairs/],
      ['no time', { at: undefined }, 'at', /say when/],
      ['a time without its offset', { at: '2027-09-01T10:00' }, 'at', /offset/],
      ['a time in the past', { at: '2027-08-27T10:00:00+01:00' }, 'at', /in the past/],
      ['an unknown kind', { kind: 'picnic' }, 'kind', /choose one of/],
      ['an unknown agency', { attendees: ['police', 'fire'] }, 'attendees', /"fire" is not an agency/],
      ['no agency', { attendees: [] }, 'attendees', /at least one/],
      ['a review before any initial meeting', { kind: 'review' }, 'kind', /initial meeting first/],
    ];
    it.each(cases)('%s', async (_name, overrides, path, message) => {
      await announce();
      const before = await snapshot(store, REF);

      const error = await refusal(submit(answers(overrides)));

      expect(error?.code).toBe('invalid_input');
      expect(error?.details).toEqual([{ path, message: expect.stringMatching(message) }]);
      expect(await snapshot(store, REF)).toBe(before);
      expect(deps.platform.calls).not.toContain('postCard');
    });
  });

  it('refuses to schedule the initial meeting again once it was held', async () => {
    await submit(answers());
    deps.clock.set('2027-09-01T12:00:00+01:00');
    await recordMeeting(deps, {
      reference: REF,
      kind: 'initial',
      at: '2027-09-01T10:00:00+01:00',
      held: true,
      by: SIO,
    });
    const before = await snapshot(store, REF);

    const error = await refusal(submit(answers({ at: '2027-09-02T10:00:00+01:00' })));

    expect(error?.details).toEqual([{ path: 'kind', message: expect.stringMatching(/already held/) }]);
    expect(await snapshot(store, REF)).toBe(before);
  });
});
