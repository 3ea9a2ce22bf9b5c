/**
 * Adding a key date to an incident (anniversary, court date, memorial; seed
 * 002 "be aware of key dates"): audited, and the reminders to re-mobilise the
 * group N working days before (5 unless said) and on the day are planned.
 */
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Actor } from '../../core/actor.js';
import { type Incident, KEY_DATE_KINDS, type KeyDate } from '../../core/incident/incident.js';
import { checkNotClosed } from '../actions/action-input.js';
import type { ProtocolDeps } from '../deps.js';
import { loadIncident, nowIso } from '../incident-timeline.js';
import { syncIncidentReminders } from '../sync-incident-reminders.js';
import { actorSchema, parseInput, referenceSchema } from '../validate-input.js';

export const DEFAULT_REMOBILISE_DAYS = 5;

const addKeyDateInputSchema = z.object({
  reference: referenceSchema,
  kind: z.enum(KEY_DATE_KINDS, { error: `choose one of ${KEY_DATE_KINDS.join(', ')}` }),
  date: z
    .string({ error: 'give a date such as 2028-08-27' })
    .trim()
    .refine((d) => /^\d{4}-\d{2}-\d{2}$/.test(d) && DateTime.fromISO(d).isValid, {
      error: 'give a date such as 2028-08-27',
    }),
  title: z
    .string({ error: 'say what the date is' })
    .trim()
    .min(1, 'say what the date is')
    .max(200, 'keep it under 200 characters'),
  remobiliseWorkingDaysBefore: z
    .number({ error: 'give a number of working days' })
    .int('a whole number of working days')
    .min(0, 'zero or more working days')
    .max(60, 'at most 60 working days')
    .default(DEFAULT_REMOBILISE_DAYS),
  by: actorSchema,
});

export type AddKeyDateInput = z.input<typeof addKeyDateInputSchema>;

export interface AddedKeyDate {
  incident: Incident;
  keyDate: KeyDate;
}

/** `kd-1`, `kd-2`…: one more than the highest used, so a removed date's id is never reused. */
function nextKeyDateId(keyDates: readonly KeyDate[]): string {
  const used = keyDates.map((k) => Number(/^kd-(\d+)$/.exec(k.id)?.[1] ?? 0));
  return `kd-${Math.max(0, ...used) + 1}`;
}

export async function addKeyDate(deps: ProtocolDeps, input: AddKeyDateInput): Promise<AddedKeyDate> {
  const form = parseInput(addKeyDateInputSchema, input);
  await loadIncident(deps.store, form.reference);
  const now = nowIso(deps.clock);
  let added: KeyDate | undefined;
  const incident = await deps.store.updateIncident(form.reference, (current) => {
    checkNotClosed(current);
    const keyDates = current.keyDates ?? [];
    const keyDate: KeyDate = {
      id: nextKeyDateId(keyDates),
      kind: form.kind,
      date: form.date,
      title: form.title,
      remobiliseWorkingDaysBefore: form.remobiliseWorkingDaysBefore,
    };
    added = keyDate;
    return {
      incident: { ...current, keyDates: [...keyDates, keyDate], updatedAt: now },
      events: [
        {
          at: now,
          actor: form.by as Actor,
          type: 'key-date.added',
          summary: `Key date added: ${keyDate.title} (${keyDate.kind}, ${keyDate.date}); the group is reminded ${keyDate.remobiliseWorkingDaysBefore} working days before.`,
          data: { ...keyDate },
        },
      ],
    };
  });
  await syncIncidentReminders(deps, incident);
  return { incident, keyDate: added! };
}
