import { describe, expect, it } from 'vitest';
import { auditTimelineBlocks } from '../../../../src/adapters/slack/blocks/audit-timeline-blocks.js';
import {
  actionListBlocks,
  checklistBlocks,
  meetingBlocks,
  messageFor,
} from '../../../../src/adapters/slack/blocks/index.js';
import { ACTIONS } from '../../../../src/adapters/slack/ids.js';
import { blockKitProblems, buttonsIn, mrkdwnTexts } from './block-limits.js';
import {
  actionListCard,
  actionRow,
  checklistCard,
  meetingCard,
  timelineCard,
} from './meeting-card-fixtures.js';

describe('meetingBlocks', () => {
  it('shows the meeting, when, its facts and the Start meeting button', () => {
    const card = meetingCard();
    const { blocks, text } = meetingBlocks(card);

    expect(blockKitProblems(blocks)).toEqual([]);
    expect(blocks[0]).toMatchObject({ type: 'header', text: { text: card.heading } });
    expect(mrkdwnTexts(blocks)).toEqual([
      '📅 *Thu 2 Sep 2027 10:00 BST*',
      '*Chair*\nDCI Priya Patel',
      '*Invited agencies*\nPolice, CSP, Children’s Services',
      '*Meeting id*\ninitial-1',
    ]);
    expect(buttonsIn(blocks)).toEqual([
      { actionId: ACTIONS.startMeeting, text: 'Start meeting', value: card.actions[0]!.value },
    ]);
    expect(text).toBe(`${card.heading}: Thu 2 Sep 2027 10:00 BST.`);
  });

  it('puts a missed deadline in bold with a warning sign, in the blocks and the notification text', () => {
    const warning =
      'This is after the protocol’s deadline for the initial meeting (Thu 2 Sep 2027 15:00 BST).';
    const { blocks, text } = meetingBlocks(meetingCard({ warning }));

    expect(mrkdwnTexts(blocks)).toContain(`:warning: *${warning}*`);
    expect(text).toContain(warning);
  });
});

describe('auditTimelineBlocks', () => {
  it('lists entries oldest first, one line each, under the paging note', () => {
    const card = timelineCard(3, { moreText: 'Showing the latest 3 of 212 entries.' });
    const { blocks } = auditTimelineBlocks(card);

    expect(mrkdwnTexts(blocks)[0]).toBe('Showing the latest 3 of 212 entries.');
    const lines = mrkdwnTexts(blocks)[1]!.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^\*Sat 28 Aug 2027 entry 1\* · DCI Priya Patel — Change number 1: /);
    expect(lines[2]).toMatch(/entry 3/);
  });

  it('chunks a long timeline into sections under 3000 characters, losing no entry', () => {
    const { blocks } = auditTimelineBlocks(timelineCard(50));

    expect(blockKitProblems(blocks)).toEqual([]);
    const sections = blocks.filter((b) => b.type === 'section');
    expect(sections.length).toBeGreaterThan(1);
    const all = mrkdwnTexts(blocks).join('\n');
    for (const n of [1, 25, 50]) expect(all).toContain(`entry ${n}*`);
  });

  it('says when nothing is recorded', () => {
    expect(mrkdwnTexts(auditTimelineBlocks(timelineCard(0)).blocks)).toEqual([
      '_Nothing has been recorded yet._',
    ]);
  });
});

describe('messageFor the issue-6 cards', () => {
  it('renders each with the renderer for its kind', () => {
    const list = actionListCard([actionRow(1)]);
    expect(messageFor(meetingCard())).toEqual(meetingBlocks(meetingCard()));
    expect(messageFor(checklistCard())).toEqual(checklistBlocks(checklistCard()));
    expect(messageFor(list)).toEqual(actionListBlocks(list));
    expect(messageFor(timelineCard(2))).toEqual(auditTimelineBlocks(timelineCard(2)));
  });
});
