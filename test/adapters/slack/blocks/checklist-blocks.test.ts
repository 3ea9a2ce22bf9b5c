import { describe, expect, it } from 'vitest';
import { checklistBlocks } from '../../../../src/adapters/slack/blocks/checklist-blocks.js';
import { chosenItemValue } from '../../../../src/adapters/slack/blocks/item-select.js';
import { ACTIONS } from '../../../../src/adapters/slack/ids.js';
import { parseActionValue } from '../../../../src/app/cards/action-value.js';
import { TOOLKIT_SECTIONS } from '../../../../src/core/meetings/toolkit-checklist.js';
import { blockKitProblems, buttonsIn, mrkdwnTexts } from './block-limits.js';
import { checklistCard, reviewChecklistCard } from './meeting-card-fixtures.js';

type Json = Record<string, unknown>;
interface Select {
  type: string;
  action_id: string;
  options: { text: { text: string }; value: string }[];
}

const selects = (blocks: unknown[]) =>
  (blocks as Json[])
    .filter((b) => (b.accessory as Json | undefined)?.type === 'static_select')
    .map((b) => ({ block: b, select: b.accessory as Select }));

describe('checklistBlocks', () => {
  it('fits the whole toolkit, with notes and decisions on every item, in one valid message', () => {
    const card = checklistCard({ notes: 3, decisions: 2 });
    const { blocks } = checklistBlocks(card);

    expect(blockKitProblems(blocks)).toEqual([]);
    expect(blocks.length).toBeLessThanOrEqual(50);
    // One section (with its select) per toolkit section, and nothing cut off.
    expect(selects(blocks)).toHaveLength(TOOLKIT_SECTIONS.length);
    expect(JSON.stringify(blocks)).not.toContain('not shown');
  });

  it('lists each section’s items with their state, assignee and note and decision counts', () => {
    const { blocks } = checklistBlocks(checklistCard({ notes: 2, decisions: 1 }));
    const reporting = mrkdwnTexts(blocks).find((t) => t.startsWith('*Incident reporting*'))!;

    expect(reporting.split('\n')[0]).toBe('*Incident reporting* · 1 of 5 done');
    expect(reporting).toContain(
      '✅ Ensure immediate response is in place — _Assigned to Children’s Services_ · 2 notes · 1 decision',
    );
    expect(reporting).toContain('⬜ Ensure all key stakeholders have been/are being informed — ');
  });

  it('offers every item in its section’s select, carrying the item’s work-item value within 150 characters', () => {
    const card = checklistCard();
    const { blocks } = checklistBlocks(card);

    for (const [i, { select, block }] of selects(blocks).entries()) {
      const section = card.sections[i]!;
      expect(select.action_id).toBe(ACTIONS.workItem);
      expect(block.block_id).toBeUndefined();
      expect(select.options.map((o) => o.value)).toEqual(
        section.items.map((item) => item.actions.find((a) => a.verb === 'work-item')!.value),
      );
      for (const option of select.options) {
        expect(option.value.length).toBeLessThanOrEqual(150);
        expect(option.text.text.length).toBeLessThanOrEqual(75);
      }
    }
  });

  it('renders no Tick buttons (the item form ticks on Slack), and the meeting’s own buttons at the end', () => {
    const { blocks } = checklistBlocks(reviewChecklistCard());
    const buttons = buttonsIn(blocks);

    expect(buttons.some((b) => b.actionId === ACTIONS.tickItem)).toBe(false);
    expect(buttons.map((b) => b.actionId)).toEqual([
      ACTIONS.recordAttendance,
      ACTIONS.signsOfSafety,
      ACTIONS.endMeeting,
    ]);
    expect(blocks.at(-1)?.type).toBe('actions');
  });

  it('shows attendance by agency and the Signs of Safety columns and scale of a review meeting', () => {
    const { blocks } = checklistBlocks(reviewChecklistCard(['Retaliation <online> & at school']));
    const texts = mrkdwnTexts(blocks);

    expect(texts).toContain(
      '👥 *Attendance:* 2 present, 1 apologies\nPresent: Police (Pat Police), CSP (Cara CSP)\nApologies: Schools (Sam School)',
    );
    expect(texts).toContain('*What are we worried about?*\n• Retaliation &lt;online&gt; &amp; at school');
    expect(texts).toContain("*What's working well?*\n_nothing yet_");
    expect(texts).toContain('*Signs of Safety* · Scale: 6/10');
  });

  it('shows an ended meeting with no select and no buttons', () => {
    const { blocks, text } = checklistBlocks(checklistCard({ ended: true, notes: 1 }));

    expect(selects(blocks)).toEqual([]);
    expect(buttonsIn(blocks)).toEqual([]);
    expect(blocks.some((b) => b.type === 'actions')).toBe(false);
    expect(text).toContain('Ended 11:31');
    expect(blockKitProblems(blocks)).toEqual([]);
  });

  it('splits a section too long for one block, keeping the select on its first block', () => {
    const card = checklistCard({ itemText: (t) => `${t} ${'with a great deal of detail '.repeat(30)}` });
    const { blocks } = checklistBlocks(card);

    expect(blockKitProblems(blocks)).toEqual([]);
    expect(selects(blocks)).toHaveLength(TOOLKIT_SECTIONS.length);
    const texts = mrkdwnTexts(blocks);
    expect(texts.filter((t) => t.startsWith('*Incident categorisation*'))).toHaveLength(1);
    expect(texts.join('\n')).toContain('Hold critical incident/key partners meeting');
  });

  it('escapes item texts so they cannot ping the channel', () => {
    const { blocks } = checklistBlocks(checklistCard({ itemText: (t) => `${t} <!channel>` }));

    expect(mrkdwnTexts(blocks).join('\n')).not.toContain('<!channel>');
  });

  it('splits values too long for an option between the option and the block id, and reads them back whole', () => {
    const long = (name: string) => `${name}-${'x'.repeat(50)}`;
    const sections = [
      {
        id: long('section'),
        title: 'A section of a CSP’s own checklist',
        items: [1, 2, 3].map((n) => ({ id: long(`item-${n}`), text: `Item ${n}` })),
      },
    ];
    const card = checklistCard({ meetingId: `initial-${'9'.repeat(30)}`, sections });
    const { blocks } = checklistBlocks(card);

    expect(blockKitProblems(blocks)).toEqual([]);
    const [{ block, select }] = selects(blocks) as [{ block: Json; select: Select }];
    const item = card.sections[0]!.items[2]!;
    const original = item.actions.find((a) => a.verb === 'work-item')!.value;
    expect(original.length).toBeGreaterThan(150);
    const option = select.options[2]!;
    expect(option.value.length).toBeLessThanOrEqual(150);
    const value = chosenItemValue(option.value, String(block.block_id));
    expect(parseActionValue(value)).toEqual(parseActionValue(original));
  });
});

describe('chosenItemValue', () => {
  it('passes an ordinary option value through unchanged', () => {
    expect(chosenItemValue('{"reference":"SV-2027-0042"}', 'block-1')).toBe('{"reference":"SV-2027-0042"}');
    expect(chosenItemValue(undefined, undefined)).toBe('');
  });

  it('passes an unreadable value on for the app to refuse', () => {
    expect(chosenItemValue('not json', 'muster_items:{"reference":"SV-2027-0042"}')).toBe('not json');
  });
});
