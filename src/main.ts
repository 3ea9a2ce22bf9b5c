/**
 * `npm start`: wires one Muster process. Configuration (the environment, then
 * `.env`), protocol and directory are checked before anything starts (a
 * problem is reported and the process exits 2); then the store opens, the
 * HTTP listener and the reminder scheduler start, and SIGINT/SIGTERM shut
 * everything down cleanly.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import { systemClock } from './adapters/clock/system-clock.js';
import { loadDirectoryFromPath } from './adapters/directory/directory-file.js';
import { registerHealthRoute } from './adapters/http/health-route.js';
import { createHttpServer } from './adapters/http/http-server.js';
import { LogPlatform } from './adapters/log/log-platform.js';
import { createLogger, type Logger } from './adapters/logging/logger.js';
import { resolveProtocol } from './adapters/protocol/protocol-file.js';
import { openLowdbStore } from './adapters/storage/lowdb/lowdb-store.js';
import { type Config, configErrorLine, loadConfig } from './config.js';
import { isMusterError } from './core/errors.js';
import type { ChatPlatform } from './ports.js';
import { startReminderScheduler } from './scheduler/reminder-scheduler.js';

/** A claimed reminder not completed within this time is handed to another tick (the sender died mid-send). */
const REMINDER_LEASE_MS = 5 * 60_000;
const REMINDERS_PER_TICK = 50;
const EXIT_BAD_SETUP = 2;

async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger({ level: config.logLevel });
  const protocol = await refuseOnError(() => resolveProtocol(config.protocolPath));
  const directory = await refuseOnError(() => loadDirectoryFromPath(config.directoryPath));
  const store = await refuseOnError(() =>
    openLowdbStore(config.dataDir, { onWarning: (message) => logger.warn(message) }),
  );

  // No chat platform yet: reminders are logged until Slack, Teams or the console is configured.
  const platforms: ChatPlatform[] = [new LogPlatform(logger)];
  const http = createHttpServer(logger);
  registerHealthRoute(http);

  const scheduler = startReminderScheduler({
    cron: config.tickCron,
    deps: {
      store,
      clock: systemClock,
      protocol,
      directory,
      platforms,
      owner: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
      leaseMs: REMINDER_LEASE_MS,
      limit: REMINDERS_PER_TICK,
    },
    logger,
    runOnStart: true,
  });

  // Installed before the start is announced, so a signal sent on seeing the announcement is always handled.
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal} received, stopping`);
    try {
      await scheduler.stop();
      await http.close();
      await store.close();
      logger.info('Muster stopped');
      process.exit(0);
    } catch (error) {
      logger.error('shutdown failed', { error });
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  let address: Awaited<ReturnType<typeof http.listen>>;
  try {
    address = await http.listen(config.port);
  } catch (error) {
    await scheduler.stop();
    await store.close();
    return refuse(
      `cannot listen on port ${config.port}: ${(error as Error).message}. Set PORT to a free port.`,
    );
  }

  logger.info(`Muster started, listening on port ${address.port}`, {
    port: address.port,
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
    platform: 'none (reminders are logged; the local console arrives in a later issue)',
  });
}

function readConfig(): Config {
  // A .env beside the process fills in what the environment does not set (the environment wins).
  if (existsSync('.env')) process.loadEnvFile('.env');
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (isMusterError(error)) return refuse(configErrorLine(error).replace(/^muster: /, ''));
    throw error;
  }
}

/** Runs a start-up step; a Muster error (invalid protocol, directory, locked store) stops the start with every problem listed. */
async function refuseOnError<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (isMusterError(error)) return refuse(error.describe());
    throw error;
  }
}

function refuse(message: string): never {
  process.stderr.write(`muster: ${message}\n`);
  process.exit(EXIT_BAD_SETUP);
}

main().catch((error: unknown) => {
  const logger: Logger = createLogger({ level: 'error' });
  logger.error('Muster failed to start', { error });
  process.exit(1);
});
