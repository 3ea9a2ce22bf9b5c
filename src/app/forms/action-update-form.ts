/**
 * "Add update" on an action's reminder card: what has happened and the RAG
 * now (seed 003 says Yellow where others say Amber; both are accepted). The
 * submission goes to `recordActionUpdate`, whose field paths (`text`, `rag`)
 * are this form's field ids, so a refusal lands under the field that is wrong.
 * Given the directory, a RAG change by someone outside the action's lead
 * agency is refused under the RAG field (and audited).
 */
import type { Action } from '../../core/actions/action.js';
import type { Actor } from '../../core/actor.js';
import type { Incident } from '../../core/incident/incident.js';
import type { ChangedAction } from '../actions/action-input.js';
import { checkRagChange, recordActionUpdate } from '../actions/update-action.js';
import type { DirectoryDeps, StoreDeps } from '../deps.js';
import type { FormDefinition, FormSubmission } from './form-model.js';
import { RAG_CHOICES } from './form-values.js';

export const ACTION_UPDATE_FORM_ID = 'action-update';

export function actionUpdateForm(incident: Incident, action: Action): FormDefinition {
  return {
    id: ACTION_UPDATE_FORM_ID,
    title: `Update action ${action.number}`,
    shortTitle: `Update action ${action.number}`,
    submitLabel: 'Add update',
    intro: `${incident.reference}, action ${action.number}: ${action.description}`,
    context: { reference: incident.reference, actionNumber: action.number },
    fields: [
      {
        id: 'text',
        label: 'Progress',
        kind: 'textarea',
        required: true,
        placeholder: 'What has happened since the last update?',
        maxLength: 2000,
      },
      {
        id: 'rag',
        label: 'RAG',
        kind: 'select',
        required: false,
        initial: action.rag,
        hint: 'Red, amber (yellow) or green.',
        choices: RAG_CHOICES,
      },
    ],
  };
}

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The submitted form as an update; the use case checks it (and names the field when it refuses). */
export async function submitActionUpdate(
  deps: StoreDeps & Partial<Pick<DirectoryDeps, 'directory' | 'coordinators'>>,
  submission: FormSubmission,
  by: Actor,
): Promise<ChangedAction> {
  const rag = one(submission.values.rag);
  const update = {
    reference: submission.context.reference ?? '',
    actionNumber: submission.context.actionNumber ?? '',
    text: one(submission.values.text) ?? '',
    ...(rag ? { rag } : {}),
    by,
  };
  const { directory } = deps;
  if (directory) await checkRagChange({ ...deps, directory }, update, { by });
  return recordActionUpdate(deps, update);
}
