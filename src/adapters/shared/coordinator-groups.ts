/**
 * Where the members of each coordinator group of MUSTER_COORDINATOR_GROUPS
 * are read: a `slack:` group from Slack, a `teams:` group from Microsoft
 * Graph. The platforms start after the roster is made, so each group asks
 * for its platform when it is read; config.ts has already refused a group
 * whose platform is not configured.
 */
import type { CoordinatorGroup } from '../../app/coordinator-roster.js';
import { slackGroupMembers } from '../slack/access/slack-user-groups.js';
import type { SlackApp } from '../slack/slack-app.js';
import type { TeamsApp } from '../teams/index.js';

export interface GroupPlatforms {
  slack?: SlackApp;
  teams?: TeamsApp;
}

export function coordinatorGroups(
  groups: readonly string[],
  platforms: () => GroupPlatforms,
): CoordinatorGroup[] {
  return groups.map((id) => ({
    id,
    members: async () => {
      const { slack, teams } = platforms();
      if (id.startsWith('slack:') && slack) return slackGroupMembers(slack.app.client, id);
      if (id.startsWith('teams:') && teams) return teams.groupMembers(id);
      throw new Error(`the platform of ${id} is not running`);
    },
  }));
}
