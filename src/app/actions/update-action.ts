/**
 * Progress on an action: an update (text, optionally a new RAG; "yellow" is
 * amber) and status changes. Both are kept in the action's updates with who and
 * when, and audited with the old → new RAG or status. Changing the RAG is the
 * lead agency's call (issue 8): `checkRagChange` refuses anyone else, and
 * audits the refusal, before a form's update is written.
 */
import { z } from 'zod';
import { ACTION_STATUSES, changeStatus, recordProgress } from '../../core/actions/action.js';
import type { Actor } from '../../core/actor.js';
import type { DirectoryDeps, ProtocolDeps, StoreDeps } from '../deps.js';
import { loadIncident, nowIso } from '../incident-timeline.js';
import { mayChangeActionRag, type RoleIdentity, ragRefusal, recordRefusal } from '../roles.js';
import { syncIncidentReminders } from '../sync-incident-reminders.js';
import { actorSchema, invalidInput, parseInput, referenceSchema } from '../validate-input.js';
import { actionNumberSchema, type ChangedAction, changeAction, ragSchema } from './action-input.js';

export const recordActionUpdateInputSchema = z.object({
  reference: referenceSchema,
  actionNumber: actionNumberSchema,
  text: z
    .string({ error: 'say what has happened' })
    .trim()
    .min(1, 'say what has happened')
    .max(2000, 'keep the update under 2000 characters'),
  rag: ragSchema.optional(),
  by: actorSchema,
});

export type RecordActionUpdateInput = z.input<typeof recordActionUpdateInputSchema>;

export async function recordActionUpdate(
  deps: StoreDeps,
  input: RecordActionUpdateInput,
): Promise<ChangedAction> {
  const form = parseInput(recordActionUpdateInputSchema, input);
  const by = form.by as Actor;
  const at = nowIso(deps.clock);
  return changeAction(deps, { ...form, by }, (action) => {
    const updated = recordProgress(action, {
      text: form.text,
      ...(form.rag ? { rag: form.rag } : {}),
      by,
      at,
    });
    const move =
      form.rag && form.rag !== action.rag
        ? ` RAG ${action.rag.toUpperCase()} → ${form.rag.toUpperCase()}.`
        : '';
    return {
      action: updated,
      type: 'action.updated',
      summary: `Action ${action.number} updated by ${by.name}: ${form.text}${move}`,
      data: { fromRag: action.rag, toRag: updated.rag, text: form.text },
    };
  });
}

/**
 * Refuses, on the form's `rag` field, an update that would change the RAG of
 * an action led by another agency (allowed: its owner, its lead agency's
 * contacts, the SIO, coordinators), recording the refusal in the audit. An
 * update that keeps the RAG, or input the use case will refuse anyway, passes.
 */
export async function checkRagChange(
  deps: Pick<DirectoryDeps, 'store' | 'clock' | 'directory' | 'coordinators'>,
  update: { reference: string; actionNumber: string; rag?: string | undefined },
  who: RoleIdentity,
): Promise<void> {
  const rag = update.rag === undefined ? undefined : ragSchema.safeParse(update.rag);
  const reference = referenceSchema.safeParse(update.reference);
  if (!rag?.success || !reference.success) return;
  const incident = await deps.store.getIncident(reference.data);
  const action = incident?.actions?.find((a) => a.number === update.actionNumber);
  if (!incident || !action || action.rag === rag.data) return;
  if (mayChangeActionRag(deps, incident, action, who)) return;
  await recordRefusal(deps, incident, who, `change action ${action.number}'s RAG`, {
    actionNumber: action.number,
  });
  const reason = ragRefusal(deps.directory, incident, action);
  throw invalidInput([{ path: 'rag', message: reason }], reason);
}

export const setActionStatusInputSchema = z.object({
  reference: referenceSchema,
  actionNumber: actionNumberSchema,
  status: z.enum(ACTION_STATUSES, { error: `choose one of ${ACTION_STATUSES.join(', ')}` }),
  note: z.string().trim().min(1).max(2000, 'keep the note under 2000 characters').optional(),
  by: actorSchema,
});

export type SetActionStatusInput = z.input<typeof setActionStatusInputSchema>;

export interface StatusChange extends ChangedAction {
  /** True when the action already had that status: nothing was written. */
  unchanged: boolean;
}

/** Re-plans reminders afterwards: a done or dropped action's unsent reminders go, a reopened one's come back. */
export async function setActionStatus(
  deps: ProtocolDeps,
  input: SetActionStatusInput,
): Promise<StatusChange> {
  const form = parseInput(setActionStatusInputSchema, input);
  const by = form.by as Actor;
  const at = nowIso(deps.clock);
  const before = await loadIncident(deps.store, form.reference);
  const current = before.actions?.find((a) => a.number === form.actionNumber);
  // Saying "done" twice (two people, one button) is not a change worth an audit line.
  if (current && current.status === form.status)
    return { incident: before, action: current, unchanged: true };
  const result = await changeAction(deps, { ...form, by }, (action) => ({
    action: changeStatus(action, { status: form.status, ...(form.note ? { note: form.note } : {}), by, at }),
    type: 'action.status-changed',
    summary: `Action ${action.number}: ${action.status} → ${form.status} (${by.name}).${form.note ? ` ${form.note}` : ''}`,
    data: { fromStatus: action.status, toStatus: form.status },
  }));
  await syncIncidentReminders(deps, result.incident);
  return { ...result, unchanged: false };
}
