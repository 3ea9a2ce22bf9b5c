/**
 * Retention (issue 8): closed incidents whose last change is older than
 * MUSTER_RETENTION_DAYS are purged from the store with their audit and
 * reminders. When a keep-export place is configured, each incident's final
 * report (DOCX, the same renderer as `/incident export report`) is kept there
 * first; an incident whose report cannot be kept is not purged (retried next
 * run). Each purge is logged by the store (reference and dates only). Then
 * what the chat platforms keep of it on Muster's side (the console's history,
 * Teams' exported files) is forgotten too, through `forgetIncident`; a
 * failure there is reported with the incident, which is gone from the store
 * either way. A dry run lists what would go and changes nothing.
 */
import type { Incident } from '../../core/incident/incident.js';
import { renderFinalReportDocx } from '../../export/final-report-docx.js';
import type { PurgeRecord } from '../../ports.js';
import type { DirectoryDeps } from '../deps.js';
import { fileStem } from '../exports/export-labels.js';
import { finalReportDocument } from '../exports/final-report-document.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Writes a kept report where the operator asked (MUSTER_RETENTION_KEEP_EXPORT_DIR); an adapter supplies it. */
export type KeepExport = (filename: string, content: Buffer) => Promise<void>;

/** Removes what the platforms keep of a purged incident (ChatPlatform.forgetIncident); an adapter supplies it. */
export type ForgetIncident = (reference: string) => Promise<void>;

export interface RetentionOptions {
  retentionDays: number;
  keepExport?: KeepExport;
  forgetIncident?: ForgetIncident;
  dryRun?: boolean;
}

export interface RetentionFailure {
  reference: string;
  /** Why it was not purged this time (the report could not be kept, the store refused). */
  error: string;
}

export interface RetentionResult {
  /** Purged (or, on a dry run, due to be purged). */
  purged: PurgeRecord[];
  failed: RetentionFailure[];
  cutOff: string;
}

export type RetentionDeps = Pick<DirectoryDeps, 'store' | 'clock' | 'protocol' | 'directory'>;

export function retentionCutOff(now: Date, retentionDays: number): Date {
  return new Date(now.getTime() - retentionDays * DAY_MS);
}

export async function purgeClosedIncidents(
  deps: RetentionDeps,
  options: RetentionOptions,
): Promise<RetentionResult> {
  const now = deps.clock.now();
  const cutOff = retentionCutOff(now, options.retentionDays);
  const closed = await deps.store.listIncidents({ status: ['closed'] });
  const due = closed
    .filter((s) => Date.parse(s.updatedAt) < cutOff.getTime())
    .sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));
  const result: RetentionResult = { purged: [], failed: [], cutOff: cutOff.toISOString() };
  for (const summary of due) {
    let purged: PurgeRecord | undefined;
    try {
      purged = await purgeOne(deps, options, summary.id, cutOff, now);
      if (purged) result.purged.push(purged);
    } catch (error) {
      result.failed.push({ reference: summary.reference, error: (error as Error).message });
    }
    if (!purged || options.dryRun || !options.forgetIncident) continue;
    try {
      await options.forgetIncident(purged.reference);
    } catch (error) {
      result.failed.push({
        reference: purged.reference,
        error: `purged from the store, but the chat platforms' copies could not be removed: ${(error as Error).message}`,
      });
    }
  }
  return result;
}

async function purgeOne(
  deps: RetentionDeps,
  options: RetentionOptions,
  id: string,
  cutOff: Date,
  now: Date,
): Promise<PurgeRecord | undefined> {
  const incident = await deps.store.getIncident(id);
  if (incident?.status !== 'closed') return undefined;
  const record: PurgeRecord = {
    reference: incident.reference,
    closedAt: await closedAt(deps, incident),
    purgedAt: now.toISOString(),
    exportKept: options.keepExport !== undefined && !options.dryRun,
  };
  if (options.dryRun) return record;
  if (options.keepExport) {
    const content = await renderFinalReportDocx(finalReportDocument(deps, incident));
    await options.keepExport(`${fileStem(incident.reference, 'final-report')}.docx`, content);
  }
  return (await deps.store.purgeIncident(incident.id, cutOff, record)) ? record : undefined;
}

/** When it was last closed, from its audit; its last change if the audit says nothing. */
async function closedAt(deps: RetentionDeps, incident: Incident): Promise<string> {
  const events = await deps.store.listEvents(incident.id);
  return events.filter((e) => e.type === 'incident.closed').at(-1)?.at ?? incident.updatedAt;
}
