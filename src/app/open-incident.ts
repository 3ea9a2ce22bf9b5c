/**
 * Opening an incident from the SIO's notification form (seed 000 §3.0): the
 * form is checked against the clock and the directory, a reference is
 * allocated, every List 1 and List 2 agency contact of the area gets a
 * notification, and the protocol's reminders are planned. Bad input changes
 * nothing, not even the reference counter.
 */
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Actor } from '../core/actor.js';
import { notificationRecipients } from '../core/directory/directory.js';
import type { Directory } from '../core/directory/directory-schema.js';
import type { ProblemDetail } from '../core/errors.js';
import {
  INCIDENT_CATEGORIES,
  type Incident,
  type IncidentCategory,
  type Notification,
  WEAPONS,
} from '../core/incident/incident.js';
import type { PlannedReminder } from '../core/reminders/reminder.js';
import type { DirectoryDeps } from './deps.js';
import { nowIn, nowIso } from './incident-timeline.js';
import { syncIncidentReminders } from './sync-incident-reminders.js';
import { actorSchema, instantSchema, invalidInput } from './validate-input.js';

/** How far back an incident may be reported; older ones belong in a review, not a live response. */
export const MAX_INCIDENT_AGE_DAYS = 30;

export const openIncidentInputSchema = z.object({
  occurredAt: instantSchema,
  area: z.string({ error: 'choose the CSP area' }).trim().min(1, 'choose the CSP area'),
  category: z.enum(INCIDENT_CATEGORIES, { error: `choose one of ${INCIDENT_CATEGORIES.join(', ')}` }),
  location: z.string({ error: 'say where it happened' }).trim().min(1, 'say where it happened'),
  description: z.string({ error: 'describe what happened' }).trim().min(1, 'describe what happened'),
  weapon: z.enum(WEAPONS, { error: `choose one of ${WEAPONS.join(', ')}` }),
  sio: actorSchema,
  reportedBy: actorSchema,
  knockOnAreas: z.array(z.string().trim()).default([]),
});

export type OpenIncidentInput = z.input<typeof openIncidentInputSchema>;

export interface OpenedIncident {
  incident: Incident;
  reminders: PlannedReminder[];
}

const CATEGORY_LABELS: Record<IncidentCategory, string> = {
  'gold-group': 'Gold group',
  'incident-of-note': 'Incident of note',
};

export async function openIncident(deps: DirectoryDeps, input: OpenIncidentInput): Promise<OpenedIncident> {
  const now = nowIn(deps.clock, deps.protocol);
  const form = validateOpenIncidentInput(deps.directory, now, input);
  const area = deps.directory.areas.find((a) => a.id === form.area)!;
  const occurred = DateTime.fromISO(form.occurredAt).setZone(deps.protocol.calendar.zone);
  const reference = await deps.store.allocateReference(occurred.year);
  const at = nowIso(deps.clock);

  const incident: Incident = {
    id: reference,
    reference,
    // The reference is the incident's only name: titles end up in channel topics and exports.
    title: `${reference}: ${CATEGORY_LABELS[form.category]}, ${area.name}`,
    occurredAt: form.occurredAt,
    notifiedAt: at,
    area: form.area,
    category: form.category,
    location: form.location,
    description: form.description,
    weapon: form.weapon,
    sio: form.sio as Actor,
    reportedBy: form.reportedBy as Actor,
    knockOnAreas: [...new Set(form.knockOnAreas)],
    status: 'open',
    meetings: [],
    completions: {},
    notifications: notificationsFor(deps.directory, form.area),
    acknowledgements: [],
    spaces: {},
    createdBy: form.reportedBy as Actor,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };

  const created = await deps.store.createIncident(incident, [
    {
      at,
      actor: incident.reportedBy,
      type: 'incident.opened',
      summary: `${reference} opened (${CATEGORY_LABELS[form.category].toLowerCase()}, ${area.name}); ${incident.notifications.length} contacts to notify.`,
      data: { area: form.area, category: form.category, knockOnAreas: incident.knockOnAreas },
    },
  ]);
  const reminders = await syncIncidentReminders(deps, created);
  return { incident: created, reminders };
}

/** Checks the form against the clock and the directory; throws `invalid_input` naming every bad field. */
export function validateOpenIncidentInput(directory: Directory, now: DateTime, input: OpenIncidentInput) {
  const parsed = openIncidentInputSchema.safeParse(input);
  const problems: ProblemDetail[] = parsed.success
    ? []
    : parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  const bad = new Set(problems.map((p) => p.path.split('.')[0]));
  const raw = (input ?? {}) as Record<string, unknown>;
  const areas = new Set(directory.areas.map((a) => a.id));

  if (!bad.has('occurredAt') && typeof raw.occurredAt === 'string') {
    // Elapsed milliseconds: no zone arithmetic on the path Slack waits on before its 3-second ack.
    const occurred = Date.parse(raw.occurredAt);
    if (occurred > now.toMillis())
      problems.push({ path: 'occurredAt', message: 'is in the future; give the time the incident happened' });
    else if (occurred < now.toMillis() - MAX_INCIDENT_AGE_DAYS * 86_400_000) {
      problems.push({
        path: 'occurredAt',
        message: `is more than ${MAX_INCIDENT_AGE_DAYS} days ago; check the date`,
      });
    }
  }
  const area = typeof raw.area === 'string' ? raw.area.trim() : undefined;
  if (!bad.has('area') && area !== undefined && !areas.has(area)) {
    problems.push({
      path: 'area',
      message: `"${area}" is not a CSP area in the directory (${[...areas].join(', ')})`,
    });
  }
  if (!bad.has('knockOnAreas') && Array.isArray(raw.knockOnAreas)) {
    raw.knockOnAreas.forEach((value, i) => {
      const id = String(value).trim();
      if (id === area)
        problems.push({ path: `knockOnAreas.${i}`, message: `"${id}" is the incident’s own area` });
      else if (!areas.has(id))
        problems.push({ path: `knockOnAreas.${i}`, message: `"${id}" is not a CSP area in the directory` });
    });
  }
  if (problems.length > 0 || !parsed.success) throw invalidInput(problems);
  return parsed.data;
}

/** One notification per contact, with every list the contact's agency is on in the area. */
function notificationsFor(directory: Directory, areaId: string): Notification[] {
  return notificationRecipients(directory, areaId).map(({ contact, agency, lists }) => ({
    contactId: contact.id,
    agencyId: agency.id,
    lists: [...lists],
  }));
}
