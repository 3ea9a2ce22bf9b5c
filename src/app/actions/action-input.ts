/**
 * Input pieces the action use cases share (RAG, due date, action number) and
 * the one way they change an action: inside `store.updateIncident`, so a
 * refusal thrown while checking leaves the incident and its audit untouched.
 */
import { DateTime } from 'luxon';
import { z } from 'zod';
import { type Action, findAction, replaceAction } from '../../core/actions/action.js';
import { RAG_HINT, tryParseRag } from '../../core/actions/rag.js';
import type { Actor } from '../../core/actor.js';
import { ErrorCode, MusterError } from '../../core/errors.js';
import type { Incident } from '../../core/incident/incident.js';
import type { StoreDeps } from '../deps.js';
import { loadIncident, nowIso } from '../incident-timeline.js';
import { instantSchema } from '../validate-input.js';

/** "Yellow" (seed 003), "amber", "A"… all become `amber`. */
export const ragSchema = z.string({ error: RAG_HINT }).transform((value, ctx) => {
  const rag = tryParseRag(value);
  if (!rag) {
    ctx.addIssue({ code: 'custom', message: `"${value}" is not a RAG rating: ${RAG_HINT}` });
    return z.NEVER;
  }
  return rag;
});

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A bare date (kept as `2027-09-30`, due at the end of that working day) or an instant (stored in UTC). */
export const dueSchema = z.string({ error: 'give a date such as 2027-09-30' }).transform((value, ctx) => {
  const text = value.trim();
  if (DATE_ONLY.test(text)) {
    if (DateTime.fromISO(text).isValid) return text;
  } else {
    const instant = instantSchema.safeParse(text);
    if (instant.success) return instant.data;
  }
  ctx.addIssue({
    code: 'custom',
    message: `"${value}" is not a date: give 2027-09-30 or 2027-09-30T17:00:00+01:00 (put text such as "Ongoing" in the timescale)`,
  });
  return z.NEVER;
});

export const actionNumberSchema = z
  .string({ error: 'say which action, such as 1.2' })
  .trim()
  .regex(/^\d+\.\d+$/, 'give an action number such as 1.2');

/** Refuses changes to a closed incident, as meetings do: reopen it first. */
export function checkNotClosed(incident: Incident): void {
  if (incident.status === 'closed') {
    throw new MusterError(
      ErrorCode.InvalidTransition,
      `${incident.reference} is closed. Reopen it before changing its action plan.`,
    );
  }
}

export interface ActionChange {
  action: Action;
  type: string;
  summary: string;
  data?: Record<string, unknown>;
}

export interface ChangedAction {
  incident: Incident;
  action: Action;
}

/** Loads the action by number, applies `change` and appends its event, all in one store update. */
export async function changeAction(
  deps: StoreDeps,
  target: { reference: string; actionNumber: string; by: Actor },
  change: (action: Action, incident: Incident) => ActionChange,
): Promise<ChangedAction> {
  await loadIncident(deps.store, target.reference);
  const now = nowIso(deps.clock);
  let changed: Action | undefined;
  const incident = await deps.store.updateIncident(target.reference, (current) => {
    checkNotClosed(current);
    const actions = current.actions ?? [];
    const result = change(findAction(actions, target.actionNumber), current);
    changed = result.action;
    return {
      incident: { ...current, actions: replaceAction(actions, result.action), updatedAt: now },
      events: [
        {
          at: now,
          actor: target.by,
          type: result.type,
          summary: result.summary,
          data: { actionNumber: result.action.number, ...result.data },
        },
      ],
    };
  });
  return { incident, action: changed! };
}
