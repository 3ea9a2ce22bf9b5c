/**
 * Promote to plan from the incident side, as every platform drives it: the
 * action list shows the button to coordinators only; pressing it
 * (`pressCardButton`) opens the promote-to-plan form, or says there is no
 * plan yet, or refuses a non-coordinator; submitting it through the form
 * registry promotes the action (or lesson) with the link kept both ways, and
 * a refusal writes nothing.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { actionValue } from '../../../src/app/cards/action-value.js';
import type { ActionListCard } from '../../../src/app/cards/card-model.js';
import { actionsCommand } from '../../../src/app/commands/action-commands.js';
import type { CommandDeps } from '../../../src/app/commands/command-outcome.js';
import { registeredForm, submitRegisteredForm } from '../../../src/app/forms/form-registry.js';
import { NO_PLAN_YET, PROMOTE_TO_PLAN_FORM_ID } from '../../../src/app/forms/promote-to-plan-form.js';
import { pressCardButton } from '../../../src/app/interactions/press-card-button.js';
import { importPlan } from '../../../src/app/plans/import-plan.js';
import type { Actor } from '../../../src/core/actor.js';
import { isMusterError } from '../../../src/core/errors.js';
import type { Incident } from '../../../src/core/incident/incident.js';
import { InMemoryStore } from '../../fakes/in-memory-store.js';
import { RecordingPlatform } from '../../fakes/recording-platform.js';
import { makeAction } from '../../fixtures/action-factory.js';
import { COORDINATOR, testDeps } from '../harness.js';
import { incidentWithLessons, LESSONS } from '../plans/lesson-fixtures.js';
import { COORDINATOR_REQUEST, fixture } from '../plans/plan-fixtures.js';

const PAT: Actor = { id: 'slack:UPAT', name: 'Pat Police' };
const PAT_REQUESTER = { contactId: 'pat-police', isSpaceMember: true };
const CARA_REQUESTER = { contactId: 'cara-csp', isSpaceMember: false };

describe('promote to plan from the incident', () => {
  let deps: ReturnType<typeof testDeps> & CommandDeps;
  let incident: Incident;

  beforeEach(async () => {
    const base = testDeps(new InMemoryStore());
    deps = { ...base, platform: new RecordingPlatform() };
    incident = await deps.store.createIncident(
      incidentWithLessons({
        reference: 'SV-2027-0042',
        actions: [makeAction('1.2', { description: 'Lighting survey of the underpass', rag: 'amber' })],
      }),
    );
  });

  const importAshfield = async () =>
    importPlan(deps, {
      planId: 'ashfield-2024',
      title: 'Ashfield plan',
      files: [await fixture('ashfield-actions.csv')],
      ...COORDINATOR_REQUEST,
    });

  const press = (value: Parameters<typeof actionValue>[0], by: Actor, requester: typeof PAT_REQUESTER) =>
    pressCardButton(deps, {
      verb: 'promote-to-plan',
      value: actionValue(value),
      by,
      requester,
      platform: 'slack',
    });

  const submit = (
    values: Record<string, string | undefined>,
    context: Record<string, string>,
    by: Actor = COORDINATOR,
    requester = CARA_REQUESTER,
  ) =>
    submitRegisteredForm(deps, {
      submission: { formId: PROMOTE_TO_PLAN_FORM_ID, values, context },
      by,
      requester,
      resolveUser: async () => undefined,
    });

  it('puts Promote to plan on each row of the list a coordinator sees, not on anyone else’s', async () => {
    const words = { all: true };
    const listFor = async (by: Actor, requester: typeof PAT_REQUESTER) =>
      (await actionsCommand(deps, { incident, by, requester }, words)).card as ActionListCard;

    const coordinators = await listFor(COORDINATOR, CARA_REQUESTER);
    expect(coordinators.rows[0]?.actions.map((a) => a.verb)).toEqual(['add-update', 'promote-to-plan']);
    expect(JSON.parse(coordinators.rows[0]!.actions[1]!.value)).toEqual({
      reference: 'SV-2027-0042',
      actionNumber: '1.2',
    });
    const pats = await listFor(PAT, PAT_REQUESTER);
    expect(pats.rows[0]?.actions.map((a) => a.verb)).toEqual(['add-update']);
  });

  it('says there is no plan yet, opening nothing', async () => {
    const pressed = await press(
      { reference: 'SV-2027-0042', actionNumber: '1.2' },
      COORDINATOR,
      CARA_REQUESTER,
    );
    expect(pressed).toMatchObject({ message: NO_PLAN_YET, refreshCard: false });
    expect(pressed.form).toBeUndefined();
    expect(NO_PLAN_YET).toBe('No plan yet: a coordinator imports one with `npm run cli -- plan import`.');
  });

  it('opens the form with the plans and their priorities, the action’s own priority chosen', async () => {
    await importAshfield();
    const pressed = await press(
      { reference: 'SV-2027-0042', actionNumber: '1.2' },
      COORDINATOR,
      CARA_REQUESTER,
    );
    const form = pressed.form!;
    expect(form.id).toBe(PROMOTE_TO_PLAN_FORM_ID);
    expect(form.context).toEqual({ reference: 'SV-2027-0042', actionNumber: '1.2' });
    expect(form.intro).toContain('SV-2027-0042 action 1.2: “Lighting survey of the underpass”');
    const field = (id: string) => form.fields.find((f) => f.id === id);
    expect(field('planId')).toMatchObject({
      kind: 'select',
      choices: [{ value: 'ashfield-2024', label: 'Ashfield plan' }],
      initial: 'ashfield-2024',
    });
    expect(field('priorityNumber')?.choices?.map((c) => c.value)).toEqual(['1', '2', '4']);
    expect(field('priorityNumber')?.choices?.[1]?.label).toBe('2. System Approach');
    expect(field('priorityNumber')?.initial).toBe('1');
    expect(field('leadAgency')).toBeUndefined();
    // The registry rebuilds the same form from its context, to read what comes back.
    expect(await registeredForm(deps, PROMOTE_TO_PLAN_FORM_ID, form.context!)).toEqual(form);
  });

  it('promotes the action on submit, with the link kept both ways', async () => {
    await importAshfield();
    const outcome = await submit(
      { planId: 'ashfield-2024', priorityNumber: '2' },
      { reference: 'SV-2027-0042', actionNumber: '1.2' },
    );
    expect(outcome).toEqual({
      reference: 'SV-2027-0042',
      message: 'SV-2027-0042 action 1.2 is now action 2.3 of Ashfield plan; the link is kept on both sides.',
    });
    const plan = (await deps.store.getPlan('ashfield-2024'))!;
    expect(plan.actions.find((a) => a.number === '2.3')?.description).toBe(
      'Lighting survey of the underpass',
    );
    expect(plan.links).toEqual([
      expect.objectContaining({ incidentReference: 'SV-2027-0042', incidentActionNumber: '1.2' }),
    ]);
    expect((await deps.store.listEvents('SV-2027-0042')).at(-1)).toMatchObject({ type: 'action.promoted' });

    // Pressed again: it is in the plan already, so no form.
    const again = await press(
      { reference: 'SV-2027-0042', actionNumber: '1.2' },
      COORDINATOR,
      CARA_REQUESTER,
    );
    expect(again.form).toBeUndefined();
    expect(again.message).toBe(
      'Action 1.2 of SV-2027-0042 is already action 2.3 of Ashfield plan, so nothing was changed.',
    );
  });

  it('promotes a lesson with the lead agency asked for, the CSP chosen at first', async () => {
    await importAshfield();
    const pressed = await press({ reference: 'SV-2027-0042', lesson: 3 }, COORDINATOR, CARA_REQUESTER);
    expect(pressed.form?.context).toEqual({ reference: 'SV-2027-0042', lesson: '3' });
    expect(pressed.form?.intro).toContain(`Lesson 3 of SV-2027-0042’s final report: “${LESSONS[2]}”`);
    expect(pressed.form?.fields.find((f) => f.id === 'leadAgency')?.initial).toBe('csp');

    const outcome = await submit(
      { planId: 'ashfield-2024', priorityNumber: '4', leadAgency: 'police' },
      { reference: 'SV-2027-0042', lesson: '3' },
    );
    expect(outcome.message).toBe(
      'Lesson 3 of SV-2027-0042 is now action 4.2 of Ashfield plan; the link is kept on both sides.',
    );
    const plan = (await deps.store.getPlan('ashfield-2024'))!;
    expect(plan.actions.at(-1)).toMatchObject({ description: LESSONS[2], leadAgency: 'police' });
    expect(plan.links.at(-1)).toMatchObject({ incidentLessonNumber: 3 });
  });

  it('refuses a non-coordinator on pressing and on submitting, writing nothing', async () => {
    await importAshfield();
    const before = await deps.store.getPlan('ashfield-2024');
    const events = (await deps.store.listEvents('SV-2027-0042')).length;

    const pressed = await press({ reference: 'SV-2027-0042', actionNumber: '1.2' }, PAT, PAT_REQUESTER);
    expect(pressed).toMatchObject({
      refused: true,
      message: expect.stringContaining('Only CSP coordinators'),
    });
    expect(pressed.form).toBeUndefined();

    const submitted = await submit(
      { planId: 'ashfield-2024', priorityNumber: '2' },
      { reference: 'SV-2027-0042', actionNumber: '1.2' },
      PAT,
      PAT_REQUESTER,
    );
    expect(submitted).toMatchObject({
      refused: true,
      message:
        'Only CSP coordinators can promote into the strategic plan, so nothing was changed. Ask your coordinator to do it.',
    });
    expect(await deps.store.getPlan('ashfield-2024')).toEqual(before);
    expect(await deps.store.listEvents('SV-2027-0042')).toHaveLength(events);
  });

  it('puts a missing plan or a priority the plan does not have under its field', async () => {
    await importAshfield();
    const before = await deps.store.getPlan('ashfield-2024');
    const paths = async (values: Record<string, string | undefined>) => {
      const error = await submit(values, { reference: 'SV-2027-0042', actionNumber: '1.2' }).then(
        () => undefined,
        (e: unknown) => e,
      );
      return isMusterError(error) ? error.details.map((d) => d.path) : error;
    };
    expect(await paths({ priorityNumber: '2' })).toEqual(['planId']);
    expect(await paths({ planId: 'ashfield-2024', priorityNumber: '3' })).toEqual(['priorityNumber']);
    expect(await paths({ planId: 'nope', priorityNumber: '1' })).toEqual(['planId']);
    expect(await deps.store.getPlan('ashfield-2024')).toEqual(before);
  });
});
