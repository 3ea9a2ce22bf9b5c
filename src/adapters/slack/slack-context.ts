/**
 * What every Slack listener is handed: the use cases' ports, the Slack chat
 * platform, the people cache and the logger. Listeners import this, never
 * `slack-app.ts`, so registering them does not make an import cycle.
 */
import type { DirectoryDeps } from '../../app/deps.js';
import { isMusterError } from '../../core/errors.js';
import type { ChatPlatform } from '../../ports.js';
import type { Logger } from '../logging/logger.js';
import type { SlackPeople } from './access/slack-people.js';

export interface SlackContext {
  deps: DirectoryDeps;
  /** The Slack `ChatPlatform`: incident channels, cards, notices. */
  platform: ChatPlatform;
  people: SlackPeople;
  logger: Logger;
  /**
   * Announcements a form submission is running. The scheduler's resume waits
   * for them first, so it never announces the same incident alongside them
   * (which would post its card twice).
   */
  announcing: InFlight;
}

/** Work still running after its ack: shutdown and the scheduler wait for it; tests await it. */
export class InFlight {
  private readonly running = new Set<Promise<unknown>>();

  get size(): number {
    return this.running.size;
  }

  track<T>(work: Promise<T>): Promise<T> {
    this.running.add(work);
    const done = () => this.running.delete(work);
    work.then(done, done);
    return work;
  }

  /** Resolves once nothing is running, including work started while waiting. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }
}

/**
 * What to tell a person when their request failed: a Muster error says what
 * to do next in its own words; anything else is ours to fix, so the person
 * gets an apology and the details go to the log only.
 */
export function userMessage(error: unknown, fallback = 'Something went wrong on Muster’s side.'): string {
  if (isMusterError(error)) {
    const lines = error.details.map((d) => `• ${d.path ? `${d.path}: ` : ''}${d.message}`);
    return [error.message, ...lines].join('\n');
  }
  return `${fallback} It has been logged; please try again in a minute, or tell your CSP coordinator.`;
}

/** `true` for errors a person caused and can fix (bad input, unknown incident), which are not logged as failures. */
export function isUserError(error: unknown): boolean {
  return (
    isMusterError(error, 'invalid_input') ||
    isMusterError(error, 'not_found') ||
    isMusterError(error, 'invalid_transition')
  );
}
