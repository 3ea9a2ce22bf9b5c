/**
 * The members of a Microsoft Entra group, nested groups included (Graph
 * `GET /groups/{id}/transitiveMembers`, permission `GroupMember.Read.All`),
 * as Teams actor ids (`teams:<object id>`), for the coordinator groups of
 * MUSTER_COORDINATOR_GROUPS. Devices and service principals in the group are
 * not people and are left out; every page is read. Errors are thrown, for
 * the roster to keep what it knew.
 */
import { teamsActorId } from '../platform/teams-users.js';
import type { GraphClient } from './graph-client.js';

const PREFIX = 'teams:';
const USER_TYPE = '#microsoft.graph.user';

interface MembersPage {
  value: { '@odata.type'?: string; id: string }[];
  '@odata.nextLink'?: string;
}

/** `teams:<group id>` → `<group id>`. */
export const entraGroupId = (group: string): string =>
  group.startsWith(PREFIX) ? group.slice(PREFIX.length) : group;

export async function entraGroupMembers(graph: GraphClient, group: string): Promise<string[]> {
  const members: string[] = [];
  let path: string | undefined =
    `/groups/${encodeURIComponent(entraGroupId(group))}/transitiveMembers?$select=id`;
  while (path) {
    const page: MembersPage = await graph.get<MembersPage>(path);
    for (const member of page.value) {
      if (member['@odata.type'] === undefined || member['@odata.type'] === USER_TYPE)
        members.push(teamsActorId(member.id));
    }
    // Graph's next page is an absolute URL on the same base; anything else is not followed.
    const next = page['@odata.nextLink'];
    if (next !== undefined && !next.startsWith(graph.baseUrl))
      throw new Error('Microsoft Graph named a next page of group members on another address');
    path = next?.slice(graph.baseUrl.length);
  }
  return members;
}
