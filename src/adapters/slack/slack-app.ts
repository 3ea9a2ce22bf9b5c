/**
 * The Bolt app: Slack's commands, buttons, modals and events wired to the use
 * cases, and the `SlackPlatform` the scheduler and announcements post with.
 * Over HTTP it shares the process's one listener (`POST /slack/events`, for
 * commands, interactivity and events alike); with an app-level token it
 * uses Socket Mode and needs no public URL. Bolt's receiver answers Slack at
 * `ack()` (`processBeforeResponse: false`), so work after the ack never
 * counts against Slack's three seconds.
 */
import { App, type Logger as BoltLogger, HTTPReceiver, LogLevel } from '@slack/bolt';
import type { DirectoryDeps } from '../../app/deps.js';
import type { Config } from '../../config.js';
import { ErrorCode, MusterError } from '../../core/errors.js';
import type { HttpServer } from '../http/http-server.js';
import type { Logger } from '../logging/logger.js';
import { InFlight } from '../shared/in-flight.js';
import { SlackPeople } from './access/slack-people.js';
import { registerActions } from './actions/index.js';
import { registerCommands } from './commands/index.js';
import { registerEvents } from './events/index.js';
import { type SlackClientSettings, SlackPlatform, slackClientOptions } from './platform/index.js';
import { SlackFiles } from './platform/slack-files.js';
import type { SlackContext } from './slack-context.js';
import { registerViews } from './views/index.js';

/** Where Slack sends everything: the manifest's request URLs end in this path. */
export const SLACK_EVENTS_PATH = '/slack/events';

export interface SlackAppOptions {
  slack: NonNullable<Config['slack']>;
  coordinationChannel?: string;
  deps: DirectoryDeps;
  logger: Logger;
  /** The process's listener; the Slack route is added to it in HTTP mode. */
  http: HttpServer;
  /** Retry tuning for the Web API client (tests make failures quick). */
  client?: Omit<SlackClientSettings, 'apiUrl'>;
}

export interface SlackApp {
  readonly mode: 'http' | 'socket-mode';
  readonly app: App;
  readonly platform: SlackPlatform;
  /** Checks the bot token with Slack (`auth.test`) and, in Socket Mode, connects. */
  start(): Promise<void>;
  /** Resolves once no listener is still working after its ack. */
  idle(): Promise<void>;
  /** Resolves once no form-started announcement is running. */
  announcementsIdle(): Promise<void>;
  stop(): Promise<void>;
}

export function createSlackApp(options: SlackAppOptions): SlackApp {
  const { slack, logger } = options;
  const boltLogger = toBoltLogger(logger);
  const clientOptions = {
    ...slackClientOptions({ ...options.client, ...(slack.apiUrl ? { apiUrl: slack.apiUrl } : {}) }),
    logger: boltLogger,
  };
  const socketMode = slack.appToken !== undefined;
  let receiver: HTTPReceiver | undefined;
  if (!socketMode) {
    receiver = new HTTPReceiver({
      signingSecret: slack.signingSecret ?? '',
      endpoints: SLACK_EVENTS_PATH,
      processBeforeResponse: false,
      logger: boltLogger,
    });
  }
  const app = new App({
    token: slack.botToken,
    ...(receiver ? { receiver } : { appToken: slack.appToken, socketMode: true }),
    logger: boltLogger,
    clientOptions,
    // auth.test runs in start(), where a refused token stops the process with a clear message.
    deferInitialization: true,
  });
  const platform = new SlackPlatform({
    client: app.client,
    ...(options.coordinationChannel ? { coordinationChannel: options.coordinationChannel } : {}),
    logger,
  });
  const handlers = new InFlight();
  const ctx: SlackContext = {
    deps: options.deps,
    platform,
    people: new SlackPeople(app.client, {
      onError: (_userId, error) => logger.warn('Slack users.info failed; using the bare id', { error }),
    }),
    files: new SlackFiles({
      client: app.client,
      token: slack.botToken,
      ...(slack.apiUrl ? { apiUrl: slack.apiUrl } : {}),
    }),
    logger,
    announcing: new InFlight(),
  };
  app.use(async ({ next }) => {
    await handlers.track(next());
  });
  app.error(async (error) => {
    logger.error('Slack listener failed', { error });
  });
  registerCommands(app, ctx);
  registerActions(app, ctx);
  registerViews(app, ctx);
  registerEvents(app, ctx);
  if (receiver) {
    const listener = receiver.requestListener;
    options.http.route('POST', SLACK_EVENTS_PATH, (req, res) => listener(req, res));
  }

  return {
    mode: socketMode ? 'socket-mode' : 'http',
    app,
    platform,
    async start() {
      try {
        await app.init();
      } catch (error) {
        throw new MusterError(
          ErrorCode.InvalidConfig,
          `Slack did not accept SLACK_BOT_TOKEN (${slackError(error)}). Check the token, or SLACK_API_URL if set.`,
        );
      }
      if (socketMode) await app.start();
    },
    idle: () => handlers.idle(),
    announcementsIdle: () => ctx.announcing.idle(),
    async stop() {
      if (socketMode) await app.stop();
      await handlers.idle();
    },
  };
}

function slackError(error: unknown): string {
  const data = (error as { data?: { error?: unknown } }).data;
  return typeof data?.error === 'string'
    ? data.error
    : error instanceof Error
      ? error.message
      : String(error);
}

const BOLT_RANK: Record<LogLevel, number> = {
  [LogLevel.DEBUG]: 10,
  [LogLevel.INFO]: 20,
  [LogLevel.WARN]: 30,
  [LogLevel.ERROR]: 40,
};

/** Bolt and its WebClient log through Muster's logger, one line each, at Bolt's own level or above. */
function toBoltLogger(logger: Logger): BoltLogger {
  let level = LogLevel.INFO;
  const line = (parts: unknown[]) =>
    parts
      .map((p) => (p instanceof Error ? p.message : typeof p === 'string' ? p : JSON.stringify(p)))
      .join(' ');
  const at =
    (wanted: LogLevel, write: (message: string, fields?: Record<string, unknown>) => void) =>
    (...parts: unknown[]) => {
      if (BOLT_RANK[wanted] >= BOLT_RANK[level]) write(line(parts), { source: 'bolt' });
    };
  return {
    debug: at(LogLevel.DEBUG, (m, f) => logger.debug(m, f)),
    info: at(LogLevel.INFO, (m, f) => logger.info(m, f)),
    warn: at(LogLevel.WARN, (m, f) => logger.warn(m, f)),
    error: at(LogLevel.ERROR, (m, f) => logger.error(m, f)),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
