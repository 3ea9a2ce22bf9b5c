/**
 * What the export use cases share: the input they take, where the files go
 * (the incident's space on the platform the request came from or, once the
 * incident is closed and its space archived, the person who asked), List 1 as
 * recipients, and the audit event recorded once the files were accepted.
 */
import { z } from 'zod';
import type { Actor } from '../../core/actor.js';
import { ErrorCode, MusterError } from '../../core/errors.js';
import type { Incident } from '../../core/incident/incident.js';
import type { ChatPlatform, IncidentSpace, UploadFile, UploadTarget } from '../../ports.js';
import type { DirectoryDeps } from '../deps.js';
import { nowIso } from '../incident-timeline.js';
import { markMilestoneDone } from '../mark-milestone-done.js';
import { recipientsFor } from '../recipients.js';
import { actorSchema, referenceSchema } from '../validate-input.js';

export type ExportUseCaseDeps = DirectoryDeps & { platform: ChatPlatform };

export const DELIVERIES = ['space', 'requester'] as const;
export type Delivery = (typeof DELIVERIES)[number];

export const exportInputSchema = z.object({
  reference: referenceSchema,
  by: actorSchema,
  /**
   * `space`: post in the incident's space; `requester`: send to the person who
   * asked. Left out, the space unless it is archived (the incident was closed):
   * nothing can be posted in an archived space, yet a closed incident stays exportable.
   */
  deliverTo: z.enum(DELIVERIES).optional(),
});

export interface ExportResult {
  incident: Incident;
  files: { filename: string; title: string; mimeType: string; size: number }[];
  /** Where the files went besides List 1. */
  deliveredTo: Delivery;
  /** True when this export met its milestone (it was not met before): the incident card changed. */
  milestoneMet: boolean;
  /** What to tell the person who asked, on any platform. */
  message: string;
}

/** The incident's space on this platform; exports go where the response is run. */
export function spaceOf(incident: Incident, platform: ChatPlatform): IncidentSpace {
  const state = incident.spaces[platform.name];
  if (!state?.spaceId) {
    throw new MusterError(
      ErrorCode.InvalidTransition,
      `${incident.reference} has no channel on ${platform.name} yet, so there is nowhere to post the files. Wait for the incident to be announced, then try again.`,
    );
  }
  return {
    id: state.spaceId,
    name: state.spaceName ?? state.spaceId,
    ...(state.url ? { url: state.url } : {}),
  };
}

export interface ExportDestination {
  target: UploadTarget;
  deliveredTo: Delivery;
  /** "posted here" / "sent to you directly (the incident's channel is archived)": for the person's message. */
  whereText: string;
  /** The same, for files List 1 gets too: "posted here and sent to List 1" / "sent to you and to List 1 directly (…)". */
  withList1Text: string;
  /** "the channel" / "Cara CSP directly": for the audit. */
  whereAudit: string;
}

/** Where this export's files go: the space (refused when there is none), or the person who asked. */
export function exportTarget(
  incident: Incident,
  platform: ChatPlatform,
  by: Actor,
  deliverTo?: Delivery,
): ExportDestination {
  const archived = Boolean(incident.spaces[platform.name]?.archivedAt);
  const deliveredTo = deliverTo ?? (archived ? 'requester' : 'space');
  if (deliveredTo === 'space') {
    const space = spaceOf(incident, platform);
    return {
      target: { kind: 'space', space },
      deliveredTo,
      whereText: 'posted here',
      withList1Text: 'posted here and sent to List 1',
      whereAudit: 'the channel',
    };
  }
  const why = archived ? ' (the incident’s channel is archived)' : '';
  return {
    target: { kind: 'direct', recipients: { contacts: [], actors: [by] } },
    deliveredTo,
    whereText: `sent to you directly${why}`,
    withList1Text: `sent to you and to List 1 directly${why}`,
    whereAudit: `${by.name} directly`,
  };
}

export function describeFiles(files: UploadFile[]): ExportResult['files'] {
  return files.map(({ filename, title, mimeType, content }) => ({
    filename,
    title,
    mimeType,
    size: content.length,
  }));
}

export async function recordExport(
  deps: ExportUseCaseDeps,
  incident: Incident,
  event: { type: string; by: Actor; summary: string; files: UploadFile[]; data?: Record<string, unknown> },
): Promise<void> {
  await deps.store.appendEvents(incident.reference, [
    {
      at: nowIso(deps.clock),
      actor: event.by,
      type: event.type,
      summary: event.summary,
      data: {
        platform: deps.platform.name,
        files: event.files.map((f) => f.filename),
        ...event.data,
      },
    },
  ]);
}

/**
 * Seed 000's circulation: the files go to the incident's space (or the person
 * who asked, once it is archived) and to List 1 directly; only once both
 * uploads succeeded is the milestone marked met (when the protocol has it
 * marked by hand) and the export audited. Exporting again re-sends without
 * marking twice.
 */
export async function circulateToList1(
  deps: ExportUseCaseDeps,
  incident: Incident,
  files: UploadFile[],
  circulation: {
    target: UploadTarget;
    comment: string;
    by: Actor;
    milestoneId?: string;
    note: string;
    event: { type: string; summary: string; data?: Record<string, unknown> };
  },
): Promise<{ incident: Incident; newlyMet: boolean }> {
  await deps.platform.uploadFiles(circulation.target, files, circulation.comment);
  await deps.platform.uploadFiles(
    { kind: 'direct', recipients: recipientsFor(['list-1'], incident, deps.directory) },
    files,
    circulation.comment,
  );
  const { milestoneId } = circulation;
  const marked =
    milestoneId && deps.protocol.milestones.some((m) => m.id === milestoneId && m.metBy.type === 'manual')
      ? await markMilestoneDone(deps, {
          reference: incident.reference,
          milestoneId,
          by: circulation.by,
          note: circulation.note,
        })
      : undefined;
  await recordExport(deps, incident, { ...circulation.event, by: circulation.by, files });
  return { incident: marked?.incident ?? incident, newlyMet: Boolean(marked && !marked.alreadyDone) };
}
