/**
 * The members of a Slack user group (`usergroups.users.list`, scope
 * `usergroups:read`), as platform-qualified actor ids, for the coordinator
 * groups of MUSTER_COORDINATOR_GROUPS. An API error (a missing scope, a group
 * Slack does not know) is thrown, for the roster to keep what it knew.
 */
import type { webApi } from '@slack/bolt';
import { slackActorId } from './slack-people.js';

const PREFIX = 'slack:';

/** `slack:S0123ABCD` → `S0123ABCD`. */
export const slackGroupId = (group: string): string =>
  group.startsWith(PREFIX) ? group.slice(PREFIX.length) : group;

export async function slackGroupMembers(client: webApi.WebClient, group: string): Promise<string[]> {
  const result = await client.usergroups.users.list({ usergroup: slackGroupId(group) });
  return (result.users ?? []).map(slackActorId);
}
