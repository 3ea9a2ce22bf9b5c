/**
 * Every form under 1,000 generated submissions (blanks, huge and unicode
 * text, impossible dates, values outside the choices, unknown people, stray
 * fields): each is either accepted, or refused as `invalid_input` (or, for a
 * state the form cannot fix, `invalid_transition`) whose every problem names a field of that form (or none) with a message, and then the
 * incident, its events and its reminders are exactly as before. The state is
 * kept between runs, so later submissions meet what earlier ones wrote.
 */
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { addAction } from '../../src/app/actions/add-action.js';
import { actionUpdateForm, submitActionUpdate } from '../../src/app/forms/action-update-form.js';
import type { FormDefinition, FormSubmission } from '../../src/app/forms/form-model.js';
import { registeredForm } from '../../src/app/forms/form-registry.js';
import { checkNewIncident, newIncidentForm } from '../../src/app/forms/new-incident-form.js';
import { recordMeetingForm, recordMeetingInputFrom } from '../../src/app/forms/record-meeting-form.js';
import { openIncident } from '../../src/app/open-incident.js';
import { recordMeeting } from '../../src/app/record-meeting.js';
import { isMusterError, MusterError } from '../../src/core/errors.js';
import { COORDINATOR, SIO } from '../app/harness.js';
import {
  announcedIncident,
  type Deps,
  NIA,
  PEOPLE,
  press,
  REF,
  submit,
} from '../app/interactions/checklist-fixture.js';
import { InMemoryStore } from '../fakes/in-memory-store.js';
import { type FieldContext, submissionValues } from './form-arbitraries.js';

const RUNS = 1000;
const TIMEOUT_MS = 60_000;
const ITEM = { meetingId: 'initial-1', sectionId: 'health-planning', itemId: 'discharge-plans' };

/** An announced incident with the initial meeting running and action 1.1 on its plan. */
async function meetingInProgress(): Promise<Deps> {
  const deps = await announcedIncident(new InMemoryStore());
  await press(deps, 'start-meeting', { meetingKind: 'initial' });
  await addAction(deps, {
    reference: REF,
    priority: { number: 1, title: 'Reassure the community' },
    description: 'High-visibility patrols around Market Street',
    leadAgency: 'police',
    owner: SIO,
    due: '2027-09-10',
    by: COORDINATOR,
  });
  return deps;
}

/** As above, with the initial meeting ended: nothing running, so the incident may be closed. */
async function meetingEnded(): Promise<Deps> {
  const deps = await meetingInProgress();
  deps.clock.set('2027-09-02T11:00:00+01:00');
  await press(deps, 'end-meeting', { meetingId: 'initial-1' });
  return deps;
}

/** As above, with the initial meeting ended and a review (Signs of Safety) running. */
async function reviewInProgress(): Promise<Deps> {
  const deps = await meetingEnded();
  deps.clock.set('2027-09-30T10:00:00+01:00');
  await press(deps, 'start-meeting', { meetingKind: 'review' });
  return deps;
}

/** The incident, its events and its reminders: what a refusal must leave exactly as it was. */
async function snapshot(deps: Deps): Promise<string> {
  return JSON.stringify({
    incidents: await deps.store.listIncidents(),
    incident: await deps.store.getIncident(REF),
    events: await deps.store.listEvents(REF),
    reminders: await deps.store.listReminders(REF),
  });
}

function fieldContext(deps: Deps): FieldContext {
  return {
    now: DateTime.fromJSDate(deps.clock.now(), { zone: 'Europe/London' }),
    people: Object.keys(PEOPLE),
    known: ['police', 'nhft', 'corby', 'kettering', '1.1', '2.1', 'initial-1', 'review-1'],
  };
}

/** Accepted, or refused as `invalid_input` naming only this form's fields, leaving the store alone. */
async function expectAcceptedOrCleanlyRefused(
  deps: Deps,
  form: FormDefinition,
  submitIt: () => Promise<unknown>,
): Promise<'accepted' | 'refused'> {
  const before = await snapshot(deps);
  let outcome: unknown;
  const error = await submitIt().then(
    (answer) => {
      outcome = answer;
      return undefined;
    },
    (e: unknown) => e,
  );
  if (error === undefined) {
    // A role or access refusal is an answer, not an exception: it too must change nothing.
    expect((outcome as { refused?: boolean } | undefined)?.refused).not.toBe(true);
    return 'accepted';
  }
  // A refusal that depends on the incident's state (a meeting recorded out of order) is coded too.
  if (!isMusterError(error, 'invalid_input') && !isMusterError(error, 'invalid_transition')) throw error;
  expect(error).toBeInstanceOf(MusterError);
  expect(error.message.trim()).not.toBe('');
  const fieldIds = new Set(['', ...form.fields.map((f) => f.id)]);
  for (const detail of error.details) {
    expect(fieldIds, `"${detail.path}" is not a field of ${form.id}`).toContain(detail.path);
    expect(detail.message.trim()).not.toBe('');
  }
  expect(await snapshot(deps)).toBe(before);
  return 'refused';
}

interface FormCase {
  id: string;
  setup: () => Promise<Deps>;
  context?: Record<string, string>;
  /** Who submits (a member of the space by default; closing needs the SIO or a coordinator). */
  by?: typeof SIO;
  /** After an accepted submission that leaves nothing more to try (the incident closed), start again. */
  resetAfterAccept?: boolean;
}

const REGISTERED: FormCase[] = [
  { id: 'schedule-meeting', setup: meetingInProgress },
  { id: 'add-action', setup: meetingInProgress },
  // By the action's owner: only its lead agency, the SIO or a coordinator may change its RAG.
  { id: 'progress-update', setup: meetingInProgress, context: { actionNumber: '1.1' }, by: SIO },
  { id: 'key-date', setup: meetingInProgress },
  // Closing waits for a running meeting to end, so the meeting has ended.
  { id: 'close-incident', setup: meetingEnded, by: SIO, resetAfterAccept: true },
  { id: 'checklist-item', setup: meetingInProgress, context: ITEM },
  { id: 'attendance', setup: meetingInProgress, context: { meetingId: 'initial-1' } },
  { id: 'signs-of-safety', setup: reviewInProgress, context: { meetingId: 'review-1' } },
];

/** Runs `RUNS` generated submissions of one form; returns how many were accepted and refused. */
async function exercise(
  setup: () => Promise<Deps>,
  formOf: (deps: Deps) => Promise<FormDefinition>,
  submitOf: (deps: Deps, values: FormSubmission['values'], extra: number) => Promise<unknown>,
  resetAfterAccept = false,
) {
  let deps = await setup();
  const form = await formOf(deps);
  const counts = { accepted: 0, refused: 0 };
  await fc.assert(
    fc.asyncProperty(submissionValues(form, fieldContext(deps)), fc.nat(), async (values, extra) => {
      const result = await expectAcceptedOrCleanlyRefused(deps, form, () => submitOf(deps, values, extra));
      counts[result] += 1;
      if (result === 'accepted' && resetAfterAccept) deps = await setup();
    }),
    { numRuns: RUNS },
  );
  expect(counts.accepted + counts.refused).toBeGreaterThanOrEqual(RUNS);
  // Both branches were exercised, so the property is not vacuous.
  expect(counts.refused).toBeGreaterThan(0);
  expect(counts.accepted).toBeGreaterThan(0);
  return counts;
}

describe('registered forms under 1,000 generated submissions each', () => {
  for (const formCase of REGISTERED) {
    it(
      `${formCase.id}: accepts or refuses cleanly, naming its own fields`,
      async () => {
        const context = formCase.context ?? {};
        await exercise(
          formCase.setup,
          (deps) => registeredForm(deps, formCase.id, { reference: REF, ...context }),
          (deps, values) =>
            submit(deps, formCase.id, context, values as Record<string, string | undefined>, formCase.by),
          formCase.resetAfterAccept,
        );
      },
      TIMEOUT_MS,
    );
  }
});

describe('the forms with their own handlers under 1,000 generated submissions each', () => {
  it(
    'new-incident: checkNewIncident accepts what openIncident then opens, or names the fields',
    async () => {
      await exercise(
        meetingInProgress,
        async (deps) => newIncidentForm(deps.directory, fieldContext(deps).now),
        async (deps, values, extra) => {
          const people = [{}, { sio: SIO }, { sio: SIO, reportedBy: NIA }][extra % 3]!;
          const checked = checkNewIncident(deps, { formId: 'new-incident', context: {}, values }, people);
          if ('problems' in checked) throw new MusterError('invalid_input', 'refused', checked.problems);
          await openIncident(deps, checked.input);
        },
      );
    },
    TIMEOUT_MS,
  );

  it(
    'record-meeting: records the meeting or names the fields',
    async () => {
      await exercise(
        meetingInProgress,
        async (deps) => recordMeetingForm((await deps.store.getIncident(REF))!, fieldContext(deps).now),
        async (deps, values, extra) => {
          const submission = { formId: 'record-meeting', context: { reference: REF }, values };
          const chair = extra % 2 === 0 ? PEOPLE[String(values.chair)] : undefined;
          await recordMeeting(deps, recordMeetingInputFrom(submission, NIA, chair));
        },
      );
    },
    TIMEOUT_MS,
  );

  it(
    'action-update: adds the update or names the fields',
    async () => {
      await exercise(
        meetingInProgress,
        async (deps) => {
          const incident = (await deps.store.getIncident(REF))!;
          return actionUpdateForm(incident, incident.actions![0]!);
        },
        (deps, values) =>
          submitActionUpdate(
            deps,
            { formId: 'action-update', context: { reference: REF, actionNumber: '1.1' }, values },
            // The action's owner: only its lead agency, the SIO or a coordinator may change its RAG.
            SIO,
          ),
      );
    },
    TIMEOUT_MS,
  );
});
