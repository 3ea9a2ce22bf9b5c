/**
 * What the person who submitted a notification form is told once Muster has
 * tried to announce it, on any platform: where it is open and who could not
 * be invited, or that it is saved and will be set up on the next try.
 */
import type { AnnounceResult } from '../announce-incident.js';
import type { NoticeCard } from './card-model.js';

export interface AnnouncingPlatform {
  /** How the person knows the platform, mid-sentence: "Slack", "the console". */
  label: string;
  /** When Muster tries again: "every minute", "on the next tick". */
  retry: string;
}

const sentence = (text: string) => text[0]!.toUpperCase() + text.slice(1);

export function announcedNotice(
  reference: string,
  result: AnnounceResult | undefined,
  platform: AnnouncingPlatform,
): NoticeCard {
  const link = result?.space?.url ? { spaceUrl: result.space.url } : {};
  const missing = (result?.missing ?? []).map(
    (c) => `Not found on ${platform.label}, so not invited: ${c.name} (${c.email})`,
  );
  if (result?.completed) {
    return {
      kind: 'notice',
      reference,
      headline: `${reference} is open${result.space ? ` in #${result.space.name}` : ''}: the agencies have been notified`,
      lines: missing.length > 0 ? [...missing, 'Ask the CSP coordinator to invite them by hand.'] : [],
      ...link,
    };
  }
  return {
    kind: 'notice',
    reference,
    headline: `${reference} is saved, but ${platform.label} has not finished setting it up`,
    lines: [
      `${sentence(platform.label)} said: ${result?.error ?? 'no answer'}. Muster tries again ${platform.retry}; nothing needs re-entering.`,
      ...missing,
      `/incident status ${reference} shows where it stands.`,
    ],
    ...link,
  };
}
