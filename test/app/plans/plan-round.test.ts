import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importPlan } from '../../../src/app/plans/import-plan.js';
import type { PlanNotifier } from '../../../src/app/plans/plan-notifier.js';
import { answerPlanRound, planRoundStatus, startPlanRound } from '../../../src/app/plans/plan-rounds.js';
import type { PlanUpdateCard } from '../../../src/app/plans/plan-update-card.js';
import { runPlanRounds } from '../../../src/app/plans/run-plan-rounds.js';
import type { Actor } from '../../../src/core/actor.js';
import { isMusterError } from '../../../src/core/errors.js';
import type { Store } from '../../../src/ports.js';
import { STORES, testDeps } from '../harness.js';
import { COORDINATOR_REQUEST, fixture } from './plan-fixtures.js';

class RecordingNotifier implements PlanNotifier {
  readonly sent: { lead: Actor; card: PlanUpdateCard }[] = [];
  async askForUpdate(lead: Actor, card: PlanUpdateCard): Promise<void> {
    this.sent.push({ lead, card });
  }
  take(): string[] {
    const lines = this.sent.map(
      (s) => `${s.card.chase ? 'chase' : 'ask'} ${s.card.actionNumber} ${s.lead.contactId}`,
    );
    this.sent.length = 0;
    return lines;
  }
}

const lead = (contactId: string, name: string) => ({
  by: { id: `contact:${contactId}`, name, contactId },
  requester: { contactId },
});
const PAT = lead('pat-police', 'Pat Police');
const NIA = lead('nia-nhft', 'Nia NHFT');
const SAM = lead('sam-school', 'Sam School');

async function refusalOf(promise: Promise<unknown>): Promise<{ message: string; paths: string[] }> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isMusterError(error)) throw new Error(`expected a refusal, got ${String(error)}`);
  return { message: error.message, paths: error.details.map((d) => d.path) };
}

describe.each(STORES)('quarterly update round ($name)', (factory) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let deps: ReturnType<typeof testDeps> & { notifier: RecordingNotifier };

  beforeEach(async () => {
    ({ store, cleanup } = await factory.open());
    deps = { ...testDeps(store, '2024-07-01T10:00:00+01:00'), notifier: new RecordingNotifier() };
    await importPlan(deps, {
      planId: 'ashfield-2024',
      files: [await fixture('ashfield-actions.csv')],
      ...COORDINATOR_REQUEST,
    });
  });
  afterEach(async () => cleanup());

  const at = (iso: string) => deps.clock.set(iso);
  const answer = (who: typeof PAT, actionNumber: string, rag: string, text = 'Progress made.') =>
    answerPlanRound(deps, { planId: 'ashfield-2024', actionNumber, rag, text, ...who });

  it('asks every lead, chases non-responders once per working day, closes at the deadline and takes late answers', async () => {
    const started = await startPlanRound(deps, {
      planId: 'ashfield-2024',
      quarter: '2024/25 Q1',
      deadline: '2024-07-08',
      ...COORDINATOR_REQUEST,
    });
    expect(started.round.deadline).toBe('2024-07-08T16:00:00.000Z'); // 17:00 BST
    expect(deps.notifier.take()).toEqual([
      'ask 1.1 pat-police',
      'ask 1.2 nia-nhft',
      'ask 1.3 sam-school',
      'ask 2.1 pat-police',
      'ask 2.2 nia-nhft',
      'ask 4.1 sam-school',
    ]);

    at('2024-07-01T11:00:00+01:00');
    const first = await answer(PAT, '1.1', 'amber', 'Citizens Advice funding agreed.');
    expect(first.late).toBe(false);
    at('2024-07-01T15:00:00+01:00');
    await runPlanRounds(deps);
    expect(deps.notifier.take()).toEqual([]); // not on the day the round started

    at('2024-07-02T08:30:00+01:00');
    await runPlanRounds(deps);
    expect(deps.notifier.take()).toEqual([]); // before 09:00

    at('2024-07-02T09:05:00+01:00');
    const tuesday = await runPlanRounds(deps);
    expect(tuesday.chased).toEqual([
      { planId: 'ashfield-2024', roundId: 'R1', actionNumbers: ['1.2', '1.3', '2.1', '2.2', '4.1'] },
    ]);
    expect(deps.notifier.take()).toEqual([
      'chase 1.2 nia-nhft',
      'chase 1.3 sam-school',
      'chase 2.1 pat-police',
      'chase 2.2 nia-nhft',
      'chase 4.1 sam-school',
    ]);
    at('2024-07-02T16:00:00+01:00');
    await runPlanRounds(deps);
    expect(deps.notifier.take()).toEqual([]); // once a day

    await answer(NIA, '1.2', 'green');
    await answer(NIA, '2.2', 'green');
    await answer(PAT, '2.1', 'red', 'Review not started: no officer.');

    at('2024-07-06T10:00:00+01:00'); // Saturday
    await runPlanRounds(deps);
    expect(deps.notifier.take()).toEqual([]);

    at('2024-07-08T09:30:00+01:00'); // Monday, deadline day
    await runPlanRounds(deps);
    expect(deps.notifier.take()).toEqual(['chase 1.3 sam-school', 'chase 4.1 sam-school']);

    at('2024-07-08T17:01:00+01:00');
    const closing = await runPlanRounds(deps);
    expect(closing.closed.map((c) => `${c.planId} ${c.round.id} ${c.round.status}`)).toEqual([
      'ashfield-2024 R1 closed',
    ]);
    expect(deps.notifier.take()).toEqual([]);

    const status = await planRoundStatus(deps, 'ashfield-2024');
    expect(status.round.status).toBe('closed');
    expect(status.answered.map((q) => q.actionNumber)).toEqual(['1.1', '1.2', '2.1', '2.2']);
    expect(status.waiting.map((q) => `${q.actionNumber} ${q.chasedOn.join(',')}`)).toEqual([
      '1.3 2024-07-02,2024-07-08',
      '4.1 2024-07-02,2024-07-08',
    ]);

    at('2024-07-09T10:00:00+01:00');
    const late = await answer(SAM, '1.3', 'green', 'Safer Streets 5 delivered.');
    expect(late.late).toBe(true);
    const action = late.plan.actions.find((a) => a.number === '1.3')!;
    expect(action.rag).toBe('green');
    expect(action.updates.at(-1)).toMatchObject({ text: 'Safer Streets 5 delivered.', previousRag: 'amber' });
    const after = await planRoundStatus(deps, 'ashfield-2024');
    expect(after.answered.find((q) => q.actionNumber === '1.3')).toMatchObject({ late: true });
    expect(after.waiting.map((q) => q.actionNumber)).toEqual(['4.1']);
    at('2024-07-10T10:00:00+01:00');
    await runPlanRounds(deps);
    expect(deps.notifier.take()).toEqual([]); // a closed round is not chased
  });

  it('refuses a second round while one is open, a non-coordinator, and bad deadlines, changing nothing', async () => {
    const before = await store.getPlan('ashfield-2024');
    const notCoordinator = await refusalOf(
      startPlanRound(deps, { planId: 'ashfield-2024', quarter: 'Q1', deadline: '2024-07-08', ...PAT }),
    );
    expect(notCoordinator.message).toContain('Only CSP coordinators can start an update round');
    const badDate = await refusalOf(
      startPlanRound(deps, {
        planId: 'ashfield-2024',
        quarter: 'Q1',
        deadline: 'next friday',
        ...COORDINATOR_REQUEST,
      }),
    );
    expect(badDate.paths).toEqual(['deadline']);
    const past = await refusalOf(
      startPlanRound(deps, {
        planId: 'ashfield-2024',
        quarter: 'Q1',
        deadline: '2024-06-28',
        ...COORDINATOR_REQUEST,
      }),
    );
    expect(past.paths).toEqual(['deadline']);
    const noQuarter = await refusalOf(
      startPlanRound(deps, {
        planId: 'ashfield-2024',
        quarter: ' ',
        deadline: '2024-07-08',
        ...COORDINATOR_REQUEST,
      }),
    );
    expect(noQuarter.paths).toEqual(['quarter']);
    expect(await store.getPlan('ashfield-2024')).toEqual(before);
    expect(deps.notifier.take()).toEqual([]);

    await startPlanRound(deps, {
      planId: 'ashfield-2024',
      quarter: 'Q1',
      deadline: '2024-07-08',
      ...COORDINATOR_REQUEST,
    });
    const again = await refusalOf(
      startPlanRound(deps, {
        planId: 'ashfield-2024',
        quarter: 'Q2',
        deadline: '2024-07-09',
        ...COORDINATOR_REQUEST,
      }),
    );
    expect(again.message).toContain('round is still open');
  });

  it('refuses an answer from someone who does not lead the action, a bad RAG or no text, changing nothing', async () => {
    await startPlanRound(deps, {
      planId: 'ashfield-2024',
      quarter: 'Q1',
      deadline: '2024-07-08',
      ...COORDINATOR_REQUEST,
    });
    const before = await store.getPlan('ashfield-2024');
    expect((await refusalOf(answer(SAM, '1.1', 'green'))).paths).toEqual(['actionNumber']);
    expect((await refusalOf(answer(PAT, '1.1', 'purple'))).paths).toEqual(['rag']);
    expect((await refusalOf(answer(PAT, '1.1', 'green', '  '))).paths).toEqual(['progress']);
    expect((await refusalOf(answer(PAT, '9.9', 'green'))).paths).toEqual(['actionNumber']);
    expect(await store.getPlan('ashfield-2024')).toEqual(before);
  });

  it('lets a coordinator answer for a lead, and says when no round has been started', async () => {
    expect((await refusalOf(planRoundStatus(deps, 'ashfield-2024'))).message).toContain('No update round');
    const { plan } = await answerPlanRound(deps, {
      planId: 'ashfield-2024',
      actionNumber: '4.1',
      rag: 'g',
      text: 'Framework agreed at the board.',
      ...COORDINATOR_REQUEST,
    });
    expect(plan.actions.find((a) => a.number === '4.1')?.rag).toBe('green');
  });
});
