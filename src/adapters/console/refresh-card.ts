/**
 * After a change from the console, the incident's pinned card is rebuilt and
 * replaced in place. A failed update is logged and left: the change itself is
 * stored, and the next change (or `/incident status`) shows it.
 */
import { refreshIncidentCard } from '../../app/refresh-incident-card.js';
import type { ConsoleContext } from './console-context.js';

export async function refreshCard(ctx: ConsoleContext, reference: string): Promise<void> {
  try {
    await refreshIncidentCard({ ...ctx.deps, platform: ctx.platform }, reference);
  } catch (error) {
    ctx.logger.warn(`could not update the console incident card of ${reference}`, { reference, error });
  }
}
