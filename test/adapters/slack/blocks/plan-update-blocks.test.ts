/**
 * The plan update card in Block Kit: the lead sees the action, its RAG,
 * latest update and deadline, and four buttons in one actions block whose
 * action ids differ (Slack refuses repeats in a block) and all answer to
 * PLAN_UPDATE_ACTIONS, each carrying the card's value back unchanged.
 */
import { describe, expect, it } from 'vitest';
import { planUpdateBlocks } from '../../../../src/adapters/slack/blocks/plan-update-blocks.js';
import { ACTIONS, PLAN_UPDATE_ACTIONS } from '../../../../src/adapters/slack/ids.js';
import { planUpdateSample } from '../../../cards/card-samples.js';
import { blockKitProblems } from './block-limits.js';

describe('planUpdateBlocks', () => {
  it('renders the card within Slack’s limits, its buttons in one block with distinct ids', () => {
    const card = planUpdateSample();
    const { text, blocks } = planUpdateBlocks(card);
    expect(text).toBe('2024/25 Q2 update for action 1.2 of Reducing Serious Violence Response Plan');
    expect(blockKitProblems(blocks)).toEqual([]);
    const actions = blocks.filter((b) => b.type === 'actions');
    expect(actions).toHaveLength(1);
    const buttons = (actions[0] as { elements: { action_id: string; value: string; style?: string }[] })
      .elements;
    expect(buttons.map((b) => b.action_id)).toEqual([
      `${ACTIONS.planUpdate}_red`,
      `${ACTIONS.planUpdate}_amber`,
      `${ACTIONS.planUpdate}_green`,
      ACTIONS.planUpdate,
    ]);
    expect(buttons.every((b) => PLAN_UPDATE_ACTIONS.test(b.action_id))).toBe(true);
    expect(buttons.map((b) => b.value)).toEqual(card.actions.map((a) => a.value));
    expect(buttons.map((b) => b.style)).toEqual(['danger', undefined, 'primary', undefined]);
    const shown = JSON.stringify(blocks);
    expect(shown).toContain('🟠 *Action 1.2:*');
    expect(shown).toContain('*Answer by*\\nFri 19 Jul 2024 at 17:00');
    expect(shown).toContain('/plan update ashfield-2024 1.2');
  });

  it('escapes what the plan says, so a description cannot ping the channel', () => {
    const card = { ...planUpdateSample(true), description: 'Tell <!channel> & parents' };
    const shown = JSON.stringify(planUpdateBlocks(card).blocks);
    expect(shown).toContain('Tell &lt;!channel&gt; &amp; parents');
    expect(planUpdateBlocks(card).text).toMatch(/^Reminder: /);
  });
});
