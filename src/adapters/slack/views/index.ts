/**
 * Modal submissions: the SIO's notification form and the record-meeting form.
 */
import type { App } from '@slack/bolt';
import type { SlackContext } from '../slack-context.js';
import { registerNewIncidentView } from './new-incident-view.js';
import { registerRecordMeetingView } from './record-meeting-view.js';

export function registerViews(app: App, ctx: SlackContext): void {
  registerNewIncidentView(app, ctx);
  registerRecordMeetingView(app, ctx);
}
