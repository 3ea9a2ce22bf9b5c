/**
 * One Muster process as a function: `startMuster` checks the protocol and
 * directory, opens the store, wires the chat platforms (Slack and Teams when
 * configured, side by side; the local console when neither is), the HTTP
 * listener and the reminder scheduler,
 * and returns a handle that stops it all. `npm start` calls it from main.ts;
 * end-to-end tests call it in-process with a fixed clock and a fake Slack.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { SimulatedClock } from './adapters/clock/simulated-clock.js';
import { systemClock } from './adapters/clock/system-clock.js';
import { createConsole, type RunningConsole } from './adapters/console/index.js';
import { loadDirectoryFromPath } from './adapters/directory/directory-file.js';
import { registerHealthRoute } from './adapters/http/health-route.js';
import { createHttpServer } from './adapters/http/http-server.js';
import { registerReadinessRoute, storeAndPlatformsReadiness } from './adapters/http/readiness-route.js';
import { createLogger, type Logger } from './adapters/logging/logger.js';
import { resolveProtocol } from './adapters/protocol/protocol-file.js';
import { coordinatorGroups } from './adapters/shared/coordinator-groups.js';
import type { SlackClientSettings } from './adapters/slack/platform/index.js';
import { createSlackApp, SLACK_EVENTS_PATH, type SlackApp } from './adapters/slack/slack-app.js';
import { openConfiguredStore } from './adapters/storage/open-store.js';
import {
  type AccessTokens,
  createTeamsApp,
  TEAMS_MESSAGES_PATH,
  type TeamsApp,
  type TeamsRetrySettings,
} from './adapters/teams/index.js';
import { resumeAnnouncements } from './app/announce-incident.js';
import { createCoordinatorRoster, keepRosterFresh } from './app/coordinator-roster.js';
import type { DirectoryDeps } from './app/deps.js';
import { keepDirectoryLive } from './app/directory/live-directory.js';
import { cardNotifier } from './app/plans/plan-notifier.js';
import { runPlanRounds } from './app/plans/run-plan-rounds.js';
import { keepExportIn } from './app/retention/keep-export.js';
import { purgeSummary, type RetentionJob, startRetentionJob } from './app/retention/retention-job.js';
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
  /**
   * How long a claimed reminder stays this replica's (REMINDER_LEASE_MS by default). For tests
   * only: one that kills a replica mid-send waits this long for another to take over.
   */
  reminderLeaseMs?: number;
  /** Web API retry tuning; tests shorten it so an injected outage fails fast. */
  slackClient?: Omit<SlackClientSettings, 'apiUrl'>;
  /** Teams tokens without Entra ID, and Graph and connector retries without waiting: for tests. */
  teamsTesting?: {
    accessTokens?: AccessTokens;
    graphRetryWaitMs?: number;
    retry?: Partial<TeamsRetrySettings>;
  };
}

export interface RunningMuster {
  readonly port: number;
  readonly store: Store;
  readonly deps: DirectoryDeps;
  readonly platforms: readonly ChatPlatform[];
  readonly slack?: SlackApp;
  readonly teams?: TeamsApp;
  /** One scheduler tick now: resume unfinished announcements, then send due reminders. */
  tickNow(): Promise<void>;
  /** Resolves once no Slack listener or Teams turn is still working after its ack. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts everything or, on a setup problem, throws a `MusterError` having closed what it opened. */
export async function startMuster(options: StartMusterOptions): Promise<RunningMuster> {
  const { config } = options;
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  // The console (no Slack or Teams credentials) runs on simulated time its time control can move;
  // a real workspace always runs on the real clock.
  const consoleMode = !config.slack && !config.teams;
  const clock = consoleMode
    ? new SimulatedClock(options.clock ?? systemClock)
    : (options.clock ?? systemClock);
  const protocol = await resolveProtocol(config.protocolPath);
  const directory = await loadDirectoryFromPath(config.directoryPath);
  const store = await openStore(config, logger);
  // MUSTER_COORDINATORS and the members of MUSTER_COORDINATOR_GROUPS, in one list kept up to date.
  const groups = coordinatorGroups(config.coordinatorGroups ?? [], () => ({
    ...(slack ? { slack } : {}),
    ...(teams ? { teams } : {}),
  }));
  const roster = createCoordinatorRoster({
    configured: config.coordinators ?? [],
    groups,
    onWarning: (message, details) => logger.warn(message, details),
  });
  const deps: DirectoryDeps = { store, clock, protocol, directory, coordinators: roster.ids, log: logger };
  // The directory in force: the file with the coordinators' chat changes on top, refreshed in
  // place on every tick below, so an edit made on another replica is seen here within a minute.
  await keepDirectoryLive(deps, logger);
  const http = createHttpServer(logger);
  registerHealthRoute(http);
  // Not ready until every platform and the scheduler are started, and again once stopping begins.
  let platformsStarted = false;
  registerReadinessRoute(
    http,
    storeAndPlatformsReadiness({ store, platformsStarted: () => platformsStarted }),
  );

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
  let teams: TeamsApp | undefined;
  try {
    if (config.teams) {
      teams = await createTeamsApp({
        teams: config.teams,
        deps,
        logger,
        http,
        dataDir: config.dataDir,
        ...options.teamsTesting,
      });
    }
  } catch (error) {
    await slack?.stop();
    await store.close();
    throw error;
  }
  const rosterRefresh = await keepRosterFresh(roster, groups.length);
  let tick: () => Promise<void> = async () => {};
  let consoleApp: RunningConsole | undefined;
  if (clock instanceof SimulatedClock) {
    try {
      consoleApp = await createConsole({
        deps,
        http,
        logger,
        clock,
        dataDir: config.dataDir,
        tick: () => tick(),
      });
    } catch (error) {
      await store.close();
      throw error;
    }
  }
  const platforms: ChatPlatform[] = consoleApp
    ? [consoleApp.platform]
    : [...(slack ? [slack.platform] : []), ...(teams ? [teams.platform] : [])];
  const announcing = {
    announcementsIdle: async () => {
      await Promise.all([
        slack?.announcementsIdle(),
        teams?.announcementsIdle(),
        consoleApp?.announcementsIdle(),
      ]);
    },
  };

  // Incidents announced on every platform, so later ticks skip them without a read.
  const announced = new Set<string>();
  const scheduler = startReminderScheduler({
    cron: config.tickCron,
    deps: {
      ...deps,
      platforms,
      owner: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
      leaseMs: options.reminderLeaseMs ?? REMINDER_LEASE_MS,
      limit: REMINDERS_PER_TICK,
    },
    logger,
    runOnStart: options.runOnStart ?? true,
    beforeReminders: async () => {
      await keepDirectoryLive(deps, logger);
      await resume(platforms, announcing, deps, logger, announced);
    },
    afterReminders: async () => {
      const tick = await runPlanRounds({ ...deps, notifier: cardNotifier(platforms, deps.directory) });
      if (tick.closed.length + tick.chased.length > 0) {
        // Ids and action numbers only: the round's requests carry people's names.
        logger.info('plan rounds', {
          closed: tick.closed.map((c) => `${c.planId} ${c.round.id}`),
          chased: tick.chased.map((c) => `${c.planId} ${c.roundId}: ${c.actionNumbers.join(', ')}`),
        });
      }
    },
  });
  tick = () => scheduler.tickNow();
  const retention = startRetention(config, deps, platforms, logger);

  const stopAll = async () => {
    platformsStarted = false;
    await scheduler.stop();
    await retention?.stop();
    await rosterRefresh.stop();
    // The console's event streams would hold the HTTP server's close open.
    await consoleApp?.close();
    await http.close();
    await slack?.stop();
    await teams?.stop();
    await store.close();
  };
  let port: number;
  try {
    // The console has no sign-in: it listens on this machine only unless told otherwise.
    port = (await http.listen(config.port, options.host ?? (consoleApp ? '127.0.0.1' : undefined))).port;
  } catch (error) {
    await stopAll();
    throw new MusterError(
      ErrorCode.InvalidConfig,
      `cannot listen on port ${config.port}: ${(error as Error).message}. Set PORT to a free port.`,
    );
  }

  platformsStarted = true;
  const started = consoleApp
    ? `Muster started: open the local console at http://localhost:${port}/ (no Slack or Teams credentials are set)`
    : `Muster started, listening on port ${port}`;
  logger.info(started, {
    port,
    protocol: protocol.name,
    milestones: protocol.milestones.length,
    directory: {
      partnership: directory.partnership,
      areas: directory.areas.length,
      agencies: directory.agencies.length,
      contacts: directory.contacts.length,
    },
    ...(config.databaseUrl
      ? { store: `postgres (schema ${config.databaseSchema ?? 'public'})` }
      : { dataDir: config.dataDir }),
    tickCron: config.tickCron,
    platform: consoleApp
      ? `local console at http://localhost:${port}/ (simulated time)`
      : [
          ...(slack
            ? [slack.mode === 'http' ? `slack (HTTP, POST ${SLACK_EVENTS_PATH})` : 'slack (Socket Mode)']
            : []),
          ...(teams
            ? [
                `teams (POST ${TEAMS_MESSAGES_PATH}${teams.authenticated ? '' : ', UNAUTHENTICATED local mode'})`,
              ]
            : []),
        ].join(', '),
  });

  return {
    port,
    store,
    deps,
    platforms,
    ...(slack ? { slack } : {}),
    ...(teams ? { teams } : {}),
    tickNow: () => scheduler.tickNow(),
    idle: async () => {
      await Promise.all([slack?.idle(), teams?.idle()]);
    },
    stop: stopAll,
  };
}

/** PostgreSQL when DATABASE_URL is set, else the embedded store: the CLI's choice too (open-store.ts). */
function openStore(config: Config, logger: Logger): Promise<Store> {
  return openConfiguredStore(
    {
      dataDir: config.dataDir,
      ...(config.databaseUrl
        ? {
            database: {
              url: config.databaseUrl,
              ...(config.databaseSchema ? { schema: config.databaseSchema } : {}),
            },
          }
        : {}),
    },
    { onWarning: (message) => logger.warn(message) },
  );
}

/**
 * Finishes announcements a platform failure or a crash interrupted. Waits
 * first for announcements a form submission is running in this process, so
 * the two never post the same incident's card side by side.
 */
async function resume(
  platforms: readonly ChatPlatform[],
  adapter: { announcementsIdle(): Promise<void> } | undefined,
  deps: DirectoryDeps,
  logger: Logger,
  announced: Set<string>,
): Promise<void> {
  await adapter?.announcementsIdle();
  const results = await resumeAnnouncements({ ...deps, platforms, announced });
  for (const result of results) {
    if (result.completed) logger.info(`${result.incident.reference} announced after a retry`);
    else
      logger.warn(`${result.incident.reference} still not announced; retrying next tick`, {
        error: result.error,
      });
  }
}

/** The daily retention purge, when MUSTER_RETENTION_DAYS is set (README "Security and retention"). */
function startRetention(
  config: Config,
  deps: DirectoryDeps,
  platforms: readonly ChatPlatform[],
  logger: Logger,
): RetentionJob | undefined {
  if (config.retentionDays === undefined) return undefined;
  const keepDir = config.retentionKeepExportDir;
  return startRetentionJob({
    deps,
    retention: {
      retentionDays: config.retentionDays,
      ...(keepDir ? { keepExport: keepExportIn(keepDir) } : {}),
      // Each platform removes what it keeps of the incident (console history, Teams' files).
      forgetIncident: async (reference) => {
        for (const platform of platforms) await platform.forgetIncident?.(reference);
      },
    },
    onResult: (result) => logger.info('retention purge', { ...purgeSummary(result) }),
    onError: (error) => logger.error('retention purge failed; it runs again tomorrow', { error }),
  });
}
