/**
 * Telling the person who submitted a form how it went: what was opened, who
 * could not be found on Slack, or what is still to happen. Ephemeral in the
 * incident channel when they are in it, else a direct message from the app.
 */
import type { webApi } from '@slack/bolt';
import type { AnnounceResult } from '../../../app/announce-incident.js';
import { announcedNotice } from '../../../app/cards/announced-notice.js';
import type { NoticeCard } from '../../../app/cards/card-model.js';
import { noticeBlocks, type SlackMessage } from '../blocks/index.js';
import type { SlackContext } from '../slack-context.js';

export function submitterNotice(reference: string, result: AnnounceResult | undefined): NoticeCard {
  return announcedNotice(reference, result, { label: 'Slack', retry: 'every minute' });
}

/**
 * Sends the notice where the person will see it. A failure is logged, not
 * thrown: the incident is already safe, and there is nobody left to tell.
 */
export async function tellPerson(
  ctx: SlackContext,
  client: webApi.WebClient,
  userId: string,
  channelId: string | undefined,
  notice: NoticeCard,
): Promise<void> {
  await tellPersonMessage(ctx, client, userId, channelId, noticeBlocks(notice));
}

/** `tellPerson` for any rendered message (a card, an answer with a card under it). */
export async function tellPersonMessage(
  ctx: SlackContext,
  client: webApi.WebClient,
  userId: string,
  channelId: string | undefined,
  message: { text: string; blocks?: SlackMessage['blocks'] },
): Promise<void> {
  if (channelId) {
    try {
      await client.chat.postEphemeral({ channel: channelId, user: userId, ...message });
      return;
    } catch {
      // Not in the channel (someone else was named reporting officer), or it is archived: a direct message instead.
    }
  }
  try {
    // A user id as the channel posts in the app's own DM with them (chat:write; no im:write needed).
    await client.chat.postMessage({ channel: userId, ...message });
  } catch (error) {
    ctx.logger.warn('could not tell the person how their request went', { userId, error });
  }
}
