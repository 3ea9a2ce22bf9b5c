import { describe, expect, it } from 'vitest';
import { reminderBlocks } from '../../../../src/adapters/slack/blocks/reminder-blocks.js';
import { ACTIONS } from '../../../../src/adapters/slack/ids.js';
import { blockKitProblems, buttonsIn, mrkdwnTexts } from './block-limits.js';
import { reminderCard } from './card-fixtures.js';

describe('reminderBlocks', () => {
  it('shows the headline and the due text', () => {
    const { blocks } = reminderBlocks(reminderCard());

    expect(blocks[0]).toEqual({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text:
          '⏰ *Initial Tactical Response Meeting due in 24 hours — SV-2027-0042*\n' +
          '⏳ Due Thu 2 Sep 2027 15:00 BST (due in 24 hours)',
      },
    });
  });

  it("quotes the protocol's description, line by line, in a context block", () => {
    const { blocks } = reminderBlocks(
      reminderCard({ description: 'Chaired by the SIO.\nUse <this> & that.' }),
    );

    expect(blocks[1]).toEqual({
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: '*The protocol says:*\n>Chaired by the SIO.\n>Use &lt;this&gt; &amp; that.',
        },
      ],
    });
  });

  it("maps each of the card's actions to its button, in order, with the card's value and style", () => {
    const card = reminderCard();
    const { blocks } = reminderBlocks(card);

    expect(buttonsIn(blocks)).toEqual([
      { actionId: ACTIONS.recordMeeting, value: card.actions[0]!.value, text: 'Record the initial meeting' },
      { actionId: ACTIONS.markDone, value: card.actions[1]!.value, text: 'Mark done' },
      { actionId: ACTIONS.snooze, value: card.actions[2]!.value, text: 'Snooze to next working day' },
    ]);
    expect(blocks.at(-1)).toMatchObject({ type: 'actions', elements: [{ style: 'primary' }, {}, {}] });
    expect((blocks.at(-1) as { elements: object[] }).elements[1]).not.toHaveProperty('style');
  });

  it('marks an escalation with a header and says so in the notification text', () => {
    const card = reminderCard({
      escalation: true,
      reminderKind: 'escalation',
      state: 'overdue',
      headline: 'Missed deadline: Initial Tactical Response Meeting was due 2 hours ago — SV-2027-0042',
    });
    const { text, blocks } = reminderBlocks(card);

    expect(blocks[0]).toMatchObject({
      type: 'header',
      text: { text: '🚨 Escalation: Initial Tactical Response Meeting missed' },
    });
    expect(mrkdwnTexts(blocks)[0]).toMatch(/^🚨 \*Missed deadline: .*\n⚠️ Due /);
    expect(text).toBe(`Escalation: ${card.headline}`);
  });

  it('has no header, quote or buttons it was not given', () => {
    const { blocks } = reminderBlocks(reminderCard({ description: undefined, actions: [] }));

    expect(blocks.map((b) => b.type)).toEqual(['section']);
  });

  it('stays valid with a very long description and button labels', () => {
    const card = reminderCard({
      description: 'word '.repeat(2000),
      actions: reminderCard().actions.map((a) => ({ ...a, label: a.label.repeat(10) })),
    });
    const { blocks } = reminderBlocks(card);

    expect(blockKitProblems(blocks)).toEqual([]);
    expect(buttonsIn(blocks).every((b) => b.text.length <= 75)).toBe(true);
  });
});
