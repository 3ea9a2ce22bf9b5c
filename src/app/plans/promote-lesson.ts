/**
 * Promotes a lesson of an incident's final report into the strategic plan:
 * `/plan promote SV-2027-0042 lesson 2 [into <plan-id>] [priority 3] [lead
 * <agency>]`. A lesson is one of the final meeting's decisions, numbered as
 * the report numbers them ("Lesson 2"); it becomes a new plan action (the
 * lesson as its description, led by the agency asked for, the CSP by
 * default, owned by the coordinator who promoted it), linked both ways like a
 * promoted action. Coordinators only.
 */
import type { Directory } from '../../core/directory/directory-schema.js';
import { ErrorCode, MusterError } from '../../core/errors.js';
import type { Incident } from '../../core/incident/incident.js';
import { checkAgency } from '../directory-agencies.js';
import { finalReportLessons } from '../exports/final-report-document.js';
import { loadIncident } from '../incident-timeline.js';
import { requireCoordinator } from './plan-access.js';
import { addPromotedAction, type PromoteDeps, type Promoted, type PromoteTarget } from './promote-action.js';

export interface PromoteLessonInput extends PromoteTarget {
  reference: string;
  /** 1 for the report's "Lesson 1". */
  lesson: number;
  /** The directory agency to lead the plan action; the CSP's when not given. */
  leadAgency?: string;
}

/** The lesson with that number, or a refusal saying why there is none (no final meeting, no such lesson). */
export function findLesson(incident: Incident, lesson: number): string {
  const lessons = finalReportLessons(incident);
  if (lessons === undefined) {
    const message = `${incident.reference} has held no final meeting yet, so it has no lessons`;
    throw new MusterError(
      ErrorCode.InvalidInput,
      `${capitalised(message)}. Lessons are the final meeting's decisions: record the final meeting as held, then promote one.`,
      [{ path: 'lesson', message }],
    );
  }
  const text = lessons[lesson - 1];
  if (text !== undefined) return text;
  const known =
    lessons.length === 0
      ? 'its final meeting recorded no decisions'
      : `its lessons are numbered 1 to ${lessons.length}, as in the final report`;
  const message = `${incident.reference} has no lesson ${lesson}: ${known}`;
  throw new MusterError(ErrorCode.InvalidInput, `${capitalised(message)}.`, [{ path: 'lesson', message }]);
}

/** The partnership's own agency: the CSP leads a lesson unless someone else is asked to. */
export function cspAgencyId(directory: Directory): string | undefined {
  const csp =
    directory.agencies.find((a) => a.id === 'csp') ??
    directory.agencies.find((a) => /community safety/i.test(`${a.id.replace(/-/g, ' ')} ${a.name}`));
  return csp?.id;
}

export async function promoteIncidentLesson(deps: PromoteDeps, input: PromoteLessonInput): Promise<Promoted> {
  requireCoordinator(
    deps.directory,
    input.by,
    input.requester,
    'promote a lesson into the plan',
    deps.coordinators,
  );
  const incident = await loadIncident(deps.store, input.reference);
  const lesson = findLesson(incident, input.lesson);
  const leadAgency = input.leadAgency ?? cspAgencyId(deps.directory);
  if (!leadAgency) {
    const message = 'the directory has no Community Safety Partnership agency: name the lead agency';
    throw new MusterError(ErrorCode.InvalidInput, `${capitalised(message)}.`, [
      { path: 'leadAgency', message },
    ]);
  }
  checkAgency(deps.directory, leadAgency, 'leadAgency');
  return addPromotedAction(deps, incident, input, {
    action: {
      description: lesson,
      leadAgency,
      owner: input.by,
      milestones: [],
      status: 'open',
      rag: 'green',
    },
    link: { incidentLessonNumber: input.lesson },
    what: `lesson ${input.lesson}`,
    path: 'lesson',
    event: { type: 'lesson.promoted', data: { lesson: input.lesson } },
  });
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
