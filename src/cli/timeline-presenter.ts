/**
 * How a timeline is shown by the CLI: the JSON contract of DESIGN.md (`due`
 * ISO-8601 with the protocol zone's offset, or null while not scheduled) and
 * the human table (local time with weekday and GMT/BST).
 */
import { formatLocal } from '../app/local-time.js';
import type { MilestoneStatus } from '../core/protocol/timeline.js';
import { renderTable } from './text-table.js';

export interface MilestoneJson {
  id: string;
  title: string;
  owner: string;
  due: string | null;
  state: MilestoneStatus['state'];
  metAt: string | null;
  late: boolean;
}

export function milestoneJson(status: MilestoneStatus): MilestoneJson {
  return {
    id: status.id,
    title: status.title,
    owner: status.owner,
    due: status.due?.toISO() ?? null,
    state: status.state,
    metAt: status.metAt?.toISO() ?? null,
    late: status.late,
  };
}

export function stateLabel(status: MilestoneStatus): string {
  if (status.state === 'met')
    return status.late ? `met (late) ${formatLocal(status.metAt!)}` : `met ${formatLocal(status.metAt!)}`;
  if (status.state === 'not-scheduled') return 'not yet scheduled';
  return status.state;
}

export function dueLabel(status: MilestoneStatus): string {
  if (status.due) return formatLocal(status.due);
  const anchor = status.milestone.anchor;
  return anchor.type === 'meeting' ? `after the ${anchor.meeting} meeting` : '—';
}

export function timelineTable(statuses: MilestoneStatus[], indent = ''): string {
  return renderTable(
    ['MILESTONE', 'DUE', 'STATE', 'TITLE'],
    statuses.map((s) => [s.id, dueLabel(s), stateLabel(s), s.title]),
    indent,
  );
}
