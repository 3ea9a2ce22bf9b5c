/**
 * `/incident export minutes`: a meeting's minutes as DOCX and Markdown, posted
 * in the incident's space and sent to List 1 directly, as seed 000 requires
 * within 5 working days; then its milestone (`minutes-initial` or
 * `minutes-review`) is met. Only after both uploads succeeded: a failed upload
 * marks nothing, and exporting again after a success only re-sends. Once the
 * incident is closed and its space archived, the person who asked gets the
 * files instead of the space.
 */
import { z } from 'zod';
import type { Actor } from '../../core/actor.js';
import type { MeetingKind } from '../../core/meetings/meeting-kind.js';
import { renderMinutesDocx } from '../../export/minutes-docx.js';
import { renderMinutesMarkdown } from '../../export/minutes-markdown.js';
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
import { meetingToMinute, minutesDocument } from './export-documents.js';
import { fileStem, MIME, meetingSlug } from './export-labels.js';

export const exportMinutesInputSchema = exportInputSchema.extend({
  /** The incident's meeting (`initial-1`); the latest held one if not given. */
  meetingId: z.string().trim().min(1).optional(),
});

export type ExportMinutesInput = z.input<typeof exportMinutesInputSchema>;

/** The milestone circulating a meeting's minutes meets; the final meeting's are part of the final report. */
const MINUTES_MILESTONE: Partial<Record<MeetingKind, string>> = {
  initial: 'minutes-initial',
  review: 'minutes-review',
};

export async function exportMinutes(
  deps: ExportUseCaseDeps,
  input: ExportMinutesInput,
): Promise<ExportResult> {
  const form = parseInput(exportMinutesInputSchema, input);
  const incident = await loadIncident(deps.store, form.reference);
  const meeting = meetingToMinute(incident, form.meetingId);
  // Refused before rendering when the incident has no space on this platform.
  const destination = exportTarget(incident, deps.platform, form.by as Actor, form.deliverTo);
  const doc = minutesDocument(deps, incident, meeting.id);

  const stem = fileStem(incident.reference, `minutes-${meetingSlug(meeting)}`);
  const title = `${doc.meeting.kind} minutes — ${incident.reference}`;
  const files: UploadFile[] = [
    { filename: `${stem}.docx`, title, mimeType: MIME.docx, content: await renderMinutesDocx(doc) },
    {
      filename: `${stem}.md`,
      title: `${title} (Markdown)`,
      mimeType: MIME.md,
      content: Buffer.from(renderMinutesMarkdown(doc), 'utf8'),
    },
  ];
  const comment = `Minutes of the ${doc.meeting.kind} (${doc.meeting.when}) for ${incident.reference}, with the action plan.`;
  const milestoneId = MINUTES_MILESTONE[meeting.kind];
  const circulated = await circulateToList1(deps, incident, files, {
    target: destination.target,
    comment,
    by: form.by as Actor,
    ...(milestoneId ? { milestoneId } : {}),
    note: `Minutes sent to List 1 (${files.map((f) => f.filename).join(', ')})`,
    event: {
      type: 'export.minutes',
      summary: `Minutes of ${meeting.id} sent to ${destination.whereAudit} and List 1 by ${form.by.name}.`,
      data: {
        meetingId: meeting.id,
        deliveredTo: destination.deliveredTo,
        ...(milestoneId ? { milestoneId } : {}),
      },
    },
  });
  const met = circulated.newlyMet ? ' The minutes milestone is marked met.' : '';
  return {
    incident: circulated.incident,
    files: describeFiles(files),
    deliveredTo: destination.deliveredTo,
    milestoneMet: circulated.newlyMet,
    message: `Minutes of the ${doc.meeting.kind} ${destination.withList1Text}.${met}`,
  };
}
