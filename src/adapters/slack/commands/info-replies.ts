/**
 * The ephemeral answers that need no incident: `/incident list` and
 * `/incident help` (also the answer to a subcommand Muster does not know).
 */
import { helpCard, incidentListCard } from '../../../app/cards/list-cards.js';
import { helpBlocks, incidentListBlocks, type SlackMessage } from '../blocks/index.js';
import type { SlackContext } from '../slack-context.js';

export function helpReply(unknownWord?: string): SlackMessage {
  return helpBlocks(helpCard(unknownWord));
}

export async function listReply(ctx: SlackContext): Promise<SlackMessage> {
  return incidentListBlocks(await incidentListCard(ctx.deps));
}
