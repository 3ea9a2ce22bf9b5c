/**
 * `/incident export minutes [meeting id] | plan | report`: runs the export use
 * case, which posts the files (in the incident's space, or to the person who
 * asked once the incident is closed and its space archived) and sends minutes
 * and the report to List 1. When that met a milestone, the pinned card changed.
 */
import type { ExportResult } from '../exports/export-delivery.js';
import { exportMinutes } from '../exports/export-minutes.js';
import { exportPlan } from '../exports/export-plan.js';
import { exportReport } from '../exports/export-report.js';
import type { CommandDeps, CommandOutcome, CommandScope } from './command-outcome.js';
import type { ExportKind } from './parse-incident-command.js';

function runExport(
  deps: CommandDeps,
  scope: CommandScope,
  what: ExportKind,
  meetingId?: string,
): Promise<ExportResult> {
  const input = { reference: scope.incident.reference, by: scope.by };
  switch (what) {
    case 'minutes':
      return exportMinutes(deps, { ...input, ...(meetingId ? { meetingId } : {}) });
    case 'plan':
      return exportPlan(deps, input);
    case 'report':
      return exportReport(deps, input);
  }
}

export async function exportCommand(
  deps: CommandDeps,
  scope: CommandScope,
  what: ExportKind,
  meetingId?: string,
): Promise<CommandOutcome> {
  const result = await runExport(deps, scope, what, meetingId);
  return { message: result.message, refreshCard: result.milestoneMet };
}
