/**
 * The Teams adapter's records in the Store's platform records (namespace
 * `teams`): which key holds what, and the shape each value must have. One
 * key per fact, so two replicas learning different things at once never
 * overwrite one another.
 *
 *   serviceUrl              the Bot Connector address Teams last used
 *   tenantId                the tenant seen on incoming activities
 *   personal:<Entra id>     the bot's one-to-one conversation with that person
 *   space:<conversation id> whether an incident space is a channel or a group chat
 *   chat:<reference>        the group chat made for an incident
 *
 * A value of null is a record forgotten (the retention purge): the port has
 * no delete, and null reads as "not known".
 */
import { z } from 'zod';

export const TEAMS_NAMESPACE = 'teams';

export const personalSchema = z.object({ conversationId: z.string(), serviceUrl: z.string() });
export const spaceSchema = z.object({ kind: z.enum(['channel', 'chat']), teamId: z.string().optional() });

export type PersonalConversation = z.infer<typeof personalSchema>;
export type SpaceKind = z.infer<typeof spaceSchema>;

export interface TeamsRecord {
  key: string;
  value: unknown;
}

export const teamsRecordKey = {
  serviceUrl: 'serviceUrl',
  tenantId: 'tenantId',
  personal: (userId: string) => `personal:${userId}`,
  space: (conversationId: string) => `space:${conversationId}`,
  chat: (reference: string) => `chat:${reference}`,
};

/** The schema a key's value must match, or undefined for a key Muster does not write. */
export function schemaFor(key: string): z.ZodType | undefined {
  if (key === teamsRecordKey.serviceUrl || key === teamsRecordKey.tenantId) return z.string();
  if (key.startsWith('personal:')) return personalSchema;
  if (key.startsWith('space:')) return spaceSchema;
  if (key.startsWith('chat:')) return z.string();
  return undefined;
}
