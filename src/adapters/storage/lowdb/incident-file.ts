/**
 * One incident's current state on disk: `incidents/<id>.json`, a lowdb
 * document holding the incident and its reminders. The shape check is light
 * on purpose (enough to refuse a truncated or hand-mangled file with a clear
 * `corrupt_data` error, not a second copy of the domain rules).
 */
import { rm } from 'node:fs/promises';
import { Low } from 'lowdb';
import { z } from 'zod';
import { ErrorCode, MusterError, problemsFromZod } from '../../../core/errors.js';
import { INCIDENT_CATEGORIES, INCIDENT_STATUSES, type Incident } from '../../../core/incident/incident.js';
import type { Reminder } from '../../../core/reminders/reminder.js';
import { AtomicJsonFile, syncDir } from './atomic-file.js';
import type { DataDirLayout } from './layout.js';

export interface IncidentDoc {
  format: 1;
  incident: Incident;
  reminders: Reminder[];
}

const actorShape = z.looseObject({ id: z.string(), name: z.string() });

/** The light shape check of a stored incident; the PostgreSQL store checks its documents with it too. */
export const incidentShape = z.looseObject({
  id: z.string(),
  reference: z.string(),
  title: z.string(),
  occurredAt: z.string(),
  area: z.string(),
  category: z.enum(INCIDENT_CATEGORIES),
  status: z.enum(INCIDENT_STATUSES),
  sio: actorShape,
  createdBy: actorShape,
  meetings: z.array(z.looseObject({ id: z.string(), kind: z.string(), at: z.string() })),
  completions: z.record(z.string(), z.unknown()),
  notifications: z.array(z.looseObject({ contactId: z.string(), agencyId: z.string() })),
  acknowledgements: z.array(z.looseObject({ agencyId: z.string(), at: z.string() })),
  spaces: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});

const reminderShape = z.looseObject({
  key: z.string(),
  incidentId: z.string(),
  milestoneId: z.string(),
  kind: z.string(),
  fireAt: z.string(),
  notify: z.array(z.string()),
  attempts: z.number().int(),
});

const docShape = z.looseObject({
  format: z.literal(1),
  incident: incidentShape,
  reminders: z.array(reminderShape),
});

function corrupt(
  path: string,
  problem: string,
  details: ReturnType<typeof problemsFromZod> = [],
): MusterError {
  return new MusterError(
    ErrorCode.CorruptData,
    `The incident file ${path} cannot be read: ${problem}. Restore it from a backup (or repair it by hand) ` +
      'and restart Muster; other incidents are not affected.',
    details,
  );
}

function parseDoc(expectedId: string): (text: string, path: string) => IncidentDoc {
  return (text, path) => {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      throw corrupt(path, `it is not valid JSON (${(error as Error).message})`);
    }
    const result = docShape.safeParse(raw);
    if (!result.success) {
      throw corrupt(
        path,
        'it does not have the shape of an incident record',
        problemsFromZod(result.error.issues),
      );
    }
    if (result.data.incident.id !== expectedId) {
      throw corrupt(path, `it holds incident ${result.data.incident.id}, not ${expectedId}`);
    }
    return result.data as unknown as IncidentDoc;
  };
}

export class IncidentFiles {
  constructor(
    private readonly layout: DataDirLayout,
    private readonly durable: boolean,
  ) {}

  pathOf(id: string): string {
    return this.layout.incidentFile(id);
  }

  /** `undefined` when the file does not exist; a `corrupt_data` error when it cannot be used. */
  async read(id: string): Promise<IncidentDoc | undefined> {
    const db = this.open(id);
    await db.read();
    return db.data ?? undefined;
  }

  async write(doc: IncidentDoc): Promise<void> {
    const db = this.open(doc.incident.id);
    db.data = doc;
    await db.write();
  }

  /** Deletes the incident's file (retention); a file already gone is not an error. */
  async remove(id: string): Promise<void> {
    await rm(this.pathOf(id), { force: true });
    if (this.durable) await syncDir(this.layout.incidentsDir);
  }

  private open(id: string): Low<IncidentDoc | null> {
    const adapter = new AtomicJsonFile<IncidentDoc | null>(this.pathOf(id), {
      durable: this.durable,
      parse: parseDoc(id),
    });
    return new Low<IncidentDoc | null>(adapter, null);
  }
}
