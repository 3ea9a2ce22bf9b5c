/**
 * Modal submissions: the SIO's notification form, the record-meeting form,
 * an action's Add update form, every form of the app's form registry, and
 * `/plan import`'s file modal. Each module registers its callback on a
 * router, and one Bolt listener answers them all by callback id
 * (listener-table.ts says why).
 */
import type { AllMiddlewareArgs, App, SlackViewMiddlewareArgs } from '@slack/bolt';
import { ACTION_PREFIX } from '../ids.js';
import { ListenerTable } from '../listener-table.js';
import type { SlackContext } from '../slack-context.js';
import { registerActionUpdateView } from './action-update-view.js';
import { registerNewIncidentView } from './new-incident-view.js';
import { registerPlanImportView } from './plan-import-view.js';
import { registerRecordMeetingView } from './record-meeting-view.js';
import { registerRegisteredFormView } from './registered-form-view.js';
import type { ViewListener, ViewRouter } from './view-router.js';

export function registerViews(app: App, ctx: SlackContext): void {
  const listeners = new ListenerTable<ViewListener>();
  const router: ViewRouter = { view: (callbackId, listener) => listeners.add(callbackId, listener) };
  registerNewIncidentView(router, ctx);
  registerRecordMeetingView(router, ctx);
  registerActionUpdateView(router, ctx);
  registerRegisteredFormView(router, ctx);
  registerPlanImportView(router, ctx);
  app.view(
    { callback_id: new RegExp(`^${ACTION_PREFIX}`), type: 'view_submission' },
    async (args: SlackViewMiddlewareArgs & AllMiddlewareArgs) => {
      const listener = listeners.get(args.view.callback_id);
      if (listener) return listener(args);
      // A modal Muster no longer has (opened before an upgrade): close it, and say so in the log.
      await args.ack();
      ctx.logger.info('a Slack modal Muster does not know was submitted', {
        callbackId: args.view.callback_id,
      });
    },
  );
}
