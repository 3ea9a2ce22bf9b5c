/**
 * What the console page reads: the session (the partnership, the people one
 * can act as, the simulated time), the person's channels, a channel's
 * messages, and the live event stream. Each shows only what the person may
 * see: not others' incident channels, direct messages or ephemeral replies.
 */
import type { HttpServer } from '../http/http-server.js';
import { clockEvent } from './clock-route.js';
import { canSeeChannel, findPerson } from './console-access.js';
import type { ConsoleContext } from './console-context.js';
import { visibleChannel } from './console-context.js';
import { guarded, HttpProblem, identify, query, sendOk } from './console-http.js';
import { type ConsoleChannel, channelView } from './console-model.js';

export const CONSOLE_API = {
  session: '/console/api/session',
  channels: '/console/api/channels',
  messages: '/console/api/messages',
  events: '/console/api/events',
} as const;

/** Enough history for any incident's life in a demo; the page is not a paging archive. */
const MAX_MESSAGES = 1000;

const KIND_ORDER: Record<ConsoleChannel['kind'], number> = { coordination: 0, incident: 1, direct: 2 };

export function registerReadRoutes(http: HttpServer, ctx: ConsoleContext): void {
  // The directory is read per request: coordinators may change it while Muster runs.
  http.route('GET', CONSOLE_API.session, (_req, res) => {
    const { directory } = ctx.deps;
    const agency = (id: string) => directory.agencies.find((a) => a.id === id)?.name ?? id;
    const people = directory.contacts.map((c) => {
      const person = findPerson(directory, c.id, ctx.deps.coordinators)!;
      return {
        id: c.id,
        name: c.name,
        role: c.role,
        agency: agency(c.agency),
        coordinator: person.coordinator,
      };
    });
    sendOk(res, {
      partnership: directory.partnership,
      people,
      simulated: true,
      ...clockEvent(ctx),
      zone: ctx.deps.protocol.calendar.zone,
    });
  });

  http.route(
    'GET',
    CONSOLE_API.channels,
    guarded(async (req, res) => {
      const { directory } = ctx.deps;
      const person = identify(req, directory);
      await ctx.platform.ensureDirectChannel(person.contact.id);
      const channels = ctx.history
        .channels()
        .filter((c) => canSeeChannel(directory, c, person.contact.id, ctx.deps.coordinators))
        .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.name.localeCompare(b.name))
        .map(channelView);
      sendOk(res, { channels });
    }),
  );

  http.route(
    'GET',
    CONSOLE_API.messages,
    guarded(async (req, res) => {
      const person = identify(req, ctx.deps.directory);
      const channelId = query(req).get('channel');
      if (!channelId)
        throw new HttpProblem(400, 'Say which channel: ?channel=<id> from GET /console/api/channels.');
      const channel = await visibleChannel(ctx, person, channelId);
      const messages = ctx.history
        .messagesIn(channel.id)
        .filter((m) => !m.ephemeralFor || m.ephemeralFor === person.contact.id)
        .slice(-MAX_MESSAGES);
      sendOk(res, { messages });
    }),
  );

  http.route(
    'GET',
    CONSOLE_API.events,
    guarded((req, res) => {
      const person = identify(req, ctx.deps.directory);
      ctx.events.subscribe(req, res, person.contact.id, clockEvent(ctx));
    }),
  );
}
