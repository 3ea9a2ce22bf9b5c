/**
 * What every Teams turn handler is handed: the use cases' ports, the Teams
 * platform and its Graph-backed helpers, and the logger. Handlers import
 * this, never `teams-app.ts`, so wiring them does not make an import cycle.
 */
import type { DirectoryDeps } from '../../app/deps.js';
import type { Logger } from '../logging/logger.js';
import type { InFlight } from '../shared/in-flight.js';
import type { IncidentSpaces } from './platform/incident-spaces.js';
import type { TeamsPlatform } from './platform/teams-platform.js';
import type { TeamsUsers } from './platform/teams-users.js';

export interface TeamsContext {
  deps: DirectoryDeps;
  platform: TeamsPlatform;
  users: TeamsUsers;
  spaces: IncidentSpaces;
  logger: Logger;
  /** False only in the unauthenticated local mode, where attached files may come from 127.0.0.1 too. */
  authenticated: boolean;
  /** The protocol's zone: forms and cards show local times in it. */
  zone: string;
  /**
   * Announcements a form submission is running. The scheduler's resume waits
   * for them first, so it never announces the same incident alongside them.
   */
  announcing: InFlight;
}
