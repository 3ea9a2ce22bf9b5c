/**
 * The round's card reaches every lead on every platform: a round start sends
 * one card per lead through `askPlanUpdate`, a chase sends it again marked as
 * a reminder, and one platform failing does not keep it from the others.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { importPlan } from '../../../src/app/plans/import-plan.js';
import { parsePlanButtonValue } from '../../../src/app/plans/plan-button-value.js';
import { cardNotifier } from '../../../src/app/plans/plan-notifier.js';
import { startPlanRound } from '../../../src/app/plans/plan-rounds.js';
import { runPlanRounds } from '../../../src/app/plans/run-plan-rounds.js';
import { InMemoryStore } from '../../fakes/in-memory-store.js';
import { RecordingPlatform } from '../../fakes/recording-platform.js';
import { testDeps } from '../harness.js';
import { COORDINATOR_REQUEST, fixture } from './plan-fixtures.js';

describe('cardNotifier', () => {
  let slack: RecordingPlatform;
  let teams: RecordingPlatform;
  let deps: ReturnType<typeof testDeps> & { notifier: ReturnType<typeof cardNotifier> };

  beforeEach(async () => {
    slack = new RecordingPlatform('slack');
    teams = new RecordingPlatform('teams');
    const base = testDeps(new InMemoryStore(), '2024-07-01T10:00:00+01:00');
    deps = { ...base, notifier: cardNotifier([slack, teams], base.directory) };
    await importPlan(deps, {
      planId: 'ashfield-2024',
      title: 'Ashfield plan',
      files: [await fixture('ashfield-actions.csv')],
      ...COORDINATOR_REQUEST,
    });
  });

  const start = () =>
    startPlanRound(deps, {
      planId: 'ashfield-2024',
      quarter: '2024/25 Q1',
      deadline: '2024-07-05',
      ...COORDINATOR_REQUEST,
    });

  it('sends one card per lead, on every platform, to the lead’s directory contact', async () => {
    await start();
    for (const platform of [slack, teams]) {
      expect(platform.notices).toEqual([]);
      expect(
        platform.planCards.map((p) => `${p.card.actionNumber} ${p.recipients.contacts.map((c) => c.id)}`),
      ).toEqual([
        '1.1 pat-police',
        '1.2 nia-nhft',
        '1.3 sam-school',
        '2.1 pat-police',
        '2.2 nia-nhft',
        '4.1 sam-school',
      ]);
    }
    const { card } = slack.planCards[2]!;
    expect(card).toMatchObject({
      kind: 'plan-update',
      planId: 'ashfield-2024',
      headline: '2024/25 Q1 update for action 1.3 of Ashfield plan',
      rag: 'amber',
      chase: false,
      howToAnswer: expect.stringContaining('/plan update ashfield-2024 1.3'),
    });
    expect(card.facts).toEqual([
      { label: 'RAG now', value: 'AMBER' },
      { label: 'Latest update', value: expect.stringContaining('Project has commenced') },
      { label: 'Answer by', value: 'Fri 5 Jul 2024 at 17:00' },
    ]);
    expect(card.actions.map((a) => [a.verb, a.label, parsePlanButtonValue(a.value)])).toEqual([
      ['plan-update', 'Red', { planId: 'ashfield-2024', actionNumber: '1.3', rag: 'red' }],
      ['plan-update', 'Amber', { planId: 'ashfield-2024', actionNumber: '1.3', rag: 'amber' }],
      ['plan-update', 'Green', { planId: 'ashfield-2024', actionNumber: '1.3', rag: 'green' }],
      ['plan-update', 'Update…', { planId: 'ashfield-2024', actionNumber: '1.3' }],
    ]);
  });

  it('sends the card again as a reminder when a lead is chased', async () => {
    await start();
    slack.planCards.length = 0;
    deps.clock.set('2024-07-02T09:30:00+01:00');
    await runPlanRounds(deps);
    expect(slack.planCards).toHaveLength(6);
    expect(slack.planCards.every((p) => p.card.chase)).toBe(true);
    expect(slack.planCards[0]!.card.headline).toBe(
      'Reminder: 2024/25 Q1 update for action 1.1 of Ashfield plan',
    );
  });

  it('still reaches the other platforms when one fails, and reports the failure', async () => {
    slack.failNext(1, 'askPlanUpdate');
    const lead = { id: 'contact:pat-police', name: 'Pat Police', contactId: 'pat-police' };
    await start().catch(() => undefined);
    const card = teams.planCards[0]!.card;
    teams.planCards.length = 0;
    slack.failNext(1, 'askPlanUpdate');
    await expect(deps.notifier.askForUpdate(lead, card)).rejects.toThrow('slack API unavailable');
    expect(teams.planCards.map((p) => p.card.actionNumber)).toEqual(['1.1']);
  });

  it('asks a lead the directory does not know by their platform identity', async () => {
    const stranger = { id: 'slack:U999', name: 'Sol Stranger' };
    await start();
    const card = slack.planCards[0]!.card;
    await deps.notifier.askForUpdate(stranger, card);
    expect(slack.planCards.at(-1)!.recipients).toEqual({ contacts: [], actors: [stranger] });
  });
});
