/**
 * Actions of the incident's action plan, numbered under priorities the way
 * seed 004 numbers them (1.1, 1.2, 2.1). Seed timescales are often not dates
 * ("2024/25", "Ongoing"), so the text is kept as said and `due` only when a
 * real date was given. Progress updates keep who, when and the RAG move, so a
 * review meeting can see how an action got to where it is.
 */
import type { Actor } from '../actor.js';
import { ErrorCode, MusterError } from '../errors.js';
import type { Rag } from './rag.js';

export const ACTION_STATUSES = ['open', 'in-progress', 'done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export interface Priority {
  number: number;
  title: string;
}

export interface ActionUpdate {
  text: string;
  /** The RAG after this update, when the update changed or confirmed it. */
  rag?: Rag;
  /** The RAG before this update, kept so the transition reads without replaying history. */
  previousRag?: Rag;
  /** Set when the update was a status change. */
  status?: ActionStatus;
  previousStatus?: ActionStatus;
  by: Actor;
  at: string;
}

/** Where an action came from, so minutes can show the checklist item or decision behind it. */
export interface ActionOrigin {
  kind: 'checklist-item' | 'decision';
  /** `meetingId/sectionId/itemId` (and `/decision-N` for a decision). */
  ref: string;
}

export interface Action {
  id: string;
  /** `1.2`: the priority's number, then the action's place under it. */
  number: string;
  priority: Priority;
  description: string;
  /** Directory agency id. */
  leadAgency: string;
  owner: Actor;
  /** The timescale as the plan states it ("2024/25", "Ongoing", "22 March 2024"). */
  timescale?: string;
  /** An ISO date (`2027-09-30`) or UTC instant, when there is a real deadline. */
  due?: string;
  milestones: string[];
  status: ActionStatus;
  rag: Rag;
  updates: ActionUpdate[];
  createdFrom?: ActionOrigin;
  createdBy: Actor;
  createdAt: string;
}

/** The next number under a priority: one more than the highest used, so dropped actions keep theirs. */
export function nextActionNumber(actions: readonly Action[], priorityNumber: number): string {
  if (!Number.isInteger(priorityNumber) || priorityNumber < 1) {
    throw new MusterError(ErrorCode.InvalidInput, 'A priority is numbered 1, 2, 3…', [
      { path: 'priority.number', message: 'give a whole number from 1' },
    ]);
  }
  const used = actions
    .filter((a) => a.priority.number === priorityNumber)
    .map((a) => Number(a.number.split('.')[1]))
    .filter((n) => Number.isInteger(n));
  return `${priorityNumber}.${Math.max(0, ...used) + 1}`;
}

export function findAction(actions: readonly Action[], number: string): Action {
  const action = actions.find((a) => a.number === number.trim());
  if (!action) {
    const known = actions.map((a) => a.number).join(', ') || 'none yet';
    throw new MusterError(ErrorCode.InvalidInput, `There is no action ${number}.`, [
      { path: 'actionNumber', message: `no action ${number} (actions: ${known})` },
    ]);
  }
  return action;
}

/** A progress update; a RAG in it moves the action's RAG and the move is recorded. */
export function recordProgress(
  action: Action,
  update: { text: string; rag?: Rag; by: Actor; at: string },
): Action {
  const entry: ActionUpdate = {
    text: update.text,
    ...(update.rag ? { rag: update.rag, previousRag: action.rag } : {}),
    by: update.by,
    at: update.at,
  };
  return { ...action, rag: update.rag ?? action.rag, updates: [...action.updates, entry] };
}

/** A status change, kept in the updates like any other progress so the history is in one place. */
export function changeStatus(
  action: Action,
  change: { status: ActionStatus; note?: string; by: Actor; at: string },
): Action {
  const entry: ActionUpdate = {
    text: change.note ?? `Status ${action.status} → ${change.status}.`,
    status: change.status,
    previousStatus: action.status,
    by: change.by,
    at: change.at,
  };
  return { ...action, status: change.status, updates: [...action.updates, entry] };
}

/** Replaces the action with the same id. */
export function replaceAction(actions: readonly Action[], action: Action): Action[] {
  return actions.map((a) => (a.id === action.id ? action : a));
}

export interface ActionFilter {
  agency?: string;
  /** Actor id (`slack:U0123`) or directory contact id. */
  owner?: string;
  rag?: Rag;
  status?: ActionStatus | readonly ActionStatus[];
}

/** Actions matching every criterion given, in plan order (1.1, 1.2, 2.1, 10.1). */
export function filterActions(actions: readonly Action[], filter: ActionFilter = {}): Action[] {
  const statuses = filter.status === undefined ? undefined : ([] as ActionStatus[]).concat(filter.status);
  return actions
    .filter((a) => filter.agency === undefined || a.leadAgency === filter.agency)
    .filter(
      (a) => filter.owner === undefined || a.owner.id === filter.owner || a.owner.contactId === filter.owner,
    )
    .filter((a) => filter.rag === undefined || a.rag === filter.rag)
    .filter((a) => statuses === undefined || statuses.includes(a.status))
    .sort(compareNumbers);
}

function compareNumbers(a: Action, b: Action): number {
  const [ap = 0, an = 0] = a.number.split('.').map(Number);
  const [bp = 0, bn = 0] = b.number.split('.').map(Number);
  return ap - bp || an - bn;
}
