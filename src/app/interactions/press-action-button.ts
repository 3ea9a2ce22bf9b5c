/**
 * The buttons of an action's reminder card, after `pressCardButton` has read
 * the value and checked access: Add update (returns the form), Mark done and
 * Snooze, each through the action plan's own use cases.
 */
import { findAction } from '../../core/actions/action.js';
import type { Actor } from '../../core/actor.js';
import type { Incident } from '../../core/incident/incident.js';
import { snoozeActionReminder } from '../actions/snooze-action.js';
import { setActionStatus } from '../actions/update-action.js';
import type { ActionValue } from '../cards/action-value.js';
import type { DirectoryDeps } from '../deps.js';
import { actionUpdateForm } from '../forms/action-update-form.js';
import type { FormDefinition } from '../forms/form-model.js';
import { invalidInput } from '../validate-input.js';

export type ActionVerb = 'add-update' | 'mark-action-done' | 'snooze-action';

export async function pressActionButton(
  deps: DirectoryDeps,
  verb: ActionVerb,
  value: ActionValue,
  incident: Incident,
  by: Actor,
): Promise<{ message?: string; form?: FormDefinition }> {
  if (!value.actionNumber)
    throw invalidInput([{ path: 'actionNumber', message: 'this button names no action' }]);
  const target = { reference: incident.reference, actionNumber: value.actionNumber, by };
  switch (verb) {
    case 'add-update':
      return { form: actionUpdateForm(incident, findAction(incident.actions ?? [], value.actionNumber)) };
    case 'mark-action-done': {
      const done = await setActionStatus(deps, { ...target, status: 'done' });
      return {
        message: done.unchanged
          ? `Action ${done.action.number} was already done.`
          : `Action ${done.action.number} marked done. Its reminders are off.`,
      };
    }
    case 'snooze-action': {
      const snoozed = await snoozeActionReminder(deps, {
        ...target,
        ...(value.reminderKey ? { reminderKey: value.reminderKey } : {}),
      });
      return { message: snoozed.message };
    }
  }
}
