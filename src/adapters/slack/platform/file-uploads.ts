/**
 * Files to Slack: `files.uploadV2` (upload URL, bytes, then one
 * `files.completeUploadExternal` sharing them all in one message with the
 * comment). Sharing needs a conversation id, and a user id is not one for
 * this method, so a direct upload first opens (or finds) the bot's DM with
 * the person via `conversations.open`.
 */
import type { webApi } from '@slack/bolt';
import type { UploadFile } from '../../../ports.js';

export async function uploadToChannel(
  client: webApi.WebClient,
  channelId: string,
  files: UploadFile[],
  comment: string,
): Promise<void> {
  await client.files.uploadV2({
    channel_id: channelId,
    initial_comment: comment,
    file_uploads: files.map((file) => ({ file: file.content, filename: file.filename, title: file.title })),
  });
}

/** The bot's DM channel (`D…`) with one person. */
export async function directChannelOf(client: webApi.WebClient, userId: string): Promise<string> {
  const answer = await client.conversations.open({ users: userId });
  const id = answer.channel?.id;
  if (!id) throw new Error(`Slack opened no direct message channel with ${userId}`);
  return id;
}
