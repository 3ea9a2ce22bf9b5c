/**
 * Adding people to an incident channel in one `conversations.invite` call
 * (Slack takes up to 1000 ids a call). `force` makes Slack invite everyone it
 * can even when some cannot be; those are reported per user and logged here,
 * because an unknown or deactivated account must not stop the others joining.
 */
import type { webApi } from '@slack/bolt';
import { slackErrorCode, slackErrorItems } from './slack-errors.js';

const MAX_PER_CALL = 1000;
/** Per-user answers that mean the person is, or needs not be, in the channel. */
const HARMLESS = new Set(['already_in_channel', 'cant_invite_self']);

export interface InviteFailure {
  user: string;
  error: string;
}

/** Invites everyone it can; returns those Slack could not invite (never those already in). */
export async function inviteToChannel(
  client: webApi.WebClient,
  channel: string,
  userIds: string[],
): Promise<InviteFailure[]> {
  const ids = [...new Set(userIds.filter((id) => id !== ''))];
  const failures: InviteFailure[] = [];
  for (let i = 0; i < ids.length; i += MAX_PER_CALL) {
    failures.push(...(await inviteChunk(client, channel, ids.slice(i, i + MAX_PER_CALL))));
  }
  return failures.filter((failure) => !HARMLESS.has(failure.error));
}

async function inviteChunk(
  client: webApi.WebClient,
  channel: string,
  ids: string[],
): Promise<InviteFailure[]> {
  try {
    const answer = await client.conversations.invite({ channel, users: ids.join(','), force: true });
    return perUser(answer.errors ?? []);
  } catch (error) {
    // When no one at all could be invited Slack fails the call, but still says why per user;
    // that is the same outcome as a partial failure. Channel-level errors have no per-user list.
    const items = slackErrorItems(error);
    if (slackErrorCode(error) && items && items.length > 0 && items.every(isUserError)) return perUser(items);
    throw error;
  }
}

function isUserError(item: unknown): item is { user: string; error: string } {
  const { user, error } = (item ?? {}) as { user?: unknown; error?: unknown };
  return typeof user === 'string' && typeof error === 'string';
}

function perUser(items: unknown[]): InviteFailure[] {
  return items.filter(isUserError).map(({ user, error }) => ({ user, error }));
}
