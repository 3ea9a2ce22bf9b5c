import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actionFromChecklistItem, actionFromDecision } from '../../../src/app/actions/action-from-meeting.js';
import {
  addDecision,
  addMeetingNote,
  assignChecklistItem,
  tickChecklistItem,
} from '../../../src/app/meetings/checklist-items.js';
import { endMeeting } from '../../../src/app/meetings/end-meeting.js';
import {
  addSignsOfSafetyEntry,
  recordAttendance,
  setSignsOfSafetyScale,
} from '../../../src/app/meetings/meeting-frame.js';
import { startMeeting } from '../../../src/app/meetings/start-meeting.js';
import { openIncident } from '../../../src/app/open-incident.js';
import type { Store } from '../../../src/ports.js';
import { COORDINATOR, SIO, STORES, testDeps, validForm } from '../harness.js';
import { refusal, snapshot } from '../store-snapshot.js';

const REF = 'SV-2027-0001';
const NIA = { id: 'console:nia', name: 'Nia NHFT', contactId: 'nia-nhft' };
const item = { reference: REF, sectionId: 'health-planning', itemId: 'discharge-plans', by: COORDINATOR };

describe.each(STORES)('meeting use cases ($name)', (factory) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let deps: ReturnType<typeof testDeps>;

  beforeEach(async () => {
    ({ store, cleanup } = await factory.open());
    deps = testDeps(store);
    await openIncident(deps, validForm());
    deps.clock.set('2027-09-01T10:00:00+01:00');
  });
  afterEach(() => cleanup());

  const runInitial = async () => {
    await startMeeting(deps, { reference: REF, kind: 'initial', by: SIO });
    deps.clock.set('2027-09-01T11:30:00+01:00');
    return endMeeting(deps, { reference: REF, chair: SIO, by: COORDINATOR });
  };

  it('runs an initial meeting on the toolkit checklist, audited step by step', async () => {
    const { record } = await startMeeting(deps, { reference: REF, kind: 'initial', by: SIO });
    expect(record).toMatchObject({
      meetingId: 'initial-1',
      startedAt: '2027-09-01T09:00:00.000Z',
      startedBy: SIO,
    });
    expect(record.signsOfSafety).toBeUndefined();

    await recordAttendance(deps, {
      reference: REF,
      agencyId: 'nhft',
      name: 'Nia NHFT',
      present: true,
      by: COORDINATOR,
    });
    await assignChecklistItem(deps, { ...item, assignTo: { type: 'agency', agencyId: 'nhft' } });
    await addMeetingNote(deps, { ...item, text: 'Discharge expected Friday' });
    await addDecision(deps, { ...item, text: 'NHFT to plan the discharge with the family' });
    const { record: ticked } = await tickChecklistItem(deps, item);

    expect(ticked.attendance).toEqual([{ agencyId: 'nhft', name: 'Nia NHFT', present: true }]);
    expect(ticked.items.find((i) => i.itemId === 'discharge-plans')).toMatchObject({
      done: true,
      assignedTo: { type: 'agency', agencyId: 'nhft' },
      notes: ['Discharge expected Friday'],
      decisions: ['NHFT to plan the discharge with the family'],
    });
    const events = (await store.listEvents(REF)).slice(-6);
    expect(events.map((e) => e.type)).toEqual([
      'meeting.started',
      'meeting.attendance-recorded',
      'checklist.assigned',
      'meeting.note-added',
      'meeting.decision-added',
      'checklist.ticked',
    ]);
    expect(events.at(-1)).toMatchObject({ actor: COORDINATOR, at: '2027-09-01T09:00:00.000Z' });
    expect(events.at(-1)?.summary).toBe('Done: Discuss discharge plans');
  });

  it('ending the meeting records it held: the milestone is met and the status moves', async () => {
    const { incident, record, meeting } = await runInitial();
    expect(meeting).toMatchObject({
      id: 'initial-1',
      kind: 'initial',
      status: 'held',
      at: '2027-09-01T09:00:00.000Z',
    });
    expect(record).toMatchObject({ meetingId: 'initial-1', endedAt: '2027-09-01T10:30:00.000Z' });
    expect(incident.status).toBe('initial-held');
    const types = (await store.listEvents(REF)).map((e) => e.type);
    expect(types.slice(-2)).toEqual(['meeting.held', 'meeting.ended']);
    // The initial meeting's own reminders stop once it is held.
    const reminders = await store.listReminders(REF);
    expect(reminders.some((r) => r.key.startsWith('initial-meeting:') && !r.sentAt)).toBe(false);
  });

  it('uses Signs of Safety only at review and final meetings, with the scale from 0 to 10', async () => {
    await startMeeting(deps, { reference: REF, kind: 'initial', by: SIO });
    const before = await snapshot(store, REF);
    const refused = await refusal(setSignsOfSafetyScale(deps, { reference: REF, scale: 5, by: SIO }));
    expect(refused?.details).toEqual([
      { path: 'scale', message: 'Signs of Safety is only used at review and final meetings' },
    ]);
    expect(await snapshot(store, REF)).toBe(before);
    deps.clock.set('2027-09-01T11:30:00+01:00');
    await endMeeting(deps, { reference: REF, by: COORDINATOR });

    deps.clock.set('2027-10-01T10:00:00+01:00');
    const { record } = await startMeeting(deps, { reference: REF, kind: 'review', by: SIO });
    expect(record.meetingId).toBe('review-1');
    expect(new Set(record.items.map((i) => i.sectionId))).toEqual(new Set(['review']));
    await addSignsOfSafetyEntry(deps, {
      reference: REF,
      column: 'workingWell',
      text: 'Schools engaged',
      by: SIO,
    });
    const { record: scaled } = await setSignsOfSafetyScale(deps, { reference: REF, scale: 7, by: SIO });
    expect(scaled.signsOfSafety).toEqual({
      worried: [],
      workingWell: ['Schools engaged'],
      needsToHappen: [],
      scale: 7,
    });

    for (const scale of [-1, 11, 6.5]) {
      const snap = await snapshot(store, REF);
      const error = await refusal(setSignsOfSafetyScale(deps, { reference: REF, scale, by: SIO }));
      expect(error?.details).toEqual([
        { path: 'scale', message: 'the scale is a whole number from 0 to 10' },
      ]);
      expect(await snapshot(store, REF)).toBe(snap);
    }
    deps.clock.set('2027-10-01T11:00:00+01:00');
    const ended = await endMeeting(deps, { reference: REF, by: COORDINATOR });
    expect(ended.incident.status).toBe('review-held');
  });

  it('makes an action from a checklist item, keeping the link and the assignee', async () => {
    await startMeeting(deps, { reference: REF, kind: 'initial', by: SIO });
    await assignChecklistItem(deps, { ...item, assignTo: { type: 'person', actor: NIA } });
    const { action } = await actionFromChecklistItem(deps, {
      ...item,
      priority: { number: 1, title: 'Support the victim' },
      leadAgency: 'nhft',
    });
    expect(action).toMatchObject({
      number: '1.1',
      description: 'Discuss discharge plans',
      owner: NIA,
      leadAgency: 'nhft',
      createdFrom: { kind: 'checklist-item', ref: 'initial-1/health-planning/discharge-plans' },
    });
  });

  it('makes an action from a decision, numbered from 1 on its item', async () => {
    await startMeeting(deps, { reference: REF, kind: 'initial', by: SIO });
    await assignChecklistItem(deps, { ...item, assignTo: { type: 'agency', agencyId: 'nhft' } });
    await addDecision(deps, { ...item, text: 'Plan discharge with the family' });
    const { action } = await actionFromDecision(deps, {
      ...item,
      decision: 1,
      priority: { number: 2, title: 'Health' },
      owner: NIA,
    });
    expect(action).toMatchObject({
      number: '2.1',
      description: 'Plan discharge with the family',
      leadAgency: 'nhft',
      createdFrom: { kind: 'decision', ref: 'initial-1/health-planning/discharge-plans/decision-1' },
    });
  });

  describe('refuses bad input, naming the field, and changes nothing', () => {
    beforeEach(async () => {
      await startMeeting(deps, { reference: REF, kind: 'initial', by: SIO });
    });

    it.each<[string, () => Promise<unknown>, string]>([
      [
        'a second meeting while one is run',
        () => startMeeting(deps, { reference: REF, kind: 'ad-hoc', by: SIO }),
        'kind',
      ],
      [
        'an unknown meeting kind',
        () => startMeeting(deps, { reference: REF, kind: 'lunch' as 'initial', by: SIO }),
        'kind',
      ],
      ['an unknown section', () => tickChecklistItem(deps, { ...item, sectionId: 'catering' }), 'sectionId'],
      ['an unknown item', () => tickChecklistItem(deps, { ...item, itemId: 'menu' }), 'itemId'],
      ['an unknown meeting', () => tickChecklistItem(deps, { ...item, meetingId: 'final-9' }), 'meetingId'],
      [
        'an agency not in the directory',
        () => assignChecklistItem(deps, { ...item, assignTo: { type: 'agency', agencyId: 'fire' } }),
        'assignTo.agencyId',
      ],
      ['an empty note', () => addMeetingNote(deps, { ...item, text: '' }), 'text'],
      [
        'attendance for an unknown agency',
        () => recordAttendance(deps, { reference: REF, agencyId: 'fire', name: 'X', present: true, by: SIO }),
        'agencyId',
      ],
      [
        'a Signs of Safety column that does not exist',
        () =>
          addSignsOfSafetyEntry(deps, { reference: REF, column: 'fine' as 'worried', text: 'x', by: SIO }),
        'column',
      ],
      [
        'an action from a decision that does not exist',
        () =>
          actionFromDecision(deps, {
            ...item,
            decision: 3,
            priority: { number: 1, title: 'P' },
            owner: NIA,
            leadAgency: 'nhft',
          }),
        'decision',
      ],
      [
        'an action from an unassigned item without owner or agency',
        () => actionFromChecklistItem(deps, { ...item, priority: { number: 1, title: 'P' } }),
        'owner',
      ],
    ])('%s', async (_name, call, path) => {
      const before = await snapshot(store, REF);
      const error = await refusal(call());
      expect(error?.code).toBe('invalid_input');
      expect(error?.details).toEqual(expect.arrayContaining([expect.objectContaining({ path })]));
      expect(await snapshot(store, REF)).toBe(before);
    });

    it('a review meeting cannot start before the initial meeting is recorded', async () => {
      deps.clock.set('2027-09-01T11:00:00+01:00');
      await store.updateIncident(REF, (current) => ({ incident: { ...current, meetingRecords: [] } }));
      const before = await snapshot(store, REF);
      const error = await refusal(startMeeting(deps, { reference: REF, kind: 'review', by: SIO }));
      expect(error?.details).toEqual([{ path: 'kind', message: 'record the initial meeting first' }]);
      expect(await snapshot(store, REF)).toBe(before);
    });

    it('a meeting cannot be ended twice', async () => {
      deps.clock.set('2027-09-01T11:00:00+01:00');
      await endMeeting(deps, { reference: REF, by: COORDINATOR });
      const before = await snapshot(store, REF);
      const error = await refusal(
        endMeeting(deps, { reference: REF, meetingId: 'initial-1', by: COORDINATOR }),
      );
      expect(error?.details).toEqual([{ path: 'meetingId', message: 'initial-1 has already ended' }]);
      expect(await snapshot(store, REF)).toBe(before);
    });
  });
});
