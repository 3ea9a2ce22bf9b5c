/**
 * The local console: Muster in a browser, with no Slack or Teams workspace.
 * A third chat platform behind the same use cases, served on the process's
 * one HTTP server: the page at `/`, a JSON API and an event stream under
 * `/console/`. `createConsole` opens the console's chat history, restores the
 * simulated clock's lead over real time, and registers the routes; the
 * runtime adds the returned platform to its platforms.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { DirectoryDeps } from '../../app/deps.js';
import type { SimulatedClock } from '../clock/simulated-clock.js';
import type { HttpServer } from '../http/http-server.js';
import type { Logger } from '../logging/logger.js';
import { InFlight } from '../shared/in-flight.js';
import { registerClockRoute } from './clock-route.js';
import { registerCommandRoute } from './command-route.js';
import { canSeeChannel } from './console-access.js';
import type { ConsoleContext } from './console-context.js';
import { ConsoleEvents } from './console-events.js';
import { ConsolePlatform } from './console-platform.js';
import { ConsoleStore } from './console-store.js';
import { registerFileRoute } from './file-route.js';
import { registerReadRoutes } from './read-routes.js';
import { adaptiveCardsDist, registerStaticRoutes, WEB_DIR } from './static-routes.js';
import { registerSubmitRoute } from './submit-route.js';

export { ConsolePlatform } from './console-platform.js';

export interface CreateConsoleOptions {
  /** Must use `clock` as its clock, so moving the console's time moves the use cases' time. */
  deps: DirectoryDeps;
  http: HttpServer;
  logger: Logger;
  clock: SimulatedClock;
  dataDir: string;
  /** One scheduler tick (resume announcements, then due reminders); run after each move of the clock. */
  tick: () => Promise<void>;
  /** Where the page's files are; tests point it elsewhere. */
  webDir?: string;
}

export interface RunningConsole {
  platform: ConsolePlatform;
  /** Resolves once no form submission is still announcing an incident; the scheduler's resume waits for it. */
  announcementsIdle(): Promise<void>;
  /** Ends the event streams (they would hold the HTTP server's close open) and closes the history file. */
  close(): Promise<void>;
}

export async function createConsole(options: CreateConsoleOptions): Promise<RunningConsole> {
  const { deps, logger, clock } = options;
  if (deps.clock !== clock) {
    throw new Error(
      'createConsole: deps.clock must be the console clock, or its time control would move nothing',
    );
  }
  const history = await ConsoleStore.open(options.dataDir, { onWarning: (message) => logger.warn(message) });
  // Incidents stored while time ran ahead must not lie in the future after a restart.
  if (history.clockOffsetMs > clock.offsetMs) clock.advanceBy(history.clockOffsetMs - clock.offsetMs);

  try {
    return await wire(options, history);
  } catch (error) {
    // A route already taken (another adapter serving `/`) must not leave the history file open.
    await history.close();
    throw error;
  }
}

async function wire(options: CreateConsoleOptions, history: ConsoleStore): Promise<RunningConsole> {
  const { deps, http, logger, clock } = options;
  const events = new ConsoleEvents((contactId, channelId) => {
    const channel = history.channel(channelId);
    return channel !== undefined && canSeeChannel(deps.directory, channel, contactId, deps.coordinators);
  });
  const platform = new ConsolePlatform({
    store: history,
    events,
    clock,
    zone: deps.protocol.calendar.zone,
    logger,
  });
  await platform.ensureCoordinationChannel();
  const announcing = new InFlight();
  const ctx: ConsoleContext = {
    deps,
    platform,
    history,
    events,
    clock,
    logger,
    announcing,
    tick: options.tick,
  };

  const webDir = options.webDir ?? WEB_DIR;
  registerStaticRoutes(http, webDir);
  registerReadRoutes(http, ctx);
  registerCommandRoute(http, ctx);
  registerSubmitRoute(http, ctx);
  registerClockRoute(http, ctx);
  registerFileRoute(http, ctx);

  const dist = adaptiveCardsDist();
  if (!dist || !existsSync(join(dist, 'adaptivecards.min.js'))) {
    logger.warn(
      'the adaptivecards package is not installed; the console page cannot render cards (npm install)',
    );
  }
  if (!existsSync(join(webDir, 'index.html'))) logger.warn(`the console page is missing from ${webDir}`);

  return {
    platform,
    announcementsIdle: () => announcing.idle(),
    close: async () => {
      events.close();
      await announcing.idle();
      await history.close();
    },
  };
}
