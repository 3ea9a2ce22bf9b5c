/**
 * The append-only audit of an incident: who did what, when. Stores append these
 * and never rewrite them; `seq` is assigned by the store (1, 2, 3… per incident).
 */
import type { Actor } from '../actor.js';

export interface IncidentEvent {
  incidentId: string;
  seq: number;
  at: string;
  actor: Actor;
  /** A dotted verb: `incident.opened`, `meeting.recorded`, `notification.acknowledged`, `milestone.met`. */
  type: string;
  /** One line a person can read in `/incident timeline`. */
  summary: string;
  data?: Record<string, unknown>;
}

/** What a use case hands the store; the store numbers it. */
export type NewIncidentEvent = Omit<IncidentEvent, 'seq' | 'incidentId'>;
