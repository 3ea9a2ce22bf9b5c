import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseIncidentCommand } from '../../../src/app/commands/parse-incident-command.js';
import { runIncidentCommand } from '../../../src/app/commands/run-incident-command.js';
import { endMeetingCommand, startMeetingCommand } from '../../../src/app/commands/run-meeting-commands.js';
import { incidentTimeline, nowIn } from '../../../src/app/incident-timeline.js';
import { recordMeeting } from '../../../src/app/record-meeting.js';
import type { Incident } from '../../../src/core/incident/incident.js';
import { TOOLKIT_SECTIONS } from '../../../src/core/meetings/toolkit-checklist.js';
import type { Store } from '../../../src/ports.js';
import { RecordingPlatform } from '../../fakes/recording-platform.js';
import { COORDINATOR, SIO, STORES } from '../harness.js';
import {
  announcedIncident,
  checklistItem,
  type Deps,
  lastChecklist,
  member,
  REF,
} from '../interactions/checklist-fixture.js';
import { refusal, snapshot } from '../store-snapshot.js';

describe.each(STORES)('meeting start and end commands ($name)', (factory) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let deps: Deps;

  beforeEach(async () => {
    ({ store, cleanup } = await factory.open());
    deps = await announcedIncident(store);
  });
  afterEach(() => cleanup());

  const incident = async (): Promise<Incident> => (await store.getIncident(REF))!;
  const scope = async (by = SIO) => ({ incident: await incident(), by, requester: member });
  const start = async (kind?: Parameters<typeof startMeetingCommand>[2]) =>
    startMeetingCommand(deps, await scope(), kind);
  const end = async () => endMeetingCommand(deps, await scope(COORDINATOR));

  it('starts the initial meeting when none was held and posts the whole toolkit checklist in the space', async () => {
    const outcome = await start();

    expect(outcome.message).toBe('Initial meeting started: the checklist is posted in the channel.');
    expect(deps.platform.cardHistory).toHaveLength(1);
    const [posted] = deps.platform.cardHistory;
    expect(posted).toMatchObject({ op: 'post', ref: 'S1/checklist-1' });
    const card = lastChecklist(deps);
    expect(card).toMatchObject({
      reference: REF,
      meetingId: 'initial-1',
      heading: 'Initial Tactical Response Meeting — SV-2027-0001',
      statusText: 'Started Thu 2 Sep 2027 10:02 BST by DCI Priya Patel',
      ended: false,
      attendanceText: 'No attendance recorded yet.',
    });
    expect(card.sections.map((s) => s.title)).toEqual(TOOLKIT_SECTIONS.map((s) => s.title));
    expect(card.sections[0]?.doneText).toBe('0 of 5 done');
    expect(card.signsOfSafety).toBeUndefined();
    expect(card.actions.map((a) => [a.verb, a.style])).toEqual([
      ['record-attendance', undefined],
      ['end-meeting', 'danger'],
    ]);
    const item = checklistItem(card, 'health-planning', 'discharge-plans');
    expect(item.actions.map((a) => a.label)).toEqual(['Tick', 'Work on it']);
    expect(JSON.parse(item.actions[0]!.value)).toEqual({
      reference: REF,
      meetingId: 'initial-1',
      sectionId: 'health-planning',
      itemId: 'discharge-plans',
    });

    const record = (await incident()).meetingRecords?.[0];
    expect(record?.cardRefs).toEqual({ recording: 'S1/checklist-1' });
  });

  it('runs a review meeting on the review section with Signs of Safety once the initial meeting is held', async () => {
    await start('initial');
    deps.clock.set('2027-09-02T11:00:00+01:00');
    await end();
    deps.clock.set('2027-09-30T10:00:00+01:00');

    await start();
    const card = lastChecklist(deps);
    expect(card.meetingId).toBe('review-1');
    expect(card.heading).toBe('Review meeting — SV-2027-0001');
    expect(card.sections.map((s) => s.id)).toEqual(['review']);
    expect(card.signsOfSafety?.columns.map((c) => c.title)).toEqual([
      'What are we worried about?',
      "What's working well?",
      'What needs to happen?',
    ]);
    expect(card.signsOfSafety?.scaleText).toBe('Scale not set (0: not working, 10: can be closed)');
    expect(card.actions.map((a) => a.verb)).toEqual(['record-attendance', 'signs-of-safety', 'end-meeting']);
  });

  it('starts the meeting that is scheduled when no kind is given', async () => {
    await start('initial');
    deps.clock.set('2027-09-02T11:00:00+01:00');
    await end();
    await recordMeeting(deps, { reference: REF, kind: 'final', at: '2027-09-02T11:30:00+01:00', by: SIO });
    deps.clock.set('2027-09-02T11:30:00+01:00');

    const outcome = await start();
    expect(outcome.message).toBe('Final meeting started: the checklist is posted in the channel.');
    expect(lastChecklist(deps).meetingId).toBe('final-1');
  });

  it('refuses to start where the incident has no space, writing nothing', async () => {
    deps = { ...deps, platform: new RecordingPlatform('slack') };
    const before = await snapshot(store, REF);
    const error = await refusal(start());
    expect(error).toMatchObject({ code: 'invalid_transition' });
    expect((error as Error).message).toContain('has no channel on slack yet');
    expect(await snapshot(store, REF)).toBe(before);
    expect(deps.platform.cardHistory).toEqual([]);
  });

  it('ends the meeting: held, milestone met, the card closed in place and draft minutes posted in the space only', async () => {
    await start();
    const ref = deps.platform.cardHistory[0]!.ref;
    deps.clock.set('2027-09-02T11:31:00+01:00');

    const outcome = await end();

    expect(outcome.refreshCard).toBe(true);
    expect(outcome.message).toBe(
      'Initial meeting ended and recorded as held. Minutes drafted and posted here; /incident export minutes circulates them to List 1.',
    );
    const now = await incident();
    expect(now.status).toBe('initial-held');
    expect(now.meetings).toEqual([expect.objectContaining({ id: 'initial-1', status: 'held' })]);
    const milestone = incidentTimeline(deps.protocol, now, nowIn(deps.clock, deps.protocol)).find(
      (m) => m.id === 'initial-meeting',
    );
    expect(milestone?.state).toBe('met');

    const last = deps.platform.cardHistory.at(-1)!;
    expect(last).toMatchObject({ op: 'update', ref });
    const card = lastChecklist(deps);
    expect(card.ended).toBe(true);
    expect(card.statusText).toBe(
      'Ended Thu 2 Sep 2027 11:31 BST: 0 of 45 items done, 0 present, 0 decisions',
    );
    expect(card.actions).toEqual([]);
    expect(card.sections.flatMap((s) => s.items).every((i) => i.actions.length === 0)).toBe(true);

    expect(deps.platform.uploads).toHaveLength(1);
    const [upload] = deps.platform.uploads;
    expect(upload?.target).toMatchObject({ kind: 'space', space: { id: 'S1' } });
    expect(upload?.files.map((f) => [f.filename, f.mimeType])).toEqual([
      ['sv-2027-0001-minutes-initial-draft.md', 'text/markdown; charset=utf-8'],
    ]);
    expect(upload?.files[0]?.content.toString('utf8')).toContain(
      '# Initial Tactical Response Meeting — SV-2027-0001',
    );
  });

  it('says plainly when no meeting is being run, and changes nothing', async () => {
    const before = await snapshot(store, REF);
    const error = await refusal(end());
    expect(error).toMatchObject({ code: 'invalid_transition' });
    expect((error as Error).message).toBe(
      'No meeting is being run in SV-2027-0001. Start one with /incident meeting start.',
    );
    expect(await snapshot(store, REF)).toBe(before);
  });

  it('keeps the meeting ended when the card or the minutes cannot be posted, and says so', async () => {
    await start();
    deps.clock.set('2027-09-02T11:31:00+01:00');
    deps.platform.failNext(1, 'updateCard');
    deps.platform.failNext(1, 'uploadFiles');

    const outcome = await end();

    expect(outcome.message).toContain('could not be updated (recording API unavailable)');
    expect(outcome.message).toContain('The draft minutes could not be posted');
    expect((await incident()).meetingRecords?.[0]?.endedAt).toBeDefined();
  });

  it('ending again after the record could not be closed closes it without a second meeting', async () => {
    await start('initial');
    deps.clock.set('2027-09-02T11:00:00+01:00');
    await end();
    deps.clock.set('2027-09-30T10:00:00+01:00');
    await start('review');
    deps.clock.set('2027-09-30T11:00:00+01:00');

    deps = { ...deps, store: failingOnce(store, 'meeting.ended') };
    await expect(end()).rejects.toThrow('disk full');
    const interrupted = await incident();
    expect(interrupted.meetings.filter((m) => m.kind === 'review')).toHaveLength(1);
    expect(interrupted.meetingRecords?.find((r) => r.meetingId === 'review-1')?.endedAt).toBeUndefined();

    const outcome = await end();
    expect(outcome.message).toContain('Review meeting ended and recorded as held.');
    const after = await incident();
    expect(after.meetings.filter((m) => m.kind === 'review')).toEqual([
      expect.objectContaining({ id: 'review-1', status: 'held' }),
    ]);
    expect(after.meetingRecords?.find((r) => r.meetingId === 'review-1')?.endedAt).toBe(
      '2027-09-30T10:00:00.000Z',
    );
    expect(after.status).toBe('review-held');
  });

  it('is what /incident meeting start runs, in the incident’s space', async () => {
    const command = parseIncidentCommand('meeting start');
    if (command.kind !== 'meeting') throw new Error('not parsed as a meeting command');
    const outcome = await runIncidentCommand(deps, {
      command,
      spaceId: 'S1',
      by: SIO,
      requester: { isSpaceMember: true },
    });
    expect(outcome).toMatchObject({
      reference: REF,
      message: expect.stringContaining('Initial meeting started'),
    });
    expect(lastChecklist(deps).meetingId).toBe('initial-1');
  });
});

/** The store, except that the next update whose events include `type` fails as a full disk would. */
function failingOnce(store: Store, type: string): Store {
  let armed = true;
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop !== 'updateIncident') {
        const value = Reflect.get(target, prop, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      }
      const update: Store['updateIncident'] = async (id, change) => {
        const current = await target.getIncident(id);
        if (armed && current && change(current).events?.some((e) => e.type === type)) {
          armed = false;
          throw new Error('disk full');
        }
        return target.updateIncident(id, change);
      };
      return update;
    },
  });
}
