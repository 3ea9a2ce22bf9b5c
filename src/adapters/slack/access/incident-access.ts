/**
 * Who may press an incident's buttons to effect, on Slack: the app's rule
 * (members of the incident's space and CSP coordinators) with Slack's facts.
 * Coordinators are recognised from the directory first, which saves asking
 * Slack for the channel's members.
 */
import type { webApi } from '@slack/bolt';
import { type AccessDecision, canActOnIncident, isCoordinator } from '../../../app/access.js';
import { findContactByPlatformId } from '../../../core/directory/directory.js';
import type { Directory } from '../../../core/directory/directory-schema.js';
import type { Incident } from '../../../core/incident/incident.js';
import { isChannelMember } from './channel-membership.js';
import { type SlackPerson, slackUserId } from './slack-people.js';

export async function decideAccess(
  client: webApi.WebClient,
  directory: Directory,
  incident: Incident,
  person: SlackPerson,
): Promise<AccessDecision> {
  const userId = slackUserId(person.actor.id);
  const contactId = findContactByPlatformId(directory, 'slack', userId)?.id;
  const who = { ...(contactId ? { contactId } : {}), ...(person.email ? { email: person.email } : {}) };
  if (isCoordinator(directory, who)) return { allowed: true };
  const channel = incident.spaces.slack?.spaceId;
  const isSpaceMember = channel ? await isChannelMember(client, channel, userId) : false;
  return canActOnIncident(directory, incident, { ...who, isSpaceMember });
}
