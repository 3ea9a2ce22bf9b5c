/**
 * `npm start`: one Muster process. Configuration (the environment, then
 * `.env`), protocol, directory and — when Slack is configured — the bot
 * token are checked before anything starts (a problem is reported and the
 * process exits 2); `startMuster` wires the rest, and SIGINT/SIGTERM shut
 * everything down cleanly.
 */
import { existsSync } from 'node:fs';
import { createLogger, type Logger } from './adapters/logging/logger.js';
import { type RunningMuster, startMuster } from './app-runtime.js';
import { type Config, configErrorLine, loadConfig } from './config.js';
import { isMusterError } from './core/errors.js';

const EXIT_BAD_SETUP = 2;

async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger({ level: config.logLevel });
  const starting = startMuster({ config, logger });

  // Installed before the start is announced, so a signal sent on seeing the announcement is always handled.
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    let muster: RunningMuster;
    try {
      muster = await starting;
    } catch {
      return; // The start failure is reported below.
    }
    logger.info(`${signal} received, stopping`);
    try {
      await muster.stop();
      logger.info('Muster stopped');
      process.exit(0);
    } catch (error) {
      logger.error('shutdown failed', { error });
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    await starting;
  } catch (error) {
    // A setup problem (invalid protocol, directory, locked store, refused token, busy port) lists every problem.
    if (isMusterError(error)) refuse(error.describe());
    throw error;
  }
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

function refuse(message: string): never {
  process.stderr.write(`muster: ${message}\n`);
  process.exit(EXIT_BAD_SETUP);
}

main().catch((error: unknown) => {
  const logger: Logger = createLogger({ level: 'error' });
  logger.error('Muster failed to start', { error });
  process.exit(1);
});
