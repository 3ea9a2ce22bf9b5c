/**
 * The SIO's notification form (seed 000 §3.0; the incident-reporting section
 * of the London toolkit, seed 002) as a platform-neutral definition, and its
 * check before anything is stored, so a platform can put each error on its
 * field (Slack's `response_action: errors`) and change nothing.
 */
import type { DateTime } from 'luxon';
import type { Actor } from '../../core/actor.js';
import type { Directory } from '../../core/directory/directory-schema.js';
import { isMusterError, type ProblemDetail } from '../../core/errors.js';
import { INCIDENT_CATEGORIES, WEAPONS } from '../../core/incident/incident.js';
import { CATEGORY_LABELS, WEAPON_LABELS } from '../cards/incident-card.js';
import type { DirectoryDeps } from '../deps.js';
import { nowIn } from '../incident-timeline.js';
import { type OpenIncidentInput, validateOpenIncidentInput } from '../open-incident.js';
import type { FormDefinition, FormSubmission } from './form-model.js';

export const NEW_INCIDENT_FORM_ID = 'new-incident';

export function newIncidentForm(directory: Directory, now: DateTime, reporterId?: string): FormDefinition {
  const areas = directory.areas.map((a) => ({ value: a.id, label: a.name }));
  return {
    id: NEW_INCIDENT_FORM_ID,
    title: 'Report a serious violence incident',
    shortTitle: 'Report an incident',
    submitLabel: 'Notify the CSP',
    intro:
      'The SIO notifies the local Community Safety Partnership within 12 hours of the incident. ' +
      'Muster opens a private channel, invites the List 1 and List 2 agencies and starts the protocol clock. ' +
      'Do not enter names of victims, suspects or witnesses.',
    fields: [
      {
        id: 'occurredAt',
        label: 'When did it happen?',
        kind: 'datetime',
        required: true,
        hint: 'UK time. Within the last 30 days.',
        initial: now.startOf('hour').toISO()!,
      },
      { id: 'area', label: 'CSP area', kind: 'select', required: true, choices: areas },
      {
        id: 'location',
        label: 'Location',
        kind: 'text',
        required: true,
        maxLength: 200,
        placeholder: 'Street, estate or landmark',
        hint: 'Where it happened. No names of people.',
      },
      {
        id: 'category',
        label: 'Category',
        kind: 'select',
        required: true,
        choices: INCIDENT_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] })),
        hint: 'A police gold group, or an incident of note the CSP leads.',
      },
      {
        id: 'description',
        label: 'Short description',
        kind: 'textarea',
        required: true,
        maxLength: 2000,
        hint: 'What happened, as far as it can be shared with partners. No names.',
      },
      {
        id: 'weapon',
        label: 'Weapon involved',
        kind: 'select',
        required: true,
        choices: WEAPONS.map((w) => ({ value: w, label: WEAPON_LABELS[w] })),
      },
      { id: 'sio', label: 'Senior Investigating Officer (SIO)', kind: 'user', required: true },
      {
        id: 'reportedBy',
        label: 'Reporting officer',
        kind: 'user',
        required: true,
        ...(reporterId ? { initial: reporterId } : {}),
      },
      {
        id: 'knockOnAreas',
        label: 'Other CSP areas to inform',
        kind: 'multi-select',
        required: false,
        choices: areas,
        hint: 'Areas where the incident may have a knock-on impact; their coordinators are told.',
      },
    ],
  };
}

const text = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The platform has turned the SIO and reporter user ids into actors (with names) before calling this. */
export interface FormPeople {
  sio?: Actor;
  reportedBy?: Actor;
}

export type NewIncidentCheck = { input: OpenIncidentInput } | { problems: ProblemDetail[] };

/**
 * Checks a submitted form without storing anything. Problems carry the field
 * id as their path (`knockOnAreas.1` becomes `knockOnAreas`), one per field.
 */
export function checkNewIncident(
  deps: Pick<DirectoryDeps, 'directory' | 'protocol' | 'clock'>,
  submission: FormSubmission,
  people: FormPeople,
): NewIncidentCheck {
  const v = submission.values;
  const knockOn = v.knockOnAreas;
  const input = {
    occurredAt: text(v.occurredAt),
    area: text(v.area),
    category: text(v.category),
    location: text(v.location) ?? '',
    description: text(v.description) ?? '',
    weapon: text(v.weapon),
    sio: people.sio,
    reportedBy: people.reportedBy,
    knockOnAreas: Array.isArray(knockOn) ? knockOn : knockOn ? [knockOn] : [],
  } as OpenIncidentInput;
  try {
    validateOpenIncidentInput(deps.directory, nowIn(deps.clock, deps.protocol), input);
    return { input };
  } catch (error) {
    if (!isMusterError(error, 'invalid_input')) throw error;
    const byField = new Map<string, ProblemDetail>();
    for (const problem of error.details) {
      const field = problem.path.split('.')[0] ?? '';
      if (!byField.has(field)) byField.set(field, { path: field, message: sentence(field, problem.message) });
    }
    return { problems: [...byField.values()] };
  }
}

/** zod's "expected object" for a missing person reads badly on a form. */
function sentence(field: string, message: string): string {
  if (field === 'sio' || field === 'reportedBy')
    return /expected|required/i.test(message) ? 'choose a person' : message;
  if (/^Invalid input|expected string/i.test(message)) return 'this is required';
  return message.charAt(0).toUpperCase() + message.slice(1);
}
