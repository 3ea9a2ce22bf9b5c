/**
 * Events API subscriptions (the manifest lists the same ones): the App Home.
 */
import type { App } from '@slack/bolt';
import type { SlackContext } from '../slack-context.js';
import { registerAppHomeOpened } from './app-home-opened.js';

export function registerEvents(app: App, ctx: SlackContext): void {
  registerAppHomeOpened(app, ctx);
}
