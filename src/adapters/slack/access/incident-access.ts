/**
 * Who may press an incident's buttons to effect, on Slack: the app's rule
 * (members of the incident's space and CSP coordinators) with Slack's facts.
 * Coordinators are recognised first (`checkAccess`: the directory, and the
 * configured ids and user-group members in `deps.coordinators`), which saves
 * asking Slack for the channel's members.
 */
import type { webApi } from '@slack/bolt';
import { type AccessDecision, checkAccess, type PendingRequester } from '../../../app/access.js';
import type { DirectoryDeps } from '../../../app/deps.js';
import { findContactByPlatformId } from '../../../core/directory/directory.js';
import type { Directory } from '../../../core/directory/directory-schema.js';
import type { Incident } from '../../../core/incident/incident.js';
import { isChannelMember } from './channel-membership.js';
import { type SlackPerson, slackUserId } from './slack-people.js';

/** Slack's facts about the person; channel membership is asked of Slack only when needed. */
export function slackRequester(
  client: webApi.WebClient,
  directory: Directory,
  person: SlackPerson,
): PendingRequester {
  const userId = slackUserId(person.actor.id);
  const contactId = findContactByPlatformId(directory, 'slack', userId)?.id;
  return {
    ...(contactId ? { contactId } : {}),
    ...(person.email ? { email: person.email } : {}),
    actorId: person.actor.id,
    isSpaceMember: async (incident) => {
      const channel = incident.spaces.slack?.spaceId;
      return channel ? await isChannelMember(client, channel, userId) : false;
    },
  };
}

export function decideAccess(
  client: webApi.WebClient,
  deps: Pick<DirectoryDeps, 'directory' | 'coordinators'>,
  incident: Incident,
  person: SlackPerson,
): Promise<AccessDecision> {
  return checkAccess(
    deps.directory,
    incident,
    slackRequester(client, deps.directory, person),
    deps.coordinators,
  );
}
