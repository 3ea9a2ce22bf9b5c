/**
 * Node-side use of the Adaptive Card templates in `cards/`: expands a card's
 * platform-neutral data (src/app/cards/card-model.ts) or a FormDefinition into
 * Adaptive Card JSON, and reads what a form's Action.Submit posts back into a
 * FormSubmission. The JSON files are the single source of every card's layout;
 * this module only picks the file, prepares the data the template language
 * cannot work out itself (a datetime's local date and time), and expands.
 * Teams and the console render from here; Slack renders the same card data as
 * Block Kit (src/adapters/slack/blocks).
 */
import { readFileSync } from 'node:fs';
// The package's main entry also re-exports JSONSchemaCard, whose typings import adaptivecards' .ts sources
// (type-checked even with skipLibCheck); the engine alone is all this module needs.
import { Template } from 'adaptivecards-templating/lib/template-engine.js';
import { DateTime } from 'luxon';
import type { Card, CardVerb } from '../../app/cards/card-model.js';
import type { FormDefinition, FormField, FormSubmission } from '../../app/forms/form-model.js';
import type { PlanUpdateCard } from '../../app/plans/plan-update-card.js';

/** A form to render, with the errors of a refused submission by field id (shown under each field). */
export interface FormCard {
  kind: 'form';
  form: FormDefinition;
  errors?: Record<string, string>;
}

/** A plan update card is sent only to the action's lead (`askPlanUpdate`), so it is not a `Card`. */
export type TemplatedCard = Card | FormCard | PlanUpdateCard;
export type CardKind = TemplatedCard['kind'];

/** An expanded Adaptive Card (`type: "AdaptiveCard"`, `version: "1.5"`), ready to attach or post. */
export type AdaptiveCardJson = Record<string, unknown>;

/** The protocol's default zone; a datetime field's date and time inputs are wall-clock time there. */
export const DEFAULT_ZONE = 'Europe/London';

/**
 * A datetime field is two inputs, because Adaptive Cards have no combined
 * picker: `<field id>__date` (YYYY-MM-DD) and `<field id>__time` (HH:mm).
 */
export const DATE_SUFFIX = '__date';
export const TIME_SUFFIX = '__time';
export const dateInputId = (fieldId: string) => `${fieldId}${DATE_SUFFIX}`;
export const timeInputId = (fieldId: string) => `${fieldId}${TIME_SUFFIX}`;

/** One template per card kind; every file in `cards/` is named here and nowhere else. */
export const TEMPLATE_FILES: Readonly<Record<CardKind, string>> = {
  incident: 'incident.json',
  reminder: 'reminder.json',
  notice: 'notice.json',
  'incident-list': 'incident-list.json',
  home: 'home.json',
  help: 'help.json',
  form: 'form.json',
  meeting: 'meeting.json',
  checklist: 'checklist.json',
  'action-list': 'action-list.json',
  timeline: 'timeline.json',
  'plan-update': 'plan-update.json',
};

/**
 * Resolved from this module rather than the working directory, so the bot,
 * the CLI and the tests find the same files wherever they are started.
 */
export const CARDS_DIR = new URL('../../../cards/', import.meta.url);

/**
 * Parsed templates, kept after the first use: the files do not change while
 * the process runs, and parsing every `${…}` expression on each card would be
 * repeated work. `Template.expand` keeps no state between calls, so one
 * instance serves every card of its kind.
 */
const templates = new Map<CardKind, Template>();

function templateFor(kind: CardKind): Template {
  let template = templates.get(kind);
  if (!template) {
    const file = TEMPLATE_FILES[kind];
    if (!file) throw new Error(`no Adaptive Card template for card kind "${kind}"`);
    template = new Template(JSON.parse(readFileSync(new URL(file, CARDS_DIR), 'utf8')));
    templates.set(kind, template);
  }
  return template;
}

/** Expands the template for the card's kind with the card as `$root`. */
export function expandCard(card: TemplatedCard, options: { zone?: string } = {}): AdaptiveCardJson {
  const data = card.kind === 'form' ? formCardData(card, options.zone ?? DEFAULT_ZONE) : card;
  return templateFor(card.kind).expand({ $root: data }) as AdaptiveCardJson;
}

/** What `cards/form.json` binds to: the form, with each field's local date and time, and the errors. */
export interface FormCardData extends Omit<FormDefinition, 'fields' | 'context'> {
  fields: (FormField & { date?: string; time?: string })[];
  context: Record<string, string>;
  /** Field id → message, shown under that field. */
  errors: Record<string, string>;
  /** Messages whose key is not a field of the form, shown at the top so none is lost. */
  formErrors: string[];
}

/**
 * The template language has no time zones, so a datetime's `initial` instant
 * is split into the zone's wall-clock date and time here. Every property the
 * template reads unguarded is given a value: templating leaves a missing one
 * as its literal `${…}` text.
 */
export function formCardData(card: FormCard, zone: string = DEFAULT_ZONE): FormCardData {
  const { form } = card;
  const errors = card.errors ?? {};
  const fieldIds = new Set(form.fields.map((f) => f.id));
  return {
    ...form,
    context: form.context ?? {},
    errors,
    formErrors: Object.entries(errors)
      .filter(([id]) => !fieldIds.has(id))
      .map(([, message]) => message),
    fields: form.fields.map((field) => {
      if (field.kind !== 'datetime' || typeof field.initial !== 'string') return field;
      const local = DateTime.fromISO(field.initial, { zone });
      if (!local.isValid) return field;
      return { ...field, date: local.toFormat('yyyy-MM-dd'), time: local.toFormat('HH:mm') };
    }),
  };
}

const nonEmpty = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}(:\d{2})?$/;

/**
 * A date and a wall-clock time in `zone` as an ISO instant with that zone's
 * offset on that day (`+01:00` in BST, `+00:00` in GMT). A time the clocks
 * skip (01:30 as they go forward) is moved on by the hour skipped. A half
 * filled pair is handed on as it is: the use case's check refuses it and names
 * the field, where guessing midnight would record a wrong time silently.
 */
function readDateTime(date: string | undefined, time: string | undefined, zone: string): string | undefined {
  if (date === undefined && time === undefined) return undefined;
  if (date === undefined || time === undefined) return date ?? time;
  const parsed =
    DATE.test(date) && TIME.test(time) ? DateTime.fromISO(`${date}T${time}`, { zone }) : undefined;
  if (!parsed?.isValid) return `${date}T${time}`;
  // 01:30 on the night the clocks go back happens twice: take the first, so no deadline counted from it runs late.
  const [first] = parsed.getPossibleOffsets().sort((a, b) => a.toMillis() - b.toMillis());
  return (first ?? parsed).toISO()!;
}

/** Adaptive Cards post a multi-select as one comma-separated string ("corby,kettering"). */
function readMany(value: unknown): string[] | undefined {
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
  const values = items.map((v) => (typeof v === 'string' ? v.trim() : '')).filter((v) => v !== '');
  return values.length > 0 ? values : undefined;
}

function readContext(posted: unknown, fallback: Record<string, string> | undefined): Record<string, string> {
  if (typeof posted !== 'object' || posted === null || Array.isArray(posted)) return { ...fallback };
  return Object.fromEntries(
    Object.entries(posted).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
}

/**
 * The inverse of `expandCard` for a form: the data an Action.Submit posts
 * (input id → value, plus the action's `{ formId, context }`) as a
 * FormSubmission. Only the form's own fields are read, so anything else a
 * platform adds to the payload is ignored; empty inputs become `undefined`.
 * The context is the one that travelled with the card, falling back to the
 * form's own.
 */
export function readFormSubmission(
  form: FormDefinition,
  data: Record<string, unknown>,
  zone: string = DEFAULT_ZONE,
): FormSubmission {
  const values: FormSubmission['values'] = {};
  for (const field of form.fields) {
    switch (field.kind) {
      case 'datetime': {
        const date = nonEmpty(data[dateInputId(field.id)]);
        const time = nonEmpty(data[timeInputId(field.id)]);
        // A platform without the split inputs (the console) may post the instant under the field id itself.
        values[field.id] = readDateTime(date, time, zone) ?? nonEmpty(data[field.id]);
        break;
      }
      case 'multi-select':
        values[field.id] = readMany(data[field.id]);
        break;
      default:
        values[field.id] = nonEmpty(data[field.id]);
    }
  }
  return { formId: form.id, values, context: readContext(data.context, form.context) };
}

/** Which form a posted payload belongs to, so the platform can rebuild its definition before reading it. */
export function postedFormId(data: Record<string, unknown>): string | undefined {
  return nonEmpty(data.formId);
}

/** A record, not a list, so that adding a CardVerb without listing it here fails to compile. */
const CARD_VERBS: Readonly<Record<CardVerb, true>> = {
  acknowledge: true,
  'record-meeting': true,
  'mark-done': true,
  snooze: true,
  'open-incident': true,
  'add-update': true,
  'mark-action-done': true,
  'snooze-action': true,
  'start-meeting': true,
  'tick-item': true,
  'work-item': true,
  'record-attendance': true,
  'signs-of-safety': true,
  'end-meeting': true,
  'promote-to-plan': true,
  'plan-update': true,
};

/**
 * A card button's posted `{ verb, value }`. The verb is checked against the
 * ones Muster renders; `value` stays opaque (parseActionValue reads it).
 */
export function readCardAction(data: Record<string, unknown>): { verb: CardVerb; value: string } | undefined {
  const verb = data.verb;
  const value = data.value;
  if (typeof verb !== 'string' || typeof value !== 'string') return undefined;
  return Object.hasOwn(CARD_VERBS, verb) ? { verb: verb as CardVerb, value } : undefined;
}
