/**
 * "Add a key date" (`/incident keydate add`): an anniversary, court date or
 * memorial that may raise tensions again, and how many working days before
 * it the partnership is reminded to re-mobilise (seed 002 "be aware of key
 * dates"). The reply says when the reminders will come, worked out on the
 * protocol's calendar exactly as they are planned.
 */
import type { DateTime } from 'luxon';
import { calendarFor } from '../../core/calendar/working-calendar.js';
import {
  type Incident,
  KEY_DATE_KINDS,
  type KeyDate,
  type KeyDateKind,
} from '../../core/incident/incident.js';
import { KEY_DATE_REMINDER_HOUR, keyDateMorning } from '../../core/incident/key-date-reminders.js';
import type { Protocol } from '../../core/protocol/protocol-schema.js';
import type { CommandDeps, CommandOutcome } from '../commands/command-outcome.js';
import { nowIn } from '../incident-timeline.js';
import { addKeyDate, DEFAULT_REMOBILISE_DAYS } from '../key-dates/add-key-date.js';
import type { FormHandler } from './form-handler.js';
import type { FormDefinition, FormSubmission } from './form-model.js';
import { type FormSubmitScope, one, withFieldPaths } from './form-values.js';

export const KEY_DATE_FORM_ID = 'key-date';

/** `addKeyDate`'s problem paths → this form's field ids. */
const FIELDS: Record<string, string> = { remobiliseWorkingDaysBefore: 'remobilise' };

const KIND_LABELS: Record<KeyDateKind, string> = {
  anniversary: 'anniversary',
  'court-date': 'court date',
  memorial: 'memorial',
  other: 'other',
};

export function keyDateForm(_deps: CommandDeps, incident: Incident): FormDefinition {
  return {
    id: KEY_DATE_FORM_ID,
    title: `Add a key date: ${incident.reference}`,
    shortTitle: 'Add a key date',
    submitLabel: 'Add',
    intro: `${incident.reference}: a date that may raise tensions again. The coordinators are reminded to bring the group together ahead of it, and again on the day.`,
    context: { reference: incident.reference },
    fields: [
      {
        id: 'kind',
        label: 'Kind',
        kind: 'select',
        required: true,
        initial: 'anniversary',
        choices: KEY_DATE_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] })),
      },
      { id: 'date', label: 'Date', kind: 'text', required: true, placeholder: 'YYYY-MM-DD' },
      {
        id: 'title',
        label: 'What it is',
        kind: 'text',
        required: true,
        maxLength: 200,
        placeholder: 'e.g. First anniversary of the incident',
      },
      {
        id: 'remobilise',
        label: 'Remind the group this many working days before',
        kind: 'text',
        required: false,
        initial: String(DEFAULT_REMOBILISE_DAYS),
      },
    ],
  };
}

/** Blank is the default; anything not a number is NaN, which `addKeyDate` refuses on the field. */
function workingDays(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
}

/** "Thu 2 Sep 2027" (en-GB would say "Sept"; formatLocal reads the same way). */
const day = (t: DateTime) => t.setLocale('en-US').toFormat('ccc d LLL yyyy');

/** When the reminders planned for the key date arrive, in words (as planKeyDateReminders plans them). */
export function remindersText(protocol: Protocol, keyDate: KeyDate, now: DateTime): string {
  const calendar = calendarFor(protocol);
  const morning = keyDateMorning(keyDate.date, calendar);
  if (!morning || morning <= now) return 'The date has passed, so no reminders are planned.';
  const at = `${String(KEY_DATE_REMINDER_HOUR).padStart(2, '0')}:00`;
  const n = keyDate.remobiliseWorkingDaysBefore;
  const onTheDay = `on the day (${day(morning)}, ${at})`;
  if (n === 0) return `The coordinators are reminded ${onTheDay}.`;
  const before = calendar.shiftWorkingDays(morning, -n);
  const days = `${n} working day${n === 1 ? '' : 's'}`;
  if (before <= now)
    return `It is less than ${days} away, so the coordinators are reminded ${onTheDay} only.`;
  return `The coordinators are reminded to re-mobilise the group on ${day(before)} at ${at} (${days} before) and again ${onTheDay}.`;
}

async function submit(
  deps: CommandDeps,
  scope: FormSubmitScope,
  submission: FormSubmission,
): Promise<CommandOutcome> {
  const { values } = submission;
  const days = workingDays(one(values, 'remobilise'));
  const { keyDate } = await withFieldPaths(FIELDS, () =>
    addKeyDate(deps, {
      reference: scope.incident.reference,
      kind: (one(values, 'kind') ?? '') as KeyDateKind,
      date: one(values, 'date') ?? '',
      title: one(values, 'title') ?? '',
      ...(days === undefined ? {} : { remobiliseWorkingDaysBefore: days }),
      by: scope.by,
    }),
  );
  const when = keyDateMorning(keyDate.date, calendarFor(deps.protocol));
  const reminders = remindersText(deps.protocol, keyDate, nowIn(deps.clock, deps.protocol));
  return {
    message: `Key date added: ${keyDate.title} (${KIND_LABELS[keyDate.kind]}, ${when ? day(when) : keyDate.date}). ${reminders}`,
  };
}

/** Registered in form-registry.ts (typed there by shape, so this module need not import it). */
export const keyDateFormHandler: FormHandler = {
  id: KEY_DATE_FORM_ID,
  rebuild: keyDateForm,
  submit,
};
