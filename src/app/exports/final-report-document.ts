/**
 * The final report (seed 000's "handbook and documents" for List 1 after the
 * final meeting) from the incident: its facts, every milestone met, late or
 * still open, the meetings held with who came and what was decided, the
 * final action plan, and the final meeting's decisions as lessons.
 */
import type { Incident } from '../../core/incident/incident.js';
import type { FinalReportDocument, MeetingSummary, TimelineEntry } from '../../export/export-model.js';
import { incidentTimeline, nowIn, nowIso } from '../incident-timeline.js';
import { formatLocal } from '../local-time.js';
import {
  actionPlanDocument,
  attendanceByAgency,
  type ExportDeps,
  incidentHeader,
  localText,
  meetingDecisions,
  recordOf,
} from './export-documents.js';
import { MEETING_TITLES } from './export-labels.js';

const CATEGORY_LABELS: Record<Incident['category'], string> = {
  'gold-group': 'Gold group',
  'incident-of-note': 'Incident of note',
};

function timeline(deps: ExportDeps, incident: Incident): TimelineEntry[] {
  return incidentTimeline(deps.protocol, incident, nowIn(deps.clock, deps.protocol)).map((m) => ({
    milestone: m.title,
    due: m.due ? formatLocal(m.due) : 'Not scheduled',
    ...(m.metAt ? { done: formatLocal(m.metAt) } : {}),
    outcome: m.metAt ? (m.late ? 'late' : 'met') : 'open',
  }));
}

function meetings(deps: ExportDeps, incident: Incident): MeetingSummary[] {
  return incident.meetings
    .filter((m) => m.status === 'held')
    .sort((a, b) => a.at.localeCompare(b.at))
    .map((meeting) => {
      const record = recordOf(incident, meeting.id);
      return {
        kind: MEETING_TITLES[meeting.kind],
        when: localText(deps, meeting.at),
        chair: (meeting.chair ?? incident.sio).name,
        agencies: attendanceByAgency(deps, record)
          .filter((a) => a.present.length > 0)
          .map((a) => a.agency),
        decisions: meetingDecisions(record),
      };
    });
}

/** The final meeting the report reads: the latest held, if any. */
function finalMeeting(incident: Incident) {
  return incident.meetings
    .filter((m) => m.kind === 'final' && m.status === 'held')
    .sort((a, b) => a.at.localeCompare(b.at))
    .at(-1);
}

/**
 * The report's lessons, in the order (and so with the numbers, "Lesson 1"…)
 * the report shows them: the final meeting's decisions. `undefined` while no
 * final meeting is held, so a caller can tell "none yet" from "none decided".
 */
export function finalReportLessons(incident: Incident): string[] | undefined {
  const final = finalMeeting(incident);
  return final ? meetingDecisions(recordOf(incident, final.id)) : undefined;
}

export function finalReportDocument(deps: ExportDeps, incident: Incident): FinalReportDocument {
  const final = finalMeeting(incident);
  // Facts only: the description may name people, and the report goes to every List 1 agency.
  const facts = [
    { label: 'Category', value: CATEGORY_LABELS[incident.category] },
    { label: 'Senior Investigating Officer', value: incident.sio.name },
    ...(incident.notifiedAt ? [{ label: 'Notified', value: localText(deps, incident.notifiedAt) }] : []),
    ...(final ? [{ label: 'Final meeting', value: localText(deps, final.at) }] : []),
    ...(incident.closedReason ? [{ label: 'Closed', value: incident.closedReason }] : []),
  ];
  return {
    incident: incidentHeader(deps, incident),
    facts,
    preparedOn: localText(deps, nowIso(deps.clock)),
    timeline: timeline(deps, incident),
    meetings: meetings(deps, incident),
    actionPlan: actionPlanDocument(deps, incident),
    lessons: finalReportLessons(incident) ?? [],
  };
}
