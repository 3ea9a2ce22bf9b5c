/**
 * Reads a submitted modal back into the platform-neutral `FormSubmission`, and
 * turns a use case's problems into Slack's `response_action: 'errors'` map.
 * Values stay raw (a Slack user id, Unix seconds as an ISO instant): the use
 * case decides what they mean.
 */

import type { ViewOutput } from '@slack/bolt';
import { z } from 'zod';
import type { FormSubmission } from '../../../app/forms/form-model.js';
import { problemField } from '../../../app/forms/form-problems.js';
import type { ProblemDetail } from '../../../core/errors.js';
import type { ModalMetadata } from './form-modal.js';
import { fitText } from './form-modal.js';

type StateValue = ViewOutput['state']['values'][string][string];

const metadataSchema = z.object({
  formId: z.string(),
  context: z.record(z.string(), z.string()).default({}),
});

/** Slack shows a field error under the field; a long one would push the form around. */
const MAX_ERROR_LENGTH = 300;

export function readMetadata(view: { private_metadata?: string | undefined }): ModalMetadata | undefined {
  try {
    const parsed = metadataSchema.safeParse(JSON.parse(view.private_metadata || 'null'));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function elementValue(state: StateValue): string | string[] | undefined {
  switch (state.type) {
    case 'datetimepicker':
      return typeof state.selected_date_time === 'number'
        ? new Date(state.selected_date_time * 1000).toISOString()
        : undefined;
    case 'datepicker':
      return state.selected_date ?? undefined;
    case 'timepicker':
      return state.selected_time ?? undefined;
    case 'static_select':
    case 'radio_buttons':
      return state.selected_option?.value ?? undefined;
    case 'multi_static_select':
    case 'checkboxes':
      return (state.selected_options ?? []).map((o) => o.value);
    case 'users_select':
      return state.selected_user ?? undefined;
    case 'multi_users_select':
      return state.selected_users ?? [];
    case 'conversations_select':
      return state.selected_conversation ?? undefined;
    default:
      // plain_text_input and friends; Slack sends null for an empty box.
      return typeof state.value === 'string' && state.value.trim() !== '' ? state.value : undefined;
  }
}

/** Field id → value, for every input block of the view (block id = action id = field id). */
export function readSubmission(
  view: Pick<ViewOutput, 'private_metadata' | 'state' | 'callback_id'>,
): FormSubmission {
  const metadata = readMetadata(view);
  const values: FormSubmission['values'] = {};
  for (const [blockId, actions] of Object.entries(view.state.values)) {
    const state = actions[blockId] ?? Object.values(actions)[0];
    if (state) values[blockId] = elementValue(state);
  }
  return { formId: metadata?.formId ?? view.callback_id, values, context: metadata?.context ?? {} };
}

/** The view's input blocks; Slack refuses errors for a block the view does not have. */
export function inputBlockIds(view: Pick<ViewOutput, 'blocks' | 'state'>): string[] {
  const inBlocks = view.blocks.flatMap((block) =>
    block.type === 'input' && block.block_id ? [block.block_id] : [],
  );
  return [...new Set([...inBlocks, ...Object.keys(view.state.values)])];
}

/**
 * `{ blockId: message }` for Slack. A problem whose path is not a block of the
 * view (a rule spanning fields) is shown on the first field rather than lost,
 * since Slack refuses errors for blocks it cannot find.
 */
export function fieldErrors(problems: ProblemDetail[], blockIds: readonly string[]): Record<string, string> {
  const errors: Record<string, string> = {};
  const fallback = blockIds[0];
  for (const problem of problems) {
    const field = problemField(problem);
    const target = blockIds.includes(field) ? field : fallback;
    if (target === undefined) continue;
    const message = target === field ? problem.message : `${problem.path}: ${problem.message}`;
    errors[target] = fitText(errors[target] ? `${errors[target]}; ${message}` : message, MAX_ERROR_LENGTH);
  }
  return errors;
}
