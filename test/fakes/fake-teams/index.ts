/**
 * Offline Teams: a fake Bot Connector and a fake Microsoft Graph on
 * 127.0.0.1, activities shaped as Teams sends them, a local token issuer, and
 * a fake SharePoint serving the files people attach.
 */
export * from './activities.js';
export * from './fake-connector.js';
export * from './fake-graph.js';
export type { RecordedRequest } from './fake-http.js';
export * from './fake-sharepoint.js';
export * from './tokens.js';
