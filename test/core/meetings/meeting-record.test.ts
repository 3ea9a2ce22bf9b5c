import { describe, expect, it } from 'vitest';
import { isMusterError } from '../../../src/core/errors.js';
import {
  addItemDecision,
  addItemNote,
  addSignsOfSafetyEntry,
  assignItem,
  openRecord,
  recordAttendance,
  setScale,
  startMeetingRecord,
  tickItem,
} from '../../../src/core/meetings/meeting-record.js';
import { TOOLKIT_SECTIONS } from '../../../src/core/meetings/toolkit-checklist.js';

const CHAIR = { id: 'console:dci-patel', name: 'DCI Priya Patel' };
const started = { at: '2027-09-01T09:00:00.000Z', by: CHAIR };
const allItems = TOOLKIT_SECTIONS.reduce((n, s) => n + s.items.length, 0);

function problems(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    if (isMusterError(e, 'invalid_input')) return e.details;
    throw e;
  }
  return undefined;
}

describe('startMeetingRecord', () => {
  it('runs the whole toolkit at initial and ad hoc meetings, without Signs of Safety', () => {
    for (const kind of ['initial', 'ad-hoc'] as const) {
      const record = startMeetingRecord(kind, `${kind}-1`, started);
      expect(record.items).toHaveLength(allItems);
      expect(record.signsOfSafety).toBeUndefined();
      expect(record.startedAt).toBe(started.at);
    }
  });

  it('runs the review section and Signs of Safety at review and final meetings', () => {
    for (const kind of ['review', 'final'] as const) {
      const record = startMeetingRecord(kind, `${kind}-1`, started);
      expect(new Set(record.items.map((i) => i.sectionId))).toEqual(new Set(['review']));
      expect(record.signsOfSafety).toEqual({ worried: [], workingWell: [], needsToHappen: [] });
    }
  });
});

describe('working through a meeting', () => {
  const initial = startMeetingRecord('initial', 'initial-1', started);

  it('ticks, assigns and minutes an item without touching the others', () => {
    let record = tickItem(initial, 'health-planning', 'discharge-plans');
    record = assignItem(record, 'health-planning', 'discharge-plans', { type: 'agency', agencyId: 'nhft' });
    record = addItemNote(record, 'health-planning', 'discharge-plans', 'Discharge expected Friday');
    record = addItemDecision(record, 'health-planning', 'discharge-plans', 'NHFT to plan the discharge');
    const item = record.items.find((i) => i.itemId === 'discharge-plans');
    expect(item).toEqual({
      sectionId: 'health-planning',
      itemId: 'discharge-plans',
      done: true,
      assignedTo: { type: 'agency', agencyId: 'nhft' },
      notes: ['Discharge expected Friday'],
      decisions: ['NHFT to plan the discharge'],
    });
    expect(record.items.filter((i) => i.done)).toHaveLength(1);
    expect(initial.items.every((i) => !i.done)).toBe(true);
  });

  it('names the section or item that does not exist', () => {
    expect(problems(() => tickItem(initial, 'nope', 'x'))).toMatchObject([{ path: 'sectionId' }]);
    expect(problems(() => tickItem(initial, 'health-planning', 'x'))).toMatchObject([
      { path: 'itemId', message: expect.stringContaining('discharge-plans') },
    ]);
  });

  it('keeps one attendance line per person and agency, correcting it when recorded again', () => {
    let record = recordAttendance(initial, { agencyId: 'police', name: 'Pat', present: false });
    record = recordAttendance(record, { agencyId: 'police', name: 'Pat', present: true });
    record = recordAttendance(record, { agencyId: 'nhft', name: 'Nia', present: true });
    expect(record.attendance).toEqual([
      { agencyId: 'police', name: 'Pat', present: true },
      { agencyId: 'nhft', name: 'Nia', present: true },
    ]);
  });

  it('knows which meeting is still being run', () => {
    expect(
      openRecord([{ ...initial, endedAt: 't' }, startMeetingRecord('review', 'review-1', started)])
        ?.meetingId,
    ).toBe('review-1');
    expect(openRecord([{ ...initial, endedAt: 't' }])).toBeUndefined();
  });
});

describe('Signs of Safety', () => {
  const review = startMeetingRecord('review', 'review-1', started);

  it('fills the columns and sets the scale from 0 to 10', () => {
    let record = addSignsOfSafetyEntry(review, 'worried', 'Retaliation on the estate');
    record = setScale(record, 0);
    expect(record.signsOfSafety).toMatchObject({ worried: ['Retaliation on the estate'], scale: 0 });
    expect(setScale(record, 10).signsOfSafety?.scale).toBe(10);
  });

  it.each([-1, 11, 4.5, Number.NaN])('refuses %s as a scale', (scale) => {
    expect(problems(() => setScale(review, scale))).toEqual([
      { path: 'scale', message: 'the scale is a whole number from 0 to 10' },
    ]);
  });

  it('is refused at an initial meeting', () => {
    const initial = startMeetingRecord('initial', 'initial-1', started);
    expect(problems(() => setScale(initial, 5))).toEqual([
      { path: 'scale', message: 'Signs of Safety is only used at review and final meetings' },
    ]);
    expect(problems(() => addSignsOfSafetyEntry(initial, 'worried', 'x'))).toMatchObject([
      { path: 'column' },
    ]);
  });
});
