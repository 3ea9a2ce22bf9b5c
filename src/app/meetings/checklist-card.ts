/**
 * The meeting being run in the channel as a card: the toolkit's sections and
 * items (with who has each, notes and decisions), attendance and, at review
 * and final meetings, Signs of Safety. Built from the meeting record alone,
 * so every change rebuilds the whole card and the platforms update it in
 * place. Once the meeting ended the card keeps its content and loses its buttons.
 */
import type { Directory } from '../../core/directory/directory-schema.js';
import type { Incident } from '../../core/incident/incident.js';
import type { MeetingKind } from '../../core/meetings/meeting-kind.js';
import type { Assignee, MeetingItem, MeetingRecord } from '../../core/meetings/meeting-record.js';
import { SCALE_MAX, SCALE_MIN, SIGNS_OF_SAFETY_COLUMNS } from '../../core/meetings/signs-of-safety.js';
import { TOOLKIT_SECTIONS } from '../../core/meetings/toolkit-checklist.js';
import type { Protocol } from '../../core/protocol/protocol-schema.js';
import { actionValue } from '../cards/action-value.js';
import type {
  CardAction,
  ChecklistCard,
  ChecklistItemRow,
  ChecklistSectionRow,
} from '../cards/card-model.js';
import { agencyName } from '../directory-agencies.js';
import { MEETING_TITLES } from '../exports/export-labels.js';
import { formatLocal } from '../local-time.js';

/** "Initial meeting", "Ad hoc meeting": what messages call a meeting. */
export function meetingName(kind: MeetingKind): string {
  return kind === 'ad-hoc' ? 'Ad hoc meeting' : `${kind[0]!.toUpperCase()}${kind.slice(1)} meeting`;
}

export interface ChecklistCardDeps {
  protocol: Protocol;
  directory: Directory;
}

export function checklistCard(
  deps: ChecklistCardDeps,
  incident: Incident,
  record: MeetingRecord,
): ChecklistCard {
  const ended = record.endedAt !== undefined;
  const base = { reference: incident.reference, meetingId: record.meetingId };
  const sections = sectionRows(deps.directory, record, ended ? undefined : base);
  const sos = record.signsOfSafety;
  return {
    kind: 'checklist',
    ...base,
    heading: `${MEETING_TITLES[record.kind]} — ${incident.reference}`,
    statusText: statusText(deps, record),
    ended,
    attendance: record.attendance.map((a) => ({
      agency: agencyName(deps.directory, a.agencyId),
      name: a.name,
      present: a.present,
    })),
    attendanceText: attendanceText(record),
    sections,
    ...(sos
      ? {
          signsOfSafety: {
            columns: SIGNS_OF_SAFETY_COLUMNS.map((c) => ({ id: c.id, title: c.title, entries: sos[c.id] })),
            scaleText:
              sos.scale === undefined
                ? `Scale not set (${SCALE_MIN}: not working, ${SCALE_MAX}: can be closed)`
                : `Scale: ${sos.scale}/${SCALE_MAX}`,
          },
        }
      : {}),
    actions: ended ? [] : cardActions(base, sos !== undefined),
  };
}

/** "Started Thu 2 Sep 2027 10:02 BST by Priya Shah" / "Ended …: 12 of 45 items done, 9 present, 4 decisions". */
export function statusText(deps: ChecklistCardDeps, record: MeetingRecord): string {
  const zone = deps.protocol.calendar.zone;
  if (record.endedAt) return `Ended ${formatLocal(record.endedAt, zone)}: ${meetingSummary(record)}`;
  const when = record.startedAt ? `Started ${formatLocal(record.startedAt, zone)}` : 'Started';
  return record.startedBy ? `${when} by ${record.startedBy.name}` : when;
}

/** "12 of 45 items done, 9 present, 4 decisions". */
export function meetingSummary(record: MeetingRecord): string {
  const done = record.items.filter((i) => i.done).length;
  const present = record.attendance.filter((a) => a.present).length;
  const decisions = record.items.reduce((n, i) => n + i.decisions.length, 0);
  return `${done} of ${record.items.length} items done, ${present} present, ${decisions} decision${decisions === 1 ? '' : 's'}`;
}

function attendanceText(record: MeetingRecord): string {
  if (record.attendance.length === 0) return 'No attendance recorded yet.';
  const present = record.attendance.filter((a) => a.present).length;
  const apologies = record.attendance.length - present;
  return `${present} present, ${apologies} apologies`;
}

export function assigneeName(directory: Directory, assignee: Assignee): string {
  return assignee.type === 'person' ? assignee.actor.name : agencyName(directory, assignee.agencyId);
}

/** The record's items under the toolkit's headings, in the toolkit's order. */
function sectionRows(
  directory: Directory,
  record: MeetingRecord,
  buttons: { reference: string; meetingId: string } | undefined,
): ChecklistSectionRow[] {
  return TOOLKIT_SECTIONS.flatMap((section) => {
    const items = section.items.flatMap((def): ChecklistItemRow[] => {
      const item = record.items.find((i) => i.sectionId === section.id && i.itemId === def.id);
      if (!item) return [];
      return [
        {
          sectionId: section.id,
          itemId: def.id,
          text: def.text,
          ...(def.hint ? { hint: def.hint } : {}),
          done: item.done,
          ...(item.assignedTo
            ? { assignedText: `Assigned to ${assigneeName(directory, item.assignedTo)}` }
            : {}),
          notes: item.notes,
          decisions: item.decisions,
          actions: buttons ? itemActions(buttons, item) : [],
        },
      ];
    });
    if (items.length === 0) return [];
    const done = items.filter((i) => i.done).length;
    return [{ id: section.id, title: section.title, doneText: `${done} of ${items.length} done`, items }];
  });
}

function itemActions(base: { reference: string; meetingId: string }, item: MeetingItem): CardAction[] {
  const value = actionValue({ ...base, sectionId: item.sectionId, itemId: item.itemId });
  return [
    { verb: 'tick-item', label: item.done ? 'Untick' : 'Tick', value },
    { verb: 'work-item', label: 'Work on it', value },
  ];
}

function cardActions(base: { reference: string; meetingId: string }, signsOfSafety: boolean): CardAction[] {
  const value = actionValue(base);
  return [
    { verb: 'record-attendance', label: 'Record attendance', value },
    ...(signsOfSafety ? [{ verb: 'signs-of-safety' as const, label: 'Signs of Safety', value }] : []),
    { verb: 'end-meeting', label: 'End meeting', value, style: 'danger' },
  ];
}
