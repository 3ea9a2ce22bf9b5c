import { describe, expect, it } from 'vitest';
import { actionListBlocks } from '../../../../src/adapters/slack/blocks/action-list-blocks.js';
import { homeView } from '../../../../src/adapters/slack/blocks/home-blocks.js';
import { ACTIONS } from '../../../../src/adapters/slack/ids.js';
import type { HomeCard } from '../../../../src/app/cards/card-model.js';
import { blockKitProblems, buttonsIn, mrkdwnTexts } from './block-limits.js';
import { actionListCard, actionRow } from './meeting-card-fixtures.js';

describe('actionListBlocks', () => {
  it('shows each action on a row with lead, owner, due date, RAG and latest update, and an Add update button', () => {
    const { blocks, text } = actionListBlocks(
      actionListCard([actionRow(1), actionRow(2, { rag: 'red', ragText: 'RED', overdue: true })], {
        filterText: 'Filtered: lead agency Police',
        countsText: '1 red, 1 amber',
      }),
    );

    expect(blockKitProblems(blocks)).toEqual([]);
    expect(text).toBe('Action plan — SV-2027-0042: 1 red, 1 amber');
    expect(mrkdwnTexts(blocks)).toEqual([
      'Filtered: lead agency Police',
      '1 red, 1 amber',
      '*1. Community reassurance*\n*1.1* Action 1: visit the school &amp; reassure parents — Police · Pat Police · due Fri 10 Sep 2027 · :large_orange_circle: AMBER\n_Latest: Tue 31 Aug 2027, Pat Police: met the head teacher_',
      '*1.2* Action 2: visit the school &amp; reassure parents — Police · Pat Police · due Fri 10 Sep 2027 ⚠️ *overdue* · :red_circle: RED\n_Latest: Tue 31 Aug 2027, Pat Police: met the head teacher_',
    ]);
    expect(buttonsIn(blocks)).toEqual([
      { actionId: ACTIONS.addUpdate, text: 'Add update', value: expect.stringContaining('"1.1"') },
      { actionId: ACTIONS.addUpdate, text: 'Add update', value: expect.stringContaining('"1.2"') },
    ]);
  });

  it('names a priority once, above its first action, and shows the status of an action no longer open', () => {
    const rows = [
      actionRow(3),
      actionRow(4, { status: 'done', rag: 'green', ragText: 'GREEN', actions: [] }),
      actionRow(5),
    ];
    const texts = mrkdwnTexts(actionListBlocks(actionListCard(rows)).blocks);

    expect(texts.filter((t) => t.includes('*2. Safeguarding*'))).toHaveLength(1);
    expect(texts[2]).toContain('· done · :large_green_circle: GREEN');
    expect(buttonsIn(actionListBlocks(actionListCard(rows)).blocks)).toHaveLength(2);
  });

  it('shows the first 40 of a long plan and says where the rest are', () => {
    const rows = Array.from({ length: 45 }, (_, i) => actionRow(i + 1));
    const { blocks } = actionListBlocks(actionListCard(rows));

    expect(blockKitProblems(blocks)).toEqual([]);
    expect(buttonsIn(blocks)).toHaveLength(40);
    expect(mrkdwnTexts(blocks).at(-1)).toBe('…and 5 more: /incident export plan has them all.');
  });

  it('puts a coordinator’s Add update and Promote to plan in an actions block under each row, 20 rows at most', () => {
    const promotable = (n: number) => {
      const row = actionRow(n);
      const promote = {
        verb: 'promote-to-plan' as const,
        label: 'Promote to plan',
        value: row.actions[0]!.value,
      };
      return { ...row, actions: [...row.actions, promote] };
    };
    const { blocks } = actionListBlocks(
      actionListCard(Array.from({ length: 25 }, (_, i) => promotable(i + 1))),
    );

    expect(blockKitProblems(blocks)).toEqual([]);
    const rowBlocks = blocks.filter((b) => b.type === 'section' || b.type === 'actions');
    expect(rowBlocks.slice(0, 2).map((b) => b.type)).toEqual(['section', 'actions']);
    expect(rowBlocks[0]).not.toHaveProperty('accessory');
    expect(buttonsIn(blocks.slice(0, 4)).map((b) => [b.actionId, b.text])).toEqual([
      [ACTIONS.addUpdate, 'Add update'],
      [ACTIONS.promoteToPlan, 'Promote to plan'],
    ]);
    expect(buttonsIn(blocks)).toHaveLength(40);
    expect(mrkdwnTexts(blocks).at(-1)).toBe('…and 5 more: /incident export plan has them all.');
  });

  it('says so, helpfully, when there are no actions', () => {
    const { blocks } = actionListBlocks(actionListCard([], { countsText: 'no actions' }));

    expect(mrkdwnTexts(blocks)).toContain('_No actions yet: /incident action add_');
  });

  it('keeps a very long description within Slack’s limits', () => {
    const { blocks } = actionListBlocks(actionListCard([actionRow(1, { description: 'x'.repeat(5000) })]));

    expect(blockKitProblems(blocks)).toEqual([]);
  });
});

describe('homeView: my open actions', () => {
  const home = (actions: HomeCard['actions']): HomeCard => ({
    kind: 'home',
    heading: 'Muster: your incidents',
    incidents: [],
    deadlines: [],
    emptyText: 'Nothing needs you right now.',
    actions,
    actionsEmptyText: 'No open actions are yours.',
  });

  it('lists the person’s open actions with their incident and an Add update button', () => {
    const view = homeView(home([actionRow(1), actionRow(4, { reference: 'SV-2027-0007' })]));

    expect(blockKitProblems(view.blocks, 100)).toEqual([]);
    const texts = mrkdwnTexts(view.blocks);
    expect(texts).toContain('*Your open actions*');
    expect(texts).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\*SV-2027-0042\* · \*1\.1\* Action 1/),
        expect.stringMatching(/^\*SV-2027-0007\* · \*2\.4\* Action 4/),
      ]),
    );
    expect(buttonsIn(view.blocks).map((b) => b.actionId)).toEqual([ACTIONS.addUpdate, ACTIONS.addUpdate]);
  });

  it('stays within a view’s 100 blocks however many actions the person owns', () => {
    const view = homeView(home(Array.from({ length: 120 }, (_, i) => actionRow(i + 1))));

    expect(blockKitProblems(view.blocks, 100)).toEqual([]);
    expect(mrkdwnTexts(view.blocks).at(-1)).toMatch(/^…and 90 more/);
  });

  it('shows only the empty text when the person has nothing at all', () => {
    expect(mrkdwnTexts(homeView(home([])).blocks)).toEqual(['_Nothing needs you right now._']);
  });
});
