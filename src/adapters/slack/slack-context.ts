/**
 * What every Slack listener is handed: the use cases' ports, the Slack chat
 * platform, the people cache, shared files and the logger. Listeners import this, never
 * `slack-app.ts`, so registering them does not make an import cycle.
 */
import type { DirectoryDeps } from '../../app/deps.js';
import type { ChatPlatform } from '../../ports.js';
import type { Logger } from '../logging/logger.js';
import type { InFlight } from '../shared/in-flight.js';
import type { SlackPeople } from './access/slack-people.js';
import type { SlackFiles } from './platform/slack-files.js';

export interface SlackContext {
  deps: DirectoryDeps;
  /** The Slack `ChatPlatform`: incident channels, cards, notices. */
  platform: ChatPlatform;
  people: SlackPeople;
  /** Files people hand Muster (a modal's file input), fetched with the bot token. */
  files: SlackFiles;
  logger: Logger;
  /**
   * Announcements a form submission is running. The scheduler's resume waits
   * for them first, so it never announces the same incident alongside them
   * (which would post its card twice).
   */
  announcing: InFlight;
}
