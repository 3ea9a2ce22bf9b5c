/**
 * Activities as Teams sends them to a bot's messaging endpoint: a typed
 * message (with or without an @mention of the bot), a card's Action.Submit
 * (a message whose `value` is what the card posted), an Action.Execute
 * invoke, and the bot being added to a conversation. Each carries the
 * serviceUrl of the fake connector, so Muster's answers land there.
 */
import { randomUUID } from 'node:crypto';

type Json = Record<string, unknown>;

export interface TeamsUser {
  /** The Bot Framework id (`29:…`). */
  id: string;
  /** The Entra object id. */
  aadObjectId: string;
  name: string;
}

export const BOT = { id: '28:muster-bot', name: 'Muster' };

export type Where =
  | { kind: 'personal'; conversationId: string }
  | { kind: 'channel'; channelId: string; name?: string; teamId?: string }
  | { kind: 'groupChat'; conversationId: string };

export interface ActivityBase {
  serviceUrl: string;
  tenantId: string;
}

export interface ActivityOptions {
  from: TeamsUser;
  where: Where;
  text?: string;
  value?: Json;
  replyToId?: string;
  /** Put an @mention of the bot in front of the text. */
  mention?: boolean;
}

export function activity(
  base: ActivityBase,
  options: ActivityOptions & { type?: string; name?: string },
): Json {
  const { where } = options;
  const conversation =
    where.kind === 'channel'
      ? {
          id: `${where.channelId};messageid=${Date.now()}`,
          conversationType: 'channel',
          isGroup: true,
          tenantId: base.tenantId,
        }
      : {
          id: where.conversationId,
          conversationType: where.kind,
          ...(where.kind === 'groupChat' ? { isGroup: true } : {}),
          tenantId: base.tenantId,
        };
  const mention = `<at>${BOT.name}</at>`;
  return {
    type: options.type ?? 'message',
    ...(options.name ? { name: options.name } : {}),
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: base.serviceUrl,
    from: { id: options.from.id, name: options.from.name, aadObjectId: options.from.aadObjectId },
    recipient: BOT,
    conversation,
    ...(options.text !== undefined
      ? { text: options.mention ? `${mention} ${options.text}` : options.text }
      : {}),
    ...(options.mention ? { entities: [{ type: 'mention', text: mention, mentioned: BOT }] } : {}),
    ...(options.value ? { value: options.value } : {}),
    ...(options.replyToId ? { replyToId: options.replyToId } : {}),
    channelData: {
      tenant: { id: base.tenantId },
      ...(where.kind === 'channel'
        ? {
            team: { id: where.teamId ?? 'team-thread' },
            channel: { id: where.channelId, ...(where.name ? { name: where.name } : {}) },
          }
        : {}),
    },
  };
}

/** A card's Action.Execute, as the `adaptiveCard/action` invoke Teams sends. */
export function executeActivity(
  base: ActivityBase,
  options: Omit<ActivityOptions, 'value' | 'text'> & { verb: string; data: Json },
): Json {
  return activity(base, {
    ...options,
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb: options.verb, data: options.data }, trigger: 'manual' },
  });
}

/** The bot added to a conversation (installed for a person, or in a team). */
export function botAddedActivity(base: ActivityBase, options: Omit<ActivityOptions, 'value' | 'text'>): Json {
  return { ...activity(base, { ...options, type: 'conversationUpdate' }), membersAdded: [BOT] };
}
