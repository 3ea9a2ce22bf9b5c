/**
 * "Open" on an incident list row (the Home tab, `/incident list`): shows the
 * incident's card, as it stands now, in a modal for the person who asked.
 */
import type { BlockAction, webApi } from '@slack/bolt';
import type { IncidentCard } from '../../../app/cards/card-model.js';
import { incidentBlocks } from '../blocks/index.js';

export async function openIncidentModal(
  client: webApi.WebClient,
  body: BlockAction,
  card: IncidentCard,
): Promise<void> {
  const { blocks } = incidentBlocks(card);
  await client.views.open({
    trigger_id: body.trigger_id,
    view: {
      type: 'modal',
      title: { type: 'plain_text', text: card.reference },
      close: { type: 'plain_text', text: 'Close' },
      blocks,
    },
  });
}
