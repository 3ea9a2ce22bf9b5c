/**
 * `/incident export plan`: the action plan as XLSX and CSV in the column
 * shape the partnerships keep (seed 003), posted in the incident's space for
 * agencies to take into their own systems (sent to the person who asked once
 * the space is archived). No milestone depends on it.
 */
import type { z } from 'zod';
import type { Actor } from '../../core/actor.js';
import { renderActionPlanCsv } from '../../export/action-plan-csv.js';
import { renderActionPlanXlsx } from '../../export/action-plan-xlsx.js';
import type { UploadFile } from '../../ports.js';
import { loadIncident } from '../incident-timeline.js';
import { parseInput } from '../validate-input.js';
import {
  describeFiles,
  type ExportResult,
  type ExportUseCaseDeps,
  exportInputSchema,
  exportTarget,
  recordExport,
} from './export-delivery.js';
import { actionPlanDocument } from './export-documents.js';
import { fileStem, MIME } from './export-labels.js';

export type ExportPlanInput = z.input<typeof exportInputSchema>;

export async function exportPlan(deps: ExportUseCaseDeps, input: ExportPlanInput): Promise<ExportResult> {
  const form = parseInput(exportInputSchema, input);
  const incident = await loadIncident(deps.store, form.reference);
  const destination = exportTarget(incident, deps.platform, form.by as Actor, form.deliverTo);
  const plan = actionPlanDocument(deps, incident);
  const stem = fileStem(incident.reference, 'action-plan');
  const title = `Action plan — ${incident.reference}`;
  const files: UploadFile[] = [
    { filename: `${stem}.xlsx`, title, mimeType: MIME.xlsx, content: await renderActionPlanXlsx(plan) },
    {
      filename: `${stem}.csv`,
      title: `${title} (CSV)`,
      mimeType: MIME.csv,
      // The byte order mark makes Excel read accented names as UTF-8.
      content: Buffer.from(renderActionPlanCsv(plan, { bom: true }), 'utf8'),
    },
  ];
  const count = plan.priorities.reduce((n, p) => n + p.actions.length, 0);
  await deps.platform.uploadFiles(
    destination.target,
    files,
    `Action plan for ${incident.reference} as at ${plan.asAt}: ${count} action${count === 1 ? '' : 's'}.`,
  );
  await recordExport(deps, incident, {
    type: 'export.plan',
    by: form.by as Actor,
    summary: `Action plan exported by ${form.by.name} (${count} actions).`,
    files,
    data: { deliveredTo: destination.deliveredTo, to: destination.whereAudit },
  });
  return {
    incident,
    files: describeFiles(files),
    deliveredTo: destination.deliveredTo,
    milestoneMet: false,
    message: `Action plan (${count} action${count === 1 ? '' : 's'}) ${destination.whereText}.`,
  };
}
