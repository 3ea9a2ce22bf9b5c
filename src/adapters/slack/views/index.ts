/**
 * Modal submissions: the SIO's notification form, the record-meeting form,
 * an action's Add update form, every form of the app's form registry, and
 * `/plan import`'s file modal.
 */
import type { App } from '@slack/bolt';
import type { SlackContext } from '../slack-context.js';
import { registerActionUpdateView } from './action-update-view.js';
import { registerNewIncidentView } from './new-incident-view.js';
import { registerPlanImportView } from './plan-import-view.js';
import { registerRecordMeetingView } from './record-meeting-view.js';
import { registerRegisteredFormView } from './registered-form-view.js';

export function registerViews(app: App, ctx: SlackContext): void {
  registerNewIncidentView(app, ctx);
  registerRecordMeetingView(app, ctx);
  registerActionUpdateView(app, ctx);
  registerRegisteredFormView(app, ctx);
  registerPlanImportView(app, ctx);
}
