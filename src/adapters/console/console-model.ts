/**
 * What the local console's chat is made of: channels (the partnership's
 * coordination channel, one per incident, each person's direct messages with
 * Muster) and the messages in them. The same JSON goes to the browser, into
 * the SSE stream and into the console's history file.
 */
import { z } from 'zod';

/** The platform name: the key of the console's state in `incident.spaces`, and the actor id prefix. */
export const CONSOLE_PLATFORM = 'console';

export const COORDINATION_CHANNEL_ID = 'coordination';
const DIRECT_PREFIX = 'dm-';

/** Each person's direct messages with Muster: `dm-<contactId>`. */
export function directChannelId(contactId: string): string {
  return `${DIRECT_PREFIX}${contactId}`;
}

export const channelSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  kind: z.enum(['coordination', 'incident', 'direct']),
  /** The incident an incident channel belongs to. */
  reference: z.string().optional(),
  /** Contact ids; empty for the coordination channel, which is everyone's. */
  memberIds: z.array(z.string()),
  /** Its incident is closed: history stays readable, nobody may post in it until the incident is reopened. */
  archived: z.boolean().optional(),
});

export type ConsoleChannel = z.infer<typeof channelSchema>;

/** A file attached to a message, as the page sees it: downloaded by id from `GET /console/files`. */
export const fileRefSchema = z.object({
  id: z.string().min(1),
  filename: z.string().min(1),
  title: z.string(),
  mimeType: z.string().min(1),
  size: z.number().int().nonnegative(),
});

export type ConsoleFileRef = z.infer<typeof fileRefSchema>;

/**
 * A stored file: where its bytes are (a name under `<dataDir>/console/files/`
 * chosen by the console, never by a request) and the channels it was posted
 * in, which decide who may download it.
 */
export const storedFileSchema = fileRefSchema.extend({
  storedAs: z.string().regex(/^[A-Za-z0-9._-]+$/),
  channelIds: z.array(z.string()),
});

export type ConsoleStoredFile = z.infer<typeof storedFileSchema>;

export const messageSchema = z.object({
  id: z.string().min(1),
  channelId: z.string().min(1),
  /** ISO instant on the simulated clock. */
  at: z.string(),
  author: z.object({ name: z.string(), contactId: z.string().optional() }),
  text: z.string().optional(),
  /** Expanded Adaptive Card JSON (src/adapters/cards/card-templates.ts). */
  card: z.record(z.string(), z.unknown()).optional(),
  cardKind: z.string().optional(),
  /** Seen only by this contact, like Slack's ephemeral replies. */
  ephemeralFor: z.string().optional(),
  pinned: z.boolean().optional(),
  files: z.array(fileRefSchema).optional(),
  updatedAt: z.string().optional(),
});

export type ConsoleMessage = z.infer<typeof messageSchema>;

/** Muster itself, as the author of cards and notices. */
export const MUSTER_AUTHOR: ConsoleMessage['author'] = { name: 'Muster' };

/** What a channel list shows: members are the server's business, not the page's. */
export function channelView({ id, name, kind, reference, archived }: ConsoleChannel) {
  return { id, name, kind, ...(reference ? { reference } : {}), ...(archived ? { archived } : {}) };
}
