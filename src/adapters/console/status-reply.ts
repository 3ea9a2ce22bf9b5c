/**
 * `/incident status` and a list row's Open button: the incident card as it
 * stands now, for the person alone.
 */
import { incidentStatusCard } from '../../app/cards/incident-card.js';
import { loadIncident } from '../../app/incident-timeline.js';
import { parseInput, referenceSchema } from '../../app/validate-input.js';
import { ErrorCode, MusterError } from '../../core/errors.js';
import { expandCard } from '../cards/card-templates.js';
import { type ConsolePerson, decideAccess } from './console-access.js';
import { type ConsoleContext, replyTo } from './console-context.js';
import { zoneOf } from './console-forms.js';
import type { ConsoleChannel, ConsoleMessage } from './console-model.js';

/**
 * The incident card as it stands now, for the person alone. In an incident
 * channel, that channel's incident; elsewhere the reference is needed, and
 * then only the incident's members and coordinators see it.
 */
export async function statusReply(
  ctx: ConsoleContext,
  person: ConsolePerson,
  channel: ConsoleChannel,
  reference?: string,
): Promise<ConsoleMessage> {
  const wanted = reference ?? channel.reference;
  if (!wanted) {
    throw new MusterError(
      ErrorCode.NotFound,
      'This is not an incident channel. Type /incident status SV-2027-0042 with the reference, or /incident list to see them.',
    );
  }
  const incident = await loadIncident(ctx.deps.store, parseInput(referenceSchema, wanted));
  const access = decideAccess(ctx.deps.directory, ctx.history, incident, person);
  if (!access.allowed) return replyTo(ctx, person, channel.id, { text: access.reason });
  const card = expandCard(await incidentStatusCard(ctx.deps, incident.reference), { zone: zoneOf(ctx) });
  return replyTo(ctx, person, channel.id, { card, cardKind: 'incident' });
}
