/**
 * The Microsoft Teams adapter's public face: the runtime creates the app
 * (which mounts `/api/messages`) and adds its platform to the platforms.
 */
export { createTeamsApp, type TeamsApp, type TeamsAppOptions } from './teams-app.js';
export type { AccessTokens } from './auth/teams-auth.js';
export { TeamsPlatform } from './platform/teams-platform.js';
export { TEAMS_MESSAGES_PATH, TEAMS_PLATFORM } from './ids.js';
