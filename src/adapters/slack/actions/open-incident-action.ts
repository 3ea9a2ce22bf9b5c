/**
 * "Open" on an incident list row (the Home tab, `/incident list`): shows the
 * incident's card, as it stands now, in a modal for the person who asked.
 */
import { incidentStatusCard } from '../../../app/cards/incident-card.js';
import { incidentBlocks } from '../blocks/index.js';
import type { SlackContext } from '../slack-context.js';
import type { PressWork } from './button-press.js';

export function openIncidentWork(ctx: SlackContext): PressWork {
  return async ({ incident, body, client }) => {
    const { blocks } = incidentBlocks(await incidentStatusCard(ctx.deps, incident.reference));
    await client.views.open({
      trigger_id: body.trigger_id,
      view: {
        type: 'modal',
        title: { type: 'plain_text', text: incident.reference },
        close: { type: 'plain_text', text: 'Close' },
        blocks,
      },
    });
    return undefined;
  };
}
