/**
 * `/incident status`: the incident card, as it stands now, for the person who
 * asked. In an incident channel it is that channel's incident; elsewhere the
 * reference must be given (`/incident status SV-2027-0042`), and then only
 * the incident's members and coordinators see it, as on its channel.
 */
import type { SlashCommand, webApi } from '@slack/bolt';
import { incidentStatusCard } from '../../../app/cards/incident-card.js';
import { loadIncident } from '../../../app/incident-timeline.js';
import { parseInput, referenceSchema } from '../../../app/validate-input.js';
import { ErrorCode, MusterError } from '../../../core/errors.js';
import type { Incident } from '../../../core/incident/incident.js';
import { parseReference } from '../../../core/incident/reference.js';
import type { Store } from '../../../ports.js';
import { decideAccess } from '../access/incident-access.js';
import { incidentBlocks, noticeBlocks, type SlackMessage } from '../blocks/index.js';
import type { SlackContext } from '../slack-context.js';

export async function statusReply(
  ctx: SlackContext,
  command: Pick<SlashCommand, 'channel_id' | 'channel_name' | 'user_id' | 'user_name'>,
  client: webApi.WebClient,
  reference?: string,
): Promise<SlackMessage> {
  const incident = reference
    ? await loadIncident(ctx.deps.store, parseInput(referenceSchema, reference))
    : await incidentInChannel(ctx.deps.store, command.channel_id, command.channel_name);
  if (!incident) {
    throw new MusterError(
      ErrorCode.NotFound,
      'This channel is not an incident channel. Run `/incident status SV-2027-0042` with the reference, or `/incident list` to see them.',
    );
  }
  // Asked in its own private channel, the person is a member; anywhere else, check.
  if (!isIn(incident, command.channel_id)) {
    const person = await ctx.people.lookup(command.user_id, command.user_name);
    const access = await decideAccess(client, ctx.deps.directory, incident, person);
    if (!access.allowed) return noticeBlocks({ kind: 'notice', headline: access.reason, lines: [] });
  }
  return incidentBlocks(await incidentStatusCard(ctx.deps, incident.reference));
}

const REFERENCE_IN_NAME = /sv-\d{4}-\d{4,}/i;

const isIn = (incident: Incident | undefined, channelId: string) =>
  incident?.spaces.slack?.spaceId === channelId;

/**
 * The incident whose Slack channel this is. Channels are named after the
 * reference, so the name is tried first (one read); the scan over every
 * incident is the fallback for a channel someone renamed.
 */
export async function incidentInChannel(
  store: Store,
  channelId: string,
  channelName?: string,
): Promise<Incident | undefined> {
  const named = REFERENCE_IN_NAME.exec(channelName ?? '')?.[0];
  if (named && parseReference(named)) {
    const incident = await store.getIncident(named.toUpperCase());
    if (isIn(incident, channelId)) return incident;
  }
  for (const summary of await store.listIncidents()) {
    const incident = await store.getIncident(summary.id);
    if (isIn(incident, channelId)) return incident;
  }
  return undefined;
}
