/**
 * `/incident status` on Slack: the app's `statusFor` finds the incident
 * (this channel's, or the reference given) and checks access; this renders
 * the card, or the refusal, as Block Kit for the person alone.
 */
import type { SlashCommand, webApi } from '@slack/bolt';
import { statusFor } from '../../../app/incident-status.js';
import { slackRequester } from '../access/incident-access.js';
import { incidentBlocks, noticeBlocks, type SlackMessage } from '../blocks/index.js';
import type { SlackContext } from '../slack-context.js';

export async function statusReply(
  ctx: SlackContext,
  command: Pick<SlashCommand, 'channel_id' | 'channel_name' | 'user_id' | 'user_name'>,
  client: webApi.WebClient,
  reference?: string,
): Promise<SlackMessage> {
  const answer = await statusFor(ctx.deps, {
    platform: 'slack',
    spaceId: command.channel_id,
    spaceName: command.channel_name,
    ...(reference ? { reference } : {}),
    requester: async () =>
      slackRequester(client, ctx.deps.directory, await ctx.people.lookup(command.user_id, command.user_name)),
  });
  if ('refused' in answer) return noticeBlocks({ kind: 'notice', headline: answer.refused, lines: [] });
  return incidentBlocks(answer.card);
}
