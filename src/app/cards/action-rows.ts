/**
 * An action of a plan as a row people read (`/incident actions`, the home
 * view): lead agency by name, due date in the protocol's zone (or the plan's
 * own timescale), the RAG in capitals, the latest update with who and when,
 * and an Add update button while the action is open.
 */
import { DateTime } from 'luxon';
import type { Action, ActionStatus } from '../../core/actions/action.js';
import type { Directory } from '../../core/directory/directory-schema.js';
import { agencyName } from '../directory-agencies.js';
import { actionValue } from './action-value.js';
import type { ActionRow } from './card-model.js';

export const STATUS_TEXT: Record<ActionStatus, string> = {
  open: 'open',
  'in-progress': 'in progress',
  done: 'done',
  dropped: 'dropped',
};

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** When a bare date falls due: the end of that day in the zone (the working day's end is the calendar's business). */
function dueInstant(due: string, zone: string): DateTime {
  return DATE_ONLY.test(due)
    ? DateTime.fromISO(due, { zone }).endOf('day')
    : DateTime.fromISO(due, { setZone: true }).setZone(zone);
}

export function actionRow(directory: Directory, reference: string, action: Action, now: DateTime): ActionRow {
  const zone = now.zoneName ?? 'Europe/London';
  const open = action.status === 'open' || action.status === 'in-progress';
  const due = action.due ? dueInstant(action.due, zone) : undefined;
  const latest = action.updates.at(-1);
  return {
    reference,
    number: action.number,
    priority: `${action.priority.number}. ${action.priority.title}`,
    description: action.description,
    lead: agencyName(directory, action.leadAgency),
    owner: action.owner.name,
    dueText: due ? due.setLocale('en-US').toFormat('ccc d LLL yyyy') : (action.timescale ?? 'no date'),
    overdue: open && due !== undefined && due < now,
    status: STATUS_TEXT[action.status],
    rag: action.rag,
    ragText: action.rag.toUpperCase(),
    ...(latest
      ? {
          latestUpdate: `${DateTime.fromISO(latest.at).setZone(zone).setLocale('en-US').toFormat('ccc d LLL yyyy')}, ${latest.by.name}: ${latest.text}`,
        }
      : {}),
    actions: open
      ? [
          {
            verb: 'add-update',
            label: 'Add update',
            value: actionValue({ reference, actionNumber: action.number }),
          },
        ]
      : [],
  };
}

/** "2 red, 1 amber, 5 green" (only the colours present); "no actions" for none. */
export function ragCountsText(rows: readonly Pick<ActionRow, 'rag'>[]): string {
  if (rows.length === 0) return 'no actions';
  const parts = (['red', 'amber', 'green'] as const)
    .map((rag) => [rag, rows.filter((r) => r.rag === rag).length] as const)
    .filter(([, n]) => n > 0)
    .map(([rag, n]) => `${n} ${rag}`);
  return parts.join(', ');
}
