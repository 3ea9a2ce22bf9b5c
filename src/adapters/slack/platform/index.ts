/**
 * The Slack platform adapter's public surface, for the wiring in main.ts.
 */
export { DEFAULT_RETRY, type SlackClientSettings, slackClientOptions } from './client-options.js';
export { SlackPlatform, type SlackPlatformOptions } from './slack-platform.js';
