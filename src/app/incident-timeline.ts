/**
 * Bridges a stored incident and the protocol engine: the facts the timeline is
 * computed from, "now" in the protocol's zone, and the incident lookup every
 * command starts with.
 */
import { DateTime } from 'luxon';
import { ErrorCode, MusterError } from '../core/errors.js';
import type { Incident } from '../core/incident/incident.js';
import type { Protocol } from '../core/protocol/protocol-schema.js';
import { computeTimeline, type MilestoneStatus, type TimelineFacts } from '../core/protocol/timeline.js';
import type { Clock, Store } from '../ports.js';

export function timelineFacts(incident: Incident): TimelineFacts {
  return {
    occurredAt: incident.occurredAt,
    ...(incident.notifiedAt ? { notifiedAt: incident.notifiedAt } : {}),
    meetings: incident.meetings.filter((m) => m.status !== 'cancelled'),
    completions: incident.completions,
    snoozes: incident.snoozes ?? [],
  };
}

export function nowIn(clock: Clock, protocol: Protocol): DateTime {
  return DateTime.fromJSDate(clock.now(), { zone: protocol.calendar.zone });
}

/** "now" as the ISO UTC string stored in incidents and events. */
export function nowIso(clock: Clock): string {
  return DateTime.fromJSDate(clock.now()).toUTC().toISO()!;
}

export function incidentTimeline(protocol: Protocol, incident: Incident, now: DateTime): MilestoneStatus[] {
  return computeTimeline(protocol, timelineFacts(incident), now);
}

export async function loadIncident(store: Store, reference: string): Promise<Incident> {
  const incident = await store.getIncident(reference);
  if (!incident) {
    throw new MusterError(
      ErrorCode.NotFound,
      `There is no incident ${reference}. Check the reference: /incident list shows the open ones.`,
    );
  }
  return incident;
}
