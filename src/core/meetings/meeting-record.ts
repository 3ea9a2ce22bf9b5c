/**
 * What happened in a meeting run in chat: who attended for which agency, the
 * checklist items worked through (assigned, ticked, notes and decisions per
 * item) and, at review and final meetings, the Signs of Safety columns and
 * scale. The minutes are rendered from this. Pure functions that return a new
 * record; a bad reference to a section or item is `invalid_input` naming it.
 */
import type { Actor } from '../actor.js';
import { ErrorCode, MusterError } from '../errors.js';
import type { MeetingKind } from './meeting-kind.js';
import {
  checkScale,
  emptySignsOfSafety,
  type SignsOfSafety,
  type SignsOfSafetyColumn,
} from './signs-of-safety.js';
import { REVIEW_SECTION_ID, TOOLKIT_SECTIONS } from './toolkit-checklist.js';

/** A checklist item is owned by a person or, before anyone is named, by an agency. */
export type Assignee = { type: 'person'; actor: Actor } | { type: 'agency'; agencyId: string };

export interface Attendance {
  agencyId: string;
  name: string;
  present: boolean;
}

export interface MeetingItem {
  sectionId: string;
  itemId: string;
  assignedTo?: Assignee;
  done: boolean;
  notes: string[];
  decisions: string[];
}

export interface MeetingRecord {
  /** The incident's meeting this records (`initial-1`, `review-2`). */
  meetingId: string;
  kind: MeetingKind;
  startedAt?: string;
  startedBy?: Actor;
  endedAt?: string;
  attendance: Attendance[];
  items: MeetingItem[];
  /** Review and final meetings only (seed 000). */
  signsOfSafety?: SignsOfSafety;
  /** Per platform (`slack`, `console`): the checklist card posted in the space, to update in place. */
  cardRefs?: Record<string, string>;
}

/** Review and final meetings evaluate the response (seed 000), so they follow Signs of Safety. */
export function usesSignsOfSafety(kind: MeetingKind): boolean {
  return kind === 'review' || kind === 'final';
}

/** A fresh record: the whole toolkit for initial and ad hoc meetings; review section + Signs of Safety otherwise. */
export function startMeetingRecord(
  kind: MeetingKind,
  meetingId: string,
  started?: { at: string; by: Actor },
): MeetingRecord {
  const sections = usesSignsOfSafety(kind)
    ? TOOLKIT_SECTIONS.filter((s) => s.id === REVIEW_SECTION_ID)
    : TOOLKIT_SECTIONS;
  const items = sections.flatMap((section) =>
    section.items.map((item) => ({
      sectionId: section.id,
      itemId: item.id,
      done: false,
      notes: [],
      decisions: [],
    })),
  );
  return {
    meetingId,
    kind,
    ...(started ? { startedAt: started.at, startedBy: started.by } : {}),
    attendance: [],
    items,
    ...(usesSignsOfSafety(kind) ? { signsOfSafety: emptySignsOfSafety() } : {}),
  };
}

export function findItem(record: MeetingRecord, sectionId: string, itemId: string): MeetingItem {
  const item = record.items.find((i) => i.sectionId === sectionId && i.itemId === itemId);
  if (item) return item;
  const inSection = record.items.filter((i) => i.sectionId === sectionId);
  const problem =
    inSection.length === 0
      ? {
          path: 'sectionId',
          message: `this meeting has no section "${sectionId}" (${[...new Set(record.items.map((i) => i.sectionId))].join(', ')})`,
        }
      : {
          path: 'itemId',
          message: `section ${sectionId} has no item "${itemId}" (${inSection.map((i) => i.itemId).join(', ')})`,
        };
  throw new MusterError(ErrorCode.InvalidInput, 'That checklist item is not in this meeting.', [problem]);
}

function updateItem(
  record: MeetingRecord,
  sectionId: string,
  itemId: string,
  change: (item: MeetingItem) => MeetingItem,
): MeetingRecord {
  const target = findItem(record, sectionId, itemId);
  return { ...record, items: record.items.map((i) => (i === target ? change(i) : i)) };
}

export function tickItem(
  record: MeetingRecord,
  sectionId: string,
  itemId: string,
  done = true,
): MeetingRecord {
  return updateItem(record, sectionId, itemId, (item) => ({ ...item, done }));
}

export function assignItem(
  record: MeetingRecord,
  sectionId: string,
  itemId: string,
  assignee: Assignee,
): MeetingRecord {
  return updateItem(record, sectionId, itemId, (item) => ({ ...item, assignedTo: assignee }));
}

export function addItemNote(
  record: MeetingRecord,
  sectionId: string,
  itemId: string,
  note: string,
): MeetingRecord {
  return updateItem(record, sectionId, itemId, (item) => ({ ...item, notes: [...item.notes, note] }));
}

export function addItemDecision(
  record: MeetingRecord,
  sectionId: string,
  itemId: string,
  decision: string,
): MeetingRecord {
  return updateItem(record, sectionId, itemId, (item) => ({
    ...item,
    decisions: [...item.decisions, decision],
  }));
}

/** One line per agency: recording it again corrects it (a late arrival, a substitute). */
export function recordAttendance(record: MeetingRecord, entry: Attendance): MeetingRecord {
  const others = record.attendance.filter((a) => !(a.agencyId === entry.agencyId && a.name === entry.name));
  return { ...record, attendance: [...others, entry] };
}

function signsOfSafetyOf(record: MeetingRecord, path: string): SignsOfSafety {
  if (record.signsOfSafety) return record.signsOfSafety;
  throw new MusterError(
    ErrorCode.InvalidInput,
    `Signs of Safety is for review and final meetings; this is the ${record.kind} meeting.`,
    [{ path, message: 'Signs of Safety is only used at review and final meetings' }],
  );
}

export function addSignsOfSafetyEntry(
  record: MeetingRecord,
  column: SignsOfSafetyColumn,
  text: string,
): MeetingRecord {
  const frame = signsOfSafetyOf(record, 'column');
  return { ...record, signsOfSafety: { ...frame, [column]: [...frame[column], text] } };
}

export function setScale(record: MeetingRecord, scale: number): MeetingRecord {
  const frame = signsOfSafetyOf(record, 'scale');
  return { ...record, signsOfSafety: { ...frame, scale: checkScale(scale) } };
}

/** The record still being run, if any: only one meeting is run in an incident's channel at a time. */
export function openRecord(records: readonly MeetingRecord[]): MeetingRecord | undefined {
  return records.find((r) => r.startedAt !== undefined && r.endedAt === undefined);
}
