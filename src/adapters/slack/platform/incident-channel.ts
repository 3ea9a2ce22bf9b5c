/**
 * The incident's private channel, created at most once. Slack refuses a
 * second channel with the same name (`name_taken`), and the name comes from
 * the reference alone, so a retry after a crash between "channel created" and
 * "incident saved" finds the first channel and reuses it.
 */

import type { webApi } from '@slack/bolt';
import { ErrorCode, MusterError } from '../../../core/errors.js';
import { incidentChannelName } from '../../../core/incident/channel-name.js';
import type { Incident } from '../../../core/incident/incident.js';
import { channelPurpose, channelTopic } from './channel-name.js';
import { slackErrorCode } from './slack-errors.js';

export interface IncidentChannel {
  id: string;
  name: string;
  created: boolean;
}

type ListedChannel = NonNullable<webApi.ConversationsListResponse['channels']>[number];

/** Slack's recommended page size for `conversations.list`. */
const PAGE_SIZE = 200;

export async function ensureIncidentChannel(
  client: webApi.WebClient,
  incident: Incident,
): Promise<IncidentChannel> {
  const name = incidentChannelName(incident);
  let createdId: string | undefined;
  try {
    const answer = await client.conversations.create({ name, is_private: true });
    createdId = answer.channel?.id;
  } catch (error) {
    if (slackErrorCode(error) !== 'name_taken') throw error;
  }
  if (createdId) {
    await describe(client, createdId, incident);
    return { id: createdId, name, created: true };
  }

  const existing = await findPrivateChannel(client, name);
  if (!existing?.id) {
    throw new MusterError(
      ErrorCode.Conflict,
      `A Slack channel named #${name} already exists, but Muster is not in it or it is archived. ` +
        'Unarchive it and add Muster to it, or rename it, then try again.',
    );
  }
  // A crash right after creating leaves a channel with no purpose; finish the job, but
  // never overwrite what people have since written there.
  if (!existing.purpose?.value) await describe(client, existing.id, incident);
  return { id: existing.id, name, created: false };
}

async function describe(client: webApi.WebClient, channel: string, incident: Incident): Promise<void> {
  await client.conversations.setPurpose({ channel, purpose: channelPurpose(incident) });
  await client.conversations.setTopic({ channel, topic: channelTopic(incident) });
}

/** Private channels are listed only to members, so this finds exactly the channels the bot could use. */
async function findPrivateChannel(
  client: webApi.WebClient,
  name: string,
): Promise<ListedChannel | undefined> {
  let cursor: string | undefined;
  do {
    const page = await client.conversations.list({
      types: 'private_channel',
      exclude_archived: true,
      limit: PAGE_SIZE,
      ...(cursor ? { cursor } : {}),
    });
    const found = page.channels?.find((channel) => channel.name === name);
    if (found) return found;
    cursor = page.response_metadata?.next_cursor || undefined;
  } while (cursor);
  return undefined;
}
