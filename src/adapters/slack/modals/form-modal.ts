/**
 * Renders a platform-neutral `FormDefinition` as a Slack modal. Each field
 * becomes one input block whose `block_id` and `action_id` are the field id,
 * so a use case's problem path (`occurredAt`) is also the key Slack needs to
 * show the error under that field (`response_action: 'errors'`). Slack's
 * length limits are applied here, where they are known, rather than in the
 * shared form model.
 */
import type { types } from '@slack/bolt';
import type { FieldChoice, FormDefinition, FormField } from '../../../app/forms/form-model.js';
import { slackUserId } from '../access/slack-people.js';

type ModalView = types.ModalView;
type KnownBlock = types.KnownBlock;
type InputBlock = types.InputBlock;
type PlainTextOption = types.PlainTextOption;

/** Slack's limits (https://docs.slack.dev/reference/block-kit/...), in characters or items. */
export const SLACK_LIMITS = {
  modalTitle: 24,
  modalButton: 24,
  label: 2000,
  hint: 2000,
  placeholder: 150,
  optionText: 75,
  optionValue: 150,
  options: 100,
  privateMetadata: 3000,
  sectionText: 3000,
  blocks: 100,
  plainTextInput: 3000,
} as const;

/** What the modal carries back in `private_metadata`: which form, and the form's context. */
export interface ModalMetadata {
  formId: string;
  context: Record<string, string>;
}

/**
 * Shortens at a word boundary with an ellipsis; a modal title of 24 characters
 * cut mid-word reads as a bug.
 */
export function fitText(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = text.slice(0, max - 1);
  const space = room.lastIndexOf(' ');
  return `${(space > max / 2 ? room.slice(0, space) : room).trimEnd()}…`;
}

const plain = (text: string, max: number) => ({
  type: 'plain_text' as const,
  text: fitText(text, max),
  emoji: true,
});

function option(choice: FieldChoice): PlainTextOption {
  if (choice.value.length > SLACK_LIMITS.optionValue) {
    // A cut value would come back as a different value; refuse loudly at render time instead.
    throw new Error(
      `choice value "${choice.value}" is longer than Slack's ${SLACK_LIMITS.optionValue} characters`,
    );
  }
  return { text: plain(choice.label, SLACK_LIMITS.optionText), value: choice.value };
}

function options(field: FormField): PlainTextOption[] {
  const choices = field.choices ?? [];
  if (choices.length > SLACK_LIMITS.options) {
    throw new Error(
      `field "${field.id}" has ${choices.length} choices; a Slack select takes ${SLACK_LIMITS.options}`,
    );
  }
  return choices.map(option);
}

const initials = (field: FormField): string[] =>
  field.initial === undefined ? [] : Array.isArray(field.initial) ? field.initial : [field.initial];

function element(field: FormField): InputBlock['element'] {
  const common = {
    action_id: field.id,
    ...(field.placeholder ? { placeholder: plain(field.placeholder, SLACK_LIMITS.placeholder) } : {}),
  };
  const [initial] = initials(field);
  switch (field.kind) {
    case 'datetime': {
      const { placeholder: _unused, ...rest } = common;
      const seconds = initial ? Math.floor(Date.parse(initial) / 1000) : Number.NaN;
      // The picker shows the instant in the person's own Slack time zone and sends back Unix seconds: no zone guessing.
      return {
        type: 'datetimepicker',
        ...rest,
        ...(Number.isFinite(seconds) ? { initial_date_time: seconds } : {}),
      };
    }
    case 'select': {
      const opts = options(field);
      const selected = opts.find((o) => o.value === initial);
      return {
        type: 'static_select',
        ...common,
        options: opts,
        ...(selected ? { initial_option: selected } : {}),
      };
    }
    case 'multi-select': {
      const opts = options(field);
      const wanted = new Set(initials(field));
      const selected = opts.filter((o) => o.value !== undefined && wanted.has(o.value));
      return {
        type: 'multi_static_select',
        ...common,
        options: opts,
        ...(selected.length > 0 ? { initial_options: selected } : {}),
      };
    }
    case 'user':
      return { type: 'users_select', ...common, ...(initial ? { initial_user: slackUserId(initial) } : {}) };
    case 'text':
    case 'textarea':
      return {
        type: 'plain_text_input',
        ...common,
        multiline: field.kind === 'textarea',
        max_length: Math.min(field.maxLength ?? SLACK_LIMITS.plainTextInput, SLACK_LIMITS.plainTextInput),
        ...(initial ? { initial_value: initial } : {}),
      };
  }
}

export function fieldBlock(field: FormField): InputBlock {
  return {
    type: 'input',
    block_id: field.id,
    label: plain(field.label, SLACK_LIMITS.label),
    optional: !field.required,
    element: element(field),
    ...(field.hint ? { hint: plain(field.hint, SLACK_LIMITS.hint) } : {}),
  };
}

export function formModal(form: FormDefinition, callbackId: string): ModalView {
  const metadata: ModalMetadata = { formId: form.id, context: form.context ?? {} };
  const privateMetadata = JSON.stringify(metadata);
  if (privateMetadata.length > SLACK_LIMITS.privateMetadata) {
    throw new Error(`form "${form.id}" context is too long for Slack's private_metadata`);
  }
  const blocks: KnownBlock[] = [];
  if (form.intro) {
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: fitText(form.intro, SLACK_LIMITS.sectionText) },
    });
  }
  blocks.push(...form.fields.map(fieldBlock));
  return {
    type: 'modal',
    callback_id: callbackId,
    title: plain(form.shortTitle ?? form.title, SLACK_LIMITS.modalTitle),
    submit: plain(form.submitLabel, SLACK_LIMITS.modalButton),
    close: plain('Cancel', SLACK_LIMITS.modalButton),
    private_metadata: privateMetadata,
    blocks: blocks.slice(0, SLACK_LIMITS.blocks),
  };
}
