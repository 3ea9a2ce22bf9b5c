/**
 * Where a modal module registers its submission handler: the shape of Bolt's
 * `app.view`, kept by views/index.ts, which answers every callback through
 * one Bolt listener.
 */
import type { Middleware, SlackViewMiddlewareArgs } from '@slack/bolt';

export type ViewListener = Middleware<SlackViewMiddlewareArgs>;

export interface ViewRouter {
  view(callbackId: string, listener: ViewListener): void;
}
