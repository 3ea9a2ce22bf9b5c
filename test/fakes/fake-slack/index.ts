/**
 * The fake Slack's public surface: the Web API server, the signed-request client
 * that plays Slack's side of the app's endpoint, and the modal state builders.
 */
export * from './block-state-values.js';
export type { CallHold } from './call-holds.js';
export * from './fake-slack-server.js';
export * from './fake-slack-types.js';
export type {
  BlockActionInput,
  CommandInput,
  SlackUserRef,
  UserInput,
  ViewInput,
} from './interaction-payloads.js';
export * from './signed-requests.js';
