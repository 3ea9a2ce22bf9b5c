/**
 * The domain → the export documents of `src/export/export-model.ts`: the
 * incident header, the action plan (grouped by priority, RAG and latest
 * update) and a meeting's minutes (attendance by agency, checklist outcomes,
 * Signs of Safety, decisions). Every date is formatted here, in the
 * protocol's zone, so the renderers make no decision about time.
 */
import { DateTime } from 'luxon';
import { type Action, type ActionStatus, filterActions } from '../../core/actions/action.js';
import { findArea, listMembers } from '../../core/directory/directory.js';
import { ErrorCode, MusterError } from '../../core/errors.js';
import type { Incident, Meeting } from '../../core/incident/incident.js';
import type { Assignee, MeetingRecord } from '../../core/meetings/meeting-record.js';
import { TOOLKIT_SECTIONS } from '../../core/meetings/toolkit-checklist.js';
import type {
  ActionItem,
  ActionPlanDocument,
  AgencyAttendance,
  ChecklistSection,
  IncidentHeader,
  MinutesDocument,
  Priority,
  SignsOfSafety,
} from '../../export/export-model.js';
import type { DirectoryDeps } from '../deps.js';
import { agencyName } from '../directory-agencies.js';
import { nowIso } from '../incident-timeline.js';
import { formatLocal } from '../local-time.js';
import { MEETING_TITLES } from './export-labels.js';

export type ExportDeps = Pick<DirectoryDeps, 'clock' | 'protocol' | 'directory'>;

const STATUS_LABELS: Record<ActionStatus, string> = {
  open: 'Open',
  'in-progress': 'In progress',
  done: 'Complete',
  dropped: 'Dropped',
};

export function localText(deps: ExportDeps, iso: string): string {
  return formatLocal(iso, deps.protocol.calendar.zone);
}

export function incidentHeader(deps: ExportDeps, incident: Incident): IncidentHeader {
  return {
    reference: incident.reference,
    title: incident.title,
    area: findArea(deps.directory, incident.area)?.name ?? incident.area,
    occurred: localText(deps, incident.occurredAt),
  };
}

/** A bare date (`2027-09-30`) reads as a date; an instant as local date and time. */
function dueText(deps: ExportDeps, due: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(due)
    ? DateTime.fromISO(due, { zone: deps.protocol.calendar.zone }).toFormat('d LLL yyyy')
    : localText(deps, due);
}

function actionItem(deps: ExportDeps, action: Action): ActionItem {
  const timescale = action.timescale ?? (action.due ? dueText(deps, action.due) : '');
  return {
    number: action.number,
    description: action.description,
    lead: agencyName(deps.directory, action.leadAgency),
    timescale,
    progressUpdate: action.updates.at(-1)?.text ?? '',
    rag: action.rag,
    owner: action.owner.name,
    status: STATUS_LABELS[action.status],
  };
}

/** The whole plan in plan order, dropped actions included (marked so): the record shows what was decided. */
export function actionPlanDocument(deps: ExportDeps, incident: Incident): ActionPlanDocument {
  const priorities = new Map<number, Priority>();
  for (const action of filterActions(incident.actions ?? [])) {
    const priority = priorities.get(action.priority.number) ?? {
      number: String(action.priority.number),
      title: action.priority.title,
      actions: [],
    };
    priority.actions.push(actionItem(deps, action));
    priorities.set(action.priority.number, priority);
  }
  return {
    incident: incidentHeader(deps, incident),
    asAt: localText(deps, nowIso(deps.clock)),
    priorities: [...priorities.values()],
  };
}

/** The meeting asked for, else the latest held one; minutes of a meeting not yet held make no sense. */
export function meetingToMinute(incident: Incident, meetingId?: string): Meeting {
  const held = incident.meetings.filter((m) => m.status === 'held').sort((a, b) => a.at.localeCompare(b.at));
  const meeting = meetingId ? held.find((m) => m.id === meetingId) : held.at(-1);
  if (meeting) return meeting;
  if (meetingId) {
    const known = held.map((m) => m.id).join(', ') || 'none yet';
    throw new MusterError(ErrorCode.NotFound, `${incident.reference} has no held meeting ${meetingId}.`, [
      { path: 'meetingId', message: `no held meeting "${meetingId}" (held: ${known})` },
    ]);
  }
  throw new MusterError(
    ErrorCode.InvalidTransition,
    `No meeting of ${incident.reference} has been recorded as held yet. Record the meeting first, then export its minutes.`,
  );
}

export function recordOf(incident: Incident, meetingId: string): MeetingRecord | undefined {
  return incident.meetingRecords?.find((r) => r.meetingId === meetingId);
}

/** Agency by agency (in agency name order): who was there and who sent apologies. */
export function attendanceByAgency(deps: ExportDeps, record: MeetingRecord | undefined): AgencyAttendance[] {
  const byAgency = new Map<string, AgencyAttendance>();
  for (const entry of record?.attendance ?? []) {
    const line = byAgency.get(entry.agencyId) ?? {
      agency: agencyName(deps.directory, entry.agencyId),
      present: [],
      apologies: [],
    };
    (entry.present ? line.present : line.apologies).push(entry.name);
    byAgency.set(entry.agencyId, line);
  }
  return [...byAgency.values()].sort((a, b) => a.agency.localeCompare(b.agency));
}

function assigneeText(deps: ExportDeps, assignee: Assignee): string {
  return assignee.type === 'person' ? assignee.actor.name : agencyName(deps.directory, assignee.agencyId);
}

/** The record's items under the toolkit's headings, in the toolkit's order. */
function checklistOutcomes(deps: ExportDeps, record: MeetingRecord | undefined): ChecklistSection[] {
  if (!record) return [];
  return TOOLKIT_SECTIONS.flatMap((section) => {
    const items = section.items.flatMap((def) => {
      const item = record.items.find((i) => i.sectionId === section.id && i.itemId === def.id);
      if (!item) return [];
      return [
        {
          text: def.text,
          done: item.done,
          ...(item.assignedTo ? { assignedTo: assigneeText(deps, item.assignedTo) } : {}),
          ...(item.notes.length > 0 ? { notes: item.notes.join('; ') } : {}),
          ...(item.decisions.length > 0 ? { decisions: item.decisions } : {}),
        },
      ];
    });
    return items.length > 0 ? [{ title: section.title, items }] : [];
  });
}

export function meetingDecisions(record: MeetingRecord | undefined): string[] {
  return record?.items.flatMap((i) => i.decisions) ?? [];
}

function signsOfSafety(record: MeetingRecord | undefined): SignsOfSafety | undefined {
  const sos = record?.signsOfSafety;
  if (!sos) return undefined;
  return {
    worried: sos.worried,
    workingWell: sos.workingWell,
    needsToHappen: sos.needsToHappen,
    ...(sos.scale !== undefined ? { scale: { value: sos.scale } } : {}),
  };
}

/** "Mon 6 Sep 2027 10:00 BST–11:30" when the meeting was run in chat and ended; the start alone otherwise. */
function meetingWhen(deps: ExportDeps, meeting: Meeting, record: MeetingRecord | undefined): string {
  const start = localText(deps, meeting.at);
  if (!record?.endedAt || record.endedAt <= meeting.at) return start;
  const end = DateTime.fromISO(record.endedAt).setZone(deps.protocol.calendar.zone).toFormat('HH:mm');
  return `${start}–${end}`;
}

export function minutesDocument(deps: ExportDeps, incident: Incident, meetingId?: string): MinutesDocument {
  const meeting = meetingToMinute(incident, meetingId);
  const record = recordOf(incident, meeting.id);
  const sos = signsOfSafety(record);
  return {
    incident: incidentHeader(deps, incident),
    meeting: {
      kind: MEETING_TITLES[meeting.kind],
      when: meetingWhen(deps, meeting, record),
      chair: (meeting.chair ?? incident.sio).name,
      ...(meeting.recordedBy ? { minutedBy: meeting.recordedBy.name } : {}),
    },
    attendance: attendanceByAgency(deps, record),
    checklist: checklistOutcomes(deps, record),
    ...(sos ? { signsOfSafety: sos } : {}),
    decisions: meetingDecisions(record),
    actionPlan: actionPlanDocument(deps, incident),
    // Seed 000: the minutes go to the attendees and to List 1.
    circulation: [
      'Meeting attendees',
      ...listMembers(deps.directory, incident.area, 1).map((a) => `${a.name} (List 1)`),
    ],
  };
}
