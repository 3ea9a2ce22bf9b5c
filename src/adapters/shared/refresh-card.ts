/**
 * After a change, the incident's pinned card on one platform is rebuilt and
 * replaced in place. A failed update is logged and left: the change itself is
 * stored, and the next change (or `/incident status`) shows it.
 */
import type { DirectoryDeps } from '../../app/deps.js';
import { refreshIncidentCard } from '../../app/refresh-incident-card.js';
import type { ChatPlatform } from '../../ports.js';
import type { Logger } from '../logging/logger.js';

export interface RefreshContext {
  deps: DirectoryDeps;
  platform: ChatPlatform;
  logger: Logger;
}

export async function refreshCard(ctx: RefreshContext, reference: string): Promise<void> {
  try {
    await refreshIncidentCard({ ...ctx.deps, platform: ctx.platform }, reference);
  } catch (error) {
    ctx.logger.warn(`could not update the ${ctx.platform.name} incident card of ${reference}`, {
      reference,
      error,
    });
  }
}
