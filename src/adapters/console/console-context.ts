/**
 * What every console handler is handed (the use cases' ports, the console
 * platform, its history and event stream, the simulated clock), plus the two
 * things they all do: find the channel a request is about, checking the
 * person may see it, and answer the person ephemerally in that channel.
 */
import type { NoticeCard } from '../../app/cards/card-model.js';
import type { DirectoryDeps } from '../../app/deps.js';
import { userMessage } from '../../app/user-message.js';
import { isMusterError } from '../../core/errors.js';
import { expandCard } from '../cards/card-templates.js';
import type { SimulatedClock } from '../clock/simulated-clock.js';
import type { Logger } from '../logging/logger.js';
import type { InFlight } from '../shared/in-flight.js';
import { type ConsolePerson, canSeeChannel } from './console-access.js';
import type { ConsoleEvents } from './console-events.js';
import { HttpProblem } from './console-http.js';
import { type ConsoleChannel, type ConsoleMessage, directChannelId } from './console-model.js';
import type { ConsolePlatform } from './console-platform.js';
import type { ConsoleStore } from './console-store.js';

export interface ConsoleContext {
  deps: DirectoryDeps;
  platform: ConsolePlatform;
  /** The console's chat history (channels and messages), not the incident Store, which is `deps.store`. */
  history: ConsoleStore;
  events: ConsoleEvents;
  clock: SimulatedClock;
  logger: Logger;
  /** Announcements a form submission is running; the clock's tick waits for them (no card posted twice). */
  announcing: InFlight;
  /** One scheduler tick: resume announcements, send due reminders. */
  tick: () => Promise<void>;
}

/** The channel, if the person may see it; their own direct messages exist as soon as they look. */
export async function visibleChannel(
  ctx: ConsoleContext,
  person: ConsolePerson,
  channelId: string,
): Promise<ConsoleChannel> {
  const own = directChannelId(person.contact.id);
  const channel =
    channelId === own
      ? await ctx.platform.ensureDirectChannel(person.contact.id)
      : ctx.history.channel(channelId);
  if (!channel)
    throw new HttpProblem(404, `There is no channel "${channelId}". GET /console/api/channels lists yours.`);
  if (!canSeeChannel(ctx.deps.directory, channel, person.contact.id, ctx.deps.coordinators)) {
    throw new HttpProblem(403, `You are not in ${channel.name}. Ask the CSP coordinator to add you.`);
  }
  return channel;
}

/** Muster's answer to one person, seen by them alone, in the channel they asked in. */
export function replyTo(
  ctx: ConsoleContext,
  person: ConsolePerson,
  channelId: string,
  content: { text: string } | { notice: NoticeCard } | { card: Record<string, unknown>; cardKind: string },
): Promise<ConsoleMessage> {
  const body =
    'notice' in content
      ? {
          card: expandCard(content.notice, { zone: ctx.deps.protocol.calendar.zone }),
          cardKind: content.notice.kind,
        }
      : content;
  return ctx.platform.post(channelId, { ...body, ephemeralFor: person.contact.id });
}

/**
 * The answer to a failed request: a Muster error in its own plain English;
 * anything else is logged (without the person) and apologised for.
 */
export function replyWithError(
  ctx: ConsoleContext,
  person: ConsolePerson,
  channelId: string,
  error: unknown,
  doing: string,
): Promise<ConsoleMessage> {
  if (!isMusterError(error)) ctx.logger.error(`console: ${doing} failed`, { error });
  return replyTo(ctx, person, channelId, { text: userMessage(error) });
}
