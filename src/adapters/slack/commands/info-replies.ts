/**
 * The ephemeral answers that need no incident: `/incident list` and
 * `/incident help` (also the answer to a subcommand Muster does not know).
 */
import { helpCard, incidentListCard } from '../../../app/cards/list-cards.js';
import { helpBlocks, incidentListBlocks, type SlackMessage } from '../blocks/index.js';
import type { SlackContext } from '../slack-context.js';

export function helpReply(unknownWord?: string): SlackMessage {
  const card = helpCard();
  if (unknownWord === undefined) return helpBlocks(card);
  // The word is the person's own text: keep it short so it cannot swamp the header.
  const word = unknownWord.length > 30 ? `${unknownWord.slice(0, 29)}…` : unknownWord;
  return helpBlocks({ ...card, heading: `Unknown command "${word}". ${card.heading}:` });
}

export async function listReply(ctx: SlackContext): Promise<SlackMessage> {
  return incidentListBlocks(await incidentListCard(ctx.deps));
}
