/**
 * `/incident export report`: the final report (handbook pack) as DOCX and
 * Markdown, posted in the incident's space and sent to List 1, which meets
 * `final-report`. Refused until the final meeting is recorded as held: the
 * report's lessons are that meeting's decisions. Once the incident is closed
 * and its space archived, the person who asked gets the files instead.
 */
import type { z } from 'zod';
import type { Actor } from '../../core/actor.js';
import { ErrorCode, MusterError } from '../../core/errors.js';
import { renderFinalReportDocx } from '../../export/final-report-docx.js';
import { renderFinalReportMarkdown } from '../../export/final-report-markdown.js';
import type { UploadFile } from '../../ports.js';
import { loadIncident } from '../incident-timeline.js';
import { parseInput } from '../validate-input.js';
import {
  circulateToList1,
  describeFiles,
  type ExportResult,
  type ExportUseCaseDeps,
  exportInputSchema,
  exportTarget,
} from './export-delivery.js';
import { fileStem, MIME } from './export-labels.js';
import { finalReportDocument } from './final-report-document.js';

export type ExportReportInput = z.input<typeof exportInputSchema>;

const MILESTONE = 'final-report';

export async function exportReport(deps: ExportUseCaseDeps, input: ExportReportInput): Promise<ExportResult> {
  const form = parseInput(exportInputSchema, input);
  const incident = await loadIncident(deps.store, form.reference);
  if (!incident.meetings.some((m) => m.kind === 'final' && m.status === 'held')) {
    throw new MusterError(
      ErrorCode.InvalidTransition,
      `The final report follows the Final Tactical Response Meeting, and ${incident.reference} has not held one yet. Record the final meeting as held, then export the report.`,
    );
  }
  // Refused before rendering when the incident has no space on this platform.
  const destination = exportTarget(incident, deps.platform, form.by as Actor, form.deliverTo);
  const doc = finalReportDocument(deps, incident);
  const stem = fileStem(incident.reference, 'final-report');
  const title = `Final report — ${incident.reference}`;
  const files: UploadFile[] = [
    { filename: `${stem}.docx`, title, mimeType: MIME.docx, content: await renderFinalReportDocx(doc) },
    {
      filename: `${stem}.md`,
      title: `${title} (Markdown)`,
      mimeType: MIME.md,
      content: Buffer.from(renderFinalReportMarkdown(doc), 'utf8'),
    },
  ];
  const comment = `Final report and handbook for ${incident.reference}: timeline, meetings, final action plan and lessons.`;
  const circulated = await circulateToList1(deps, incident, files, {
    target: destination.target,
    comment,
    by: form.by as Actor,
    milestoneId: MILESTONE,
    note: `Final report sent to List 1 (${files.map((f) => f.filename).join(', ')})`,
    event: {
      type: 'export.report',
      summary: `Final report sent to ${destination.whereAudit} and List 1 by ${form.by.name}.`,
      data: { milestoneId: MILESTONE, deliveredTo: destination.deliveredTo },
    },
  });
  const met = circulated.newlyMet ? ' The final report milestone is marked met.' : '';
  return {
    incident: circulated.incident,
    files: describeFiles(files),
    deliveredTo: destination.deliveredTo,
    milestoneMet: circulated.newlyMet,
    message: `Final report ${destination.withList1Text}.${met}`,
  };
}
