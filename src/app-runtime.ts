/**
 * One Muster process as a function: `startMuster` checks the protocol and
 * directory, opens the store, wires the chat platforms (Slack when
 * configured, else the log), the HTTP listener and the reminder scheduler,
 * and returns a handle that stops it all. `npm start` calls it from main.ts;
 * end-to-end tests call it in-process with a fixed clock and a fake Slack.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { systemClock } from './adapters/clock/system-clock.js';
import { loadDirectoryFromPath } from './adapters/directory/directory-file.js';
import { registerHealthRoute } from './adapters/http/health-route.js';
import { createHttpServer } from './adapters/http/http-server.js';
import { LogPlatform } from './adapters/log/log-platform.js';
import { createLogger, type Logger } from './adapters/logging/logger.js';
import { resolveProtocol } from './adapters/protocol/protocol-file.js';
import type { SlackClientSettings } from './adapters/slack/platform/index.js';
import { createSlackApp, SLACK_EVENTS_PATH, type SlackApp } from './adapters/slack/slack-app.js';
import { openLowdbStore } from './adapters/storage/lowdb/lowdb-store.js';
import { resumeAnnouncements } from './app/announce-incident.js';
import type { DirectoryDeps } from './app/deps.js';
import type { Config } from './config.js';
import { ErrorCode, MusterError } from './core/errors.js';
import type { ChatPlatform, Clock, Store } from './ports.js';
import { startReminderScheduler } from './scheduler/reminder-scheduler.js';

/** A claimed reminder not completed within this time is handed to another tick (the sender died mid-send). */
const REMINDER_LEASE_MS = 5 * 60_000;
const REMINDERS_PER_TICK = 50;

export interface StartMusterOptions {
  config: Config;
  clock?: Clock;
  logger?: Logger;
  /** Run a tick at start, so what fell due while the process was down goes out promptly (default true). */
  runOnStart?: boolean;
  /** Interface to listen on; all of them by default. */
  host?: string;
  /** Web API retry tuning; tests shorten it so an injected outage fails fast. */
  slackClient?: Omit<SlackClientSettings, 'apiUrl'>;
}

export interface RunningMuster {
  readonly port: number;
  readonly store: Store;
  readonly deps: DirectoryDeps;
  readonly platforms: readonly ChatPlatform[];
  readonly slack?: SlackApp;
  /** One scheduler tick now: resume unfinished announcements, then send due reminders. */
  tickNow(): Promise<void>;
  /** Resolves once no Slack listener is still working after its ack. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts everything or, on a setup problem, throws a `MusterError` having closed what it opened. */
export async function startMuster(options: StartMusterOptions): Promise<RunningMuster> {
  const { config } = options;
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  const clock = options.clock ?? systemClock;
  const protocol = await resolveProtocol(config.protocolPath);
  const directory = await loadDirectoryFromPath(config.directoryPath);
  const store = await openLowdbStore(config.dataDir, { onWarning: (message) => logger.warn(message) });
  const deps: DirectoryDeps = { store, clock, protocol, directory };
  const http = createHttpServer(logger);
  registerHealthRoute(http);

  let slack: SlackApp | undefined;
  try {
    if (config.slack) {
      slack = createSlackApp({
        slack: config.slack,
        ...(config.coordinationChannel ? { coordinationChannel: config.coordinationChannel } : {}),
        deps,
        logger,
        http,
        ...(options.slackClient ? { client: options.slackClient } : {}),
      });
      await slack.start();
    }
  } catch (error) {
    await store.close();
    throw error;
  }
  // Without a chat platform, reminders are logged so the scheduler's work stays visible.
  const platforms: ChatPlatform[] = slack ? [slack.platform] : [new LogPlatform(logger)];

  const scheduler = startReminderScheduler({
    cron: config.tickCron,
    deps: {
      ...deps,
      platforms,
      owner: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
      leaseMs: REMINDER_LEASE_MS,
      limit: REMINDERS_PER_TICK,
    },
    logger,
    runOnStart: options.runOnStart ?? true,
    ...(slack ? { beforeReminders: () => resumeSlack(slack!, deps, logger) } : {}),
  });

  const stopAll = async () => {
    await scheduler.stop();
    await http.close();
    await slack?.stop();
    await store.close();
  };
  let port: number;
  try {
    port = (await http.listen(config.port, options.host)).port;
  } catch (error) {
    await stopAll();
    throw new MusterError(
      ErrorCode.InvalidConfig,
      `cannot listen on port ${config.port}: ${(error as Error).message}. Set PORT to a free port.`,
    );
  }

  logger.info(`Muster started, listening on port ${port}`, {
    port,
    protocol: protocol.name,
    milestones: protocol.milestones.length,
    directory: {
      partnership: directory.partnership,
      areas: directory.areas.length,
      agencies: directory.agencies.length,
      contacts: directory.contacts.length,
    },
    dataDir: config.dataDir,
    tickCron: config.tickCron,
    platform: !slack
      ? 'none (reminders are logged; the local console arrives in a later issue)'
      : slack.mode === 'http'
        ? `slack (HTTP, POST ${SLACK_EVENTS_PATH})`
        : 'slack (Socket Mode)',
  });

  return {
    port,
    store,
    deps,
    platforms,
    ...(slack ? { slack } : {}),
    tickNow: () => scheduler.tickNow(),
    idle: async () => {
      await slack?.idle();
    },
    stop: stopAll,
  };
}

/**
 * Finishes announcements a Slack failure or a crash interrupted. Waits first
 * for announcements a form submission is running in this process, so the two
 * never post the same incident's card side by side.
 */
async function resumeSlack(slack: SlackApp, deps: DirectoryDeps, logger: Logger): Promise<void> {
  await slack.announcementsIdle();
  const results = await resumeAnnouncements({ ...deps, platforms: [slack.platform] });
  for (const result of results) {
    if (result.completed) logger.info(`${result.incident.reference} announced on Slack after a retry`);
    else
      logger.warn(`${result.incident.reference} still not announced on Slack; retrying next tick`, {
        error: result.error,
      });
  }
}
