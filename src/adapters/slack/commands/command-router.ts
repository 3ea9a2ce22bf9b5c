/**
 * Where a slash command's module registers its handler: the shape of Bolt's
 * `app.command`, kept by commands/index.ts, which answers every command
 * through one Bolt listener (listener-table.ts says why).
 */
import type { Middleware, SlackCommandMiddlewareArgs } from '@slack/bolt';

export type CommandListener = Middleware<SlackCommandMiddlewareArgs>;

export interface CommandRouter {
  command(name: string, listener: CommandListener): void;
}
