/**
 * The plan update form, submitted through the form registry as every
 * platform does: the lead's answer moves the RAG and records the update
 * (late once the round has closed), anyone else is refused, bad answers come
 * back under their fields, and in each refusal the plan is left as it was.
 * The card's buttons (`pressPlanButton`) open it with the RAG chosen.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { CommandDeps } from '../../../src/app/commands/command-outcome.js';
import { registeredForm, submitRegisteredForm } from '../../../src/app/forms/form-registry.js';
import { PLAN_UPDATE_FORM_ID } from '../../../src/app/forms/plan-update-form.js';
import { importPlan } from '../../../src/app/plans/import-plan.js';
import { planButtonValue } from '../../../src/app/plans/plan-button-value.js';
import { startPlanRound } from '../../../src/app/plans/plan-rounds.js';
import { pressPlanButton } from '../../../src/app/plans/press-plan-button.js';
import { runPlanRounds } from '../../../src/app/plans/run-plan-rounds.js';
import type { Actor } from '../../../src/core/actor.js';
import { isMusterError } from '../../../src/core/errors.js';
import { InMemoryStore } from '../../fakes/in-memory-store.js';
import { RecordingPlatform } from '../../fakes/recording-platform.js';
import { testDeps } from '../harness.js';
import { COORDINATOR_REQUEST, fixture } from '../plans/plan-fixtures.js';

const PLAN = 'ashfield-2024';
/** Sam answers from Slack: the actor has no contact id, the platform found the contact. */
const SAM: Actor = { id: 'slack:USAM', name: 'Sam School' };
const SAM_REQUESTER = { contactId: 'sam-school', email: 'sam@school.example' };
const PAT: Actor = { id: 'slack:UPAT', name: 'Pat Police' };

describe('the plan update form', () => {
  let deps: ReturnType<typeof testDeps> & CommandDeps & { notifier: { askForUpdate: () => Promise<void> } };

  beforeEach(async () => {
    const base = testDeps(new InMemoryStore(), '2024-07-01T10:00:00+01:00');
    deps = { ...base, platform: new RecordingPlatform(), notifier: { askForUpdate: async () => {} } };
    await importPlan(deps, {
      planId: PLAN,
      files: [await fixture('ashfield-actions.csv')],
      ...COORDINATOR_REQUEST,
    });
    await startPlanRound(deps, {
      planId: PLAN,
      quarter: '2024/25 Q2',
      deadline: '2024-07-05',
      ...COORDINATOR_REQUEST,
    });
  });

  const submit = (
    values: Record<string, string | undefined>,
    who: { by: Actor; requester: { contactId?: string; email?: string } } = {
      by: SAM,
      requester: SAM_REQUESTER,
    },
    actionNumber = '1.3',
  ) =>
    submitRegisteredForm(deps, {
      submission: { formId: PLAN_UPDATE_FORM_ID, values, context: { planId: PLAN, actionNumber } },
      by: who.by,
      requester: { ...who.requester, isSpaceMember: false },
      resolveUser: async () => undefined,
    });

  const action = async (number: string) =>
    (await deps.store.getPlan(PLAN))!.actions.find((a) => a.number === number)!;

  it('records the lead’s answer, moves the RAG and says so', async () => {
    const outcome = await submit({ rag: 'red', progress: 'Funding delayed to Q3.' });
    expect(outcome).toEqual({ message: 'Thanks — action 1.3 is now RED for 2024/25 Q2.' });
    const answered = await action('1.3');
    expect(answered.rag).toBe('red');
    expect(answered.updates.at(-1)).toMatchObject({
      text: 'Funding delayed to Q3.',
      previousRag: 'amber',
      by: { id: 'slack:USAM', contactId: 'sam-school' },
    });
    const round = (await deps.store.getPlan(PLAN))!.rounds[0]!;
    expect(round.requests.find((q) => q.actionNumber === '1.3')).toMatchObject({
      answeredAt: expect.any(String),
    });
  });

  it('finds the lead by email when the platform gave no contact id', async () => {
    const outcome = await submit(
      { rag: 'green', progress: 'Done.' },
      { by: SAM, requester: { email: 'SAM@school.example' } },
    );
    expect(outcome.message).toBe('Thanks — action 1.3 is now GREEN for 2024/25 Q2.');
  });

  it('refuses someone who does not lead the action, changing nothing', async () => {
    const before = await deps.store.getPlan(PLAN);
    const outcome = await submit(
      { rag: 'green', progress: 'Done.' },
      { by: PAT, requester: { contactId: 'pat-police' } },
    );
    expect(outcome).toEqual({
      refused: true,
      message:
        'Only Sam School (the lead for 1.3) or a CSP coordinator can update it, so nothing was changed.',
    });
    expect(await deps.store.getPlan(PLAN)).toEqual(before);
  });

  it('lets a coordinator answer for the lead', async () => {
    const outcome = await submit({ rag: 'amber', progress: 'Chased the board.' }, COORDINATOR_REQUEST);
    expect(outcome.message).toBe('Thanks — action 1.3 is now AMBER for 2024/25 Q2.');
  });

  it('refuses a missing RAG and progress under their fields, writing nothing', async () => {
    const before = await deps.store.getPlan(PLAN);
    const error = await submit({ rag: undefined, progress: '  ' }).catch((e: unknown) => e);
    expect(isMusterError(error, 'invalid_input')).toBe(true);
    expect(isMusterError(error) && error.details.map((d) => d.path)).toEqual(['rag', 'progress']);
    const purple = await submit({ rag: 'purple', progress: 'x' }).catch((e: unknown) => e);
    expect(isMusterError(purple) && purple.details).toEqual([
      { path: 'rag', message: expect.stringContaining('"purple" is not a RAG rating') },
    ]);
    expect(await deps.store.getPlan(PLAN)).toEqual(before);
  });

  it('takes an answer after the round closed and marks it late', async () => {
    deps.clock.set('2024-07-05T17:01:00+01:00');
    await runPlanRounds(deps);
    deps.clock.set('2024-07-08T10:00:00+01:00');
    const outcome = await submit({ rag: 'green', progress: 'Delivered.' });
    expect(outcome.message).toBe(
      'Thanks — action 1.3 is now GREEN for 2024/25 Q2. It is recorded as late: the 2024/25 Q2 round had closed.',
    );
    const round = (await deps.store.getPlan(PLAN))!.rounds[0]!;
    expect(round.status).toBe('closed');
    expect(round.requests.find((q) => q.actionNumber === '1.3')).toMatchObject({ late: true });
  });

  it('is rebuilt from its context with the RAG fields and the round’s deadline', async () => {
    const form = await registeredForm(deps, PLAN_UPDATE_FORM_ID, { planId: PLAN, actionNumber: '1.3' });
    expect(form.context).toEqual({ planId: PLAN, actionNumber: '1.3' });
    expect(form.fields.map((f) => [f.id, f.kind, f.required, f.initial])).toEqual([
      ['rag', 'select', true, 'amber'],
      ['progress', 'textarea', true, undefined],
    ]);
    expect(form.fields[0]!.choices!.map((c) => c.value)).toEqual(['red', 'amber', 'green']);
    expect(form.intro).toContain('The 2024/25 Q2 round closes Fri 5 Jul 2024 at 17:00.');
  });
});

describe('pressPlanButton', () => {
  let deps: CommandDeps;

  beforeEach(async () => {
    deps = {
      ...testDeps(new InMemoryStore(), '2024-07-01T10:00:00+01:00'),
      platform: new RecordingPlatform(),
    };
    await importPlan(deps, {
      planId: PLAN,
      files: [await fixture('ashfield-actions.csv')],
      ...COORDINATOR_REQUEST,
    });
  });

  const press = (value: string, by: Actor = SAM, requester: { contactId?: string } = SAM_REQUESTER) =>
    pressPlanButton(deps, { value, by, requester });

  it('opens the form for the lead with the RAG of the button chosen, or the RAG now for Update…', async () => {
    const green = await press(planButtonValue({ planId: PLAN, actionNumber: '1.3', rag: 'green' }));
    expect(green.form).toMatchObject({
      id: PLAN_UPDATE_FORM_ID,
      context: { planId: PLAN, actionNumber: '1.3' },
    });
    expect(green.form!.fields[0]).toMatchObject({ id: 'rag', initial: 'green' });
    const update = await press(planButtonValue({ planId: PLAN, actionNumber: '1.3' }));
    expect(update.form!.fields[0]).toMatchObject({ id: 'rag', initial: 'amber' });
  });

  it('opens nothing for someone else, and says who may answer', async () => {
    const outcome = await press(planButtonValue({ planId: PLAN, actionNumber: '1.3', rag: 'red' }), PAT, {
      contactId: 'pat-police',
    });
    expect(outcome).toMatchObject({ refused: true, message: expect.stringContaining('Only Sam School') });
    expect(outcome.form).toBeUndefined();
  });

  it('refuses a forged or stale value as bad input', async () => {
    await expect(press('{"planId":"ashfield-2024"}')).rejects.toSatisfy((e) =>
      isMusterError(e, 'invalid_input'),
    );
    await expect(press(planButtonValue({ planId: 'gone-plan', actionNumber: '1.1' }))).rejects.toThrow(
      'There is no plan "gone-plan"',
    );
  });
});
