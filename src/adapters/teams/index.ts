/**
 * The Microsoft Teams adapter's public face: the runtime creates the app
 * (which mounts `/api/messages`) and adds its platform to the platforms.
 */

export type { AccessTokens } from './auth/teams-auth.js';
export type { RetrySettings as TeamsRetrySettings } from './http/retry-policy.js';
export { TEAMS_MESSAGES_PATH, TEAMS_PLATFORM } from './ids.js';
export { TeamsPlatform } from './platform/teams-platform.js';
export { createTeamsApp, type TeamsApp, type TeamsAppOptions } from './teams-app.js';
