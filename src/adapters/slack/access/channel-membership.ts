/**
 * Whether a Slack user is in a channel, asked of Slack each time a button is
 * pressed: membership is the incident's access list, and a cached answer
 * would let someone just removed from the channel keep acting on it.
 */
import type { webApi } from '@slack/bolt';

/** Slack's largest page; an incident channel of a few dozen people is one call. */
const PAGE_SIZE = 1000;

export async function isChannelMember(
  client: webApi.WebClient,
  channelId: string,
  userId: string,
): Promise<boolean> {
  let cursor: string | undefined;
  do {
    const page = await client.conversations.members({
      channel: channelId,
      limit: PAGE_SIZE,
      ...(cursor ? { cursor } : {}),
    });
    if (page.members?.includes(userId)) return true;
    cursor = page.response_metadata?.next_cursor || undefined;
  } while (cursor);
  return false;
}
