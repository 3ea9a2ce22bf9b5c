/**
 * `/incident timeline` as a card: the incident's audit (every change, who,
 * when) oldest first, times in the protocol's zone. A long history shows its
 * latest entries, saying how many there are and where to read them all.
 */
import type { IncidentEvent } from '../../core/events/incident-event.js';
import { formatLocal } from '../local-time.js';
import type { TimelineCard, TimelineEntry } from './card-model.js';

/** Enough to see what happened lately without a chat client scrolling forever. */
export const TIMELINE_LIMIT = 50;

function entry(event: IncidentEvent, zone: string): TimelineEntry {
  return {
    at: event.at,
    atText: formatLocal(event.at, zone),
    who: event.actor.name,
    summary: event.summary,
    type: event.type,
  };
}

/** `events` oldest first, as the store lists them. */
export function timelineCard(
  reference: string,
  events: readonly IncidentEvent[],
  zone: string,
  limit = TIMELINE_LIMIT,
): TimelineCard {
  const shown = events.slice(-limit);
  const total = events.length;
  return {
    kind: 'timeline',
    reference,
    heading: `Timeline of ${reference} (${total} ${total === 1 ? 'entry' : 'entries'})`,
    entries: shown.map((e) => entry(e, zone)),
    ...(total > shown.length
      ? {
          moreText: `Showing the latest ${shown.length} of ${total} entries. The full audit: muster incident show ${reference} --events ${total}, on the Muster server.`,
        }
      : {}),
  };
}
