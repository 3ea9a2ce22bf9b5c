/**
 * The incident's timeline as card rows: each milestone with its due time in
 * local time and a state a person reads at a glance ("due in 2 days",
 * "overdue: was due 3 hours ago", "after the initial meeting").
 */
import type { DateTime } from 'luxon';
import type { Incident } from '../../core/incident/incident.js';
import type { Protocol } from '../../core/protocol/protocol-schema.js';
import type { MilestoneStatus } from '../../core/protocol/timeline.js';
import { incidentTimeline } from '../incident-timeline.js';
import { formatLocal, relativeTo } from '../local-time.js';
import type { TimelineRow } from './card-model.js';

export function stateText(status: MilestoneStatus, now: DateTime): string {
  switch (status.state) {
    case 'met':
      return status.late ? `met late, ${formatLocal(status.metAt!)}` : `met ${formatLocal(status.metAt!)}`;
    case 'pending':
      return `due ${relativeTo(status.due!, now)}`;
    case 'overdue':
      return `overdue: was due ${relativeTo(status.due!, now)}`;
    case 'not-scheduled': {
      const anchor = status.milestone.anchor;
      return anchor.type === 'meeting' ? `after the ${anchor.meeting} meeting` : 'not yet scheduled';
    }
  }
}

export function timelineRow(status: MilestoneStatus, now: DateTime): TimelineRow {
  return {
    milestoneId: status.id,
    title: status.title,
    due: status.due?.toISO() ?? null,
    dueText: status.due ? formatLocal(status.due) : 'not yet scheduled',
    state: status.state,
    stateText: stateText(status, now),
  };
}

export function timelineRows(protocol: Protocol, incident: Incident, now: DateTime): TimelineRow[] {
  return incidentTimeline(protocol, incident, now).map((status) => timelineRow(status, now));
}
