/**
 * Before Muster ran as several replicas, the Teams adapter kept what it
 * learned in one JSON file, `<dataDir>/teams/conversations.json`. It now
 * keeps it in the Store, so every replica can reach conversations another
 * one learned. This module reads the old file and turns it into the Store's
 * records, once: the caller only asks while the Store has no Teams records.
 * Once every record is in the Store the file is removed: it names incidents,
 * and a purge must not leave them behind.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { type TeamsRecord, teamsRecordKey } from './teams-records.js';

const fileSchema = z.object({
  version: z.literal(1),
  serviceUrl: z.string().optional(),
  tenantId: z.string().optional(),
  personal: z
    .record(z.string(), z.object({ conversationId: z.string(), serviceUrl: z.string() }))
    .default({}),
  spaces: z
    .record(z.string(), z.object({ kind: z.enum(['channel', 'chat']), teamId: z.string().optional() }))
    .default({}),
  chats: z.record(z.string(), z.string()).default({}),
});

export function legacyTeamsFile(dataDir: string): string {
  return join(dataDir, 'teams', 'conversations.json');
}

/** The old file's content as records; none when there is no file, and a warning when it cannot be used. */
export async function readLegacyTeamsFile(
  dataDir: string,
  warn: (message: string) => void,
): Promise<TeamsRecord[]> {
  const path = legacyTeamsFile(dataDir);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      warn(`${path} could not be read (${(error as Error).message}); starting afresh`);
    return [];
  }
  let parsed: z.infer<typeof fileSchema>;
  try {
    const result = fileSchema.safeParse(JSON.parse(text));
    if (!result.success) throw new Error('not a Muster Teams file');
    parsed = result.data;
  } catch {
    warn(`${path} is not a Muster Teams file; starting afresh`);
    return [];
  }
  return [
    ...(parsed.serviceUrl ? [{ key: teamsRecordKey.serviceUrl, value: parsed.serviceUrl }] : []),
    ...(parsed.tenantId ? [{ key: teamsRecordKey.tenantId, value: parsed.tenantId }] : []),
    ...Object.entries(parsed.personal).map(([userId, value]) => ({
      key: teamsRecordKey.personal(userId),
      value,
    })),
    ...Object.entries(parsed.spaces).map(([id, value]) => ({ key: teamsRecordKey.space(id), value })),
    ...Object.entries(parsed.chats).map(([reference, value]) => ({
      key: teamsRecordKey.chat(reference),
      value,
    })),
  ];
}
