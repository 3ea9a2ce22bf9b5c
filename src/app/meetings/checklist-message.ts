/**
 * The checklist card in the incident's space: posted once when the meeting
 * starts (its reference kept on the meeting record, per platform) and updated
 * in place after every change. The stored change always comes first; a card
 * that cannot be updated is reported, never a reason to undo or fail it, and
 * the next change brings the card up to date.
 */
import { ErrorCode, MusterError } from '../../core/errors.js';
import type { Incident } from '../../core/incident/incident.js';
import type { MeetingRecord } from '../../core/meetings/meeting-record.js';
import type { IncidentSpace } from '../../ports.js';
import type { CommandDeps } from '../commands/command-outcome.js';
import { checklistCard } from './checklist-card.js';
import { replaceRecord } from './meeting-change.js';

/** The incident's space on the platform the request came from, if it has one. */
export function incidentSpace(incident: Incident, platform: string): IncidentSpace | undefined {
  const state = incident.spaces[platform];
  if (!state?.spaceId) return undefined;
  return {
    id: state.spaceId,
    name: state.spaceName ?? state.spaceId,
    ...(state.url ? { url: state.url } : {}),
  };
}

/** The space, or a refusal saying why the meeting cannot be run here yet. */
export function checklistSpace(incident: Incident, platform: string): IncidentSpace {
  const space = incidentSpace(incident, platform);
  if (space) return space;
  throw new MusterError(
    ErrorCode.InvalidTransition,
    `${incident.reference} has no channel on ${platform} yet, so there is nowhere to run the meeting. Wait for the incident to be announced, then start the meeting again.`,
  );
}

export interface CardPosting {
  /** Said after the change's own message when the card could not be posted or updated. */
  problem?: string;
}

/** Posts the record's checklist card and keeps its reference on the record (one quiet store update). */
export async function postChecklistCard(
  deps: CommandDeps,
  incident: Incident,
  record: MeetingRecord,
): Promise<CardPosting> {
  const space = checklistSpace(incident, deps.platform.name);
  let ref: string;
  try {
    ref = await deps.platform.postCard(space, checklistCard(deps, incident, record));
  } catch (error) {
    return {
      problem: `The checklist could not be posted in the channel (${reason(error)}); it is posted with the next change to the meeting.`,
    };
  }
  try {
    await deps.store.updateIncident(incident.reference, (current) => {
      const latest = current.meetingRecords?.find((r) => r.meetingId === record.meetingId) ?? record;
      const withRef = { ...latest, cardRefs: { ...latest.cardRefs, [deps.platform.name]: ref } };
      return { incident: { ...current, meetingRecords: replaceRecord(current, withRef) } };
    });
  } catch (error) {
    // The card is up but Muster lost track of it: the next change posts a fresh one rather than failing.
    return { problem: `The checklist is posted, but Muster could not note where (${reason(error)}).` };
  }
  return {};
}

/**
 * Brings the card on this platform up to date with the stored record (read
 * again, so two quick changes never leave the older one showing). A record
 * with no card here yet (posting failed, or the meeting was started on
 * another platform) gets one posted.
 */
export async function refreshChecklistCard(
  deps: CommandDeps,
  reference: string,
  meetingId: string,
): Promise<CardPosting> {
  const incident = await deps.store.getIncident(reference);
  const record = incident?.meetingRecords?.find((r) => r.meetingId === meetingId);
  if (!incident || !record) return {};
  const space = incidentSpace(incident, deps.platform.name);
  if (!space) return {};
  const ref = record.cardRefs?.[deps.platform.name];
  if (!ref) return postChecklistCard(deps, incident, record);
  try {
    await deps.platform.updateCard(space, ref, checklistCard(deps, incident, record));
    return {};
  } catch (error) {
    return {
      problem: `The change is saved, but the checklist card in the channel could not be updated (${reason(error)}); it catches up with the next change.`,
    };
  }
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A message followed by the card's problem, if any. */
export function withCardProblem(message: string, posting: CardPosting): string {
  return posting.problem ? `${message} ${posting.problem}` : message;
}
