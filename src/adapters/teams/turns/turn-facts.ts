/**
 * Who wrote to the bot and where, read from an incoming activity: the
 * person's Entra ID, matched to the directory (by a stored `teamsId`, else by
 * the email Graph gives for that id); the conversation, and the incident
 * space it is (a channel message's conversation id carries the thread,
 * `19:…@thread.tacv2;messageid=…`, the channel is the space); whether the
 * bot was @mentioned. The access facts the use cases need come from here.
 */
import type { TurnContext } from '@microsoft/agents-hosting';
import type { PendingRequester } from '../../../app/access.js';
import type { Actor } from '../../../core/actor.js';
import type { Contact } from '../../../core/directory/directory-schema.js';
import type { Incident } from '../../../core/incident/incident.js';
import { TEAMS_PLATFORM } from '../ids.js';
import { teamsActorId } from '../platform/teams-users.js';
import type { TeamsContext } from '../teams-context.js';

export interface TeamsPerson {
  /** Entra object id; unset only for a caller that is no Entra user (a local test tool). */
  userId?: string;
  actor: Actor;
  contact?: Contact;
  email?: string;
}

export type ConversationKind = 'personal' | 'channel' | 'groupChat';

export interface TeamsWhere {
  kind: ConversationKind;
  /** The channel or chat, without a thread: what `incident.spaces.teams.spaceId` holds. */
  spaceId: string;
  /** The channel's name when Teams gives it (incident channels are named after the reference). */
  spaceName?: string;
  /** Whether the message @mentioned the bot. */
  mentioned: boolean;
}

interface ChannelData {
  channel?: { id?: string; name?: string };
}

export function whereOf(context: TurnContext): TeamsWhere {
  const { activity } = context;
  const conversation = activity.conversation;
  const channelData = (activity.channelData ?? {}) as ChannelData;
  const type = conversation?.conversationType;
  const kind: ConversationKind =
    type === 'channel' || channelData.channel?.id
      ? 'channel'
      : type === 'groupChat' || conversation?.isGroup
        ? 'groupChat'
        : 'personal';
  const spaceId = channelData.channel?.id ?? (conversation?.id ?? '').split(';')[0]!;
  const spaceName = channelData.channel?.name ?? conversation?.name;
  const botId = activity.recipient?.id;
  const mentioned = (activity.entities ?? []).some(
    (e) =>
      e.type?.toLowerCase() === 'mention' && (e as { mentioned?: { id?: string } }).mentioned?.id === botId,
  );
  return { kind, spaceId, ...(spaceName ? { spaceName } : {}), mentioned };
}

/** The person behind the activity, matched to the directory where possible. */
export async function personOf(ctx: TeamsContext, context: TurnContext): Promise<TeamsPerson> {
  const from = context.activity.from;
  const userId = from?.aadObjectId;
  const { directory } = ctx.deps;
  let contact = userId ? directory.contacts.find((c) => c.teamsId === userId) : undefined;
  let email = contact?.email.toLowerCase();
  if (!contact && userId) {
    try {
      email = await ctx.users.emailOf(userId);
      contact = email ? directory.contacts.find((c) => c.email.toLowerCase() === email) : undefined;
    } catch (error) {
      // Without Graph the person still acts, as someone the directory does not know.
      ctx.logger.warn('could not look up a Teams user in Microsoft Graph', { error });
    }
  }
  const actor: Actor = {
    id: teamsActorId(userId ?? from?.id ?? 'unknown'),
    name: from?.name || contact?.name || 'Someone on Teams',
    ...(contact ? { contactId: contact.id } : {}),
  };
  return {
    ...(userId ? { userId } : {}),
    actor,
    ...(contact ? { contact } : {}),
    ...(email ? { email } : {}),
  };
}

/**
 * The person as the access rule sees them. Membership is a fact of the
 * conversation when they acted in the incident's own space; elsewhere Graph
 * is asked, and only when they are not a coordinator anyway.
 */
export function requesterOf(ctx: TeamsContext, person: TeamsPerson, where: TeamsWhere): PendingRequester {
  return {
    ...(person.contact ? { contactId: person.contact.id } : {}),
    ...(person.email ? { email: person.email } : {}),
    actorId: person.actor.id,
    isSpaceMember: async (incident: Incident) => {
      const spaceId = incident.spaces[TEAMS_PLATFORM]?.spaceId;
      if (!spaceId) return false;
      if (spaceId === where.spaceId) return true;
      if (!person.userId) return false;
      try {
        return await ctx.spaces.isMember(spaceId, person.userId);
      } catch (error) {
        ctx.logger.warn('could not check membership of a Teams space', {
          reference: incident.reference,
          error,
        });
        return false;
      }
    },
  };
}
