import { describe, expect, it } from 'vitest';
import { incidentBlocks } from '../../../../src/adapters/slack/blocks/incident-blocks.js';
import { ACTIONS } from '../../../../src/adapters/slack/ids.js';
import { blockKitProblems, buttonsIn, mrkdwnTexts } from './block-limits.js';
import { agencyRow, incidentCard } from './card-fixtures.js';

const agencies = (count: number, acknowledged: (n: number) => boolean = () => false) =>
  Array.from({ length: count }, (_, i) => agencyRow(i + 1, acknowledged(i + 1)));

describe('incidentBlocks', () => {
  it('heads the card with the reference, title and status, and lists the facts as fields', () => {
    const { blocks } = incidentBlocks(incidentCard());

    expect(blocks[0]).toEqual({
      type: 'header',
      text: {
        type: 'plain_text',
        text: 'SV-2027-0042 · Stabbing, Market Street · Open: initial meeting to arrange',
        emoji: true,
      },
    });
    expect(blocks[1]).toMatchObject({
      type: 'section',
      fields: [
        { type: 'mrkdwn', text: '*When*\nFri 27 Aug 2027 15:00 BST' },
        { text: '*CSP area*\nCorby' },
        { text: '*Location*\nMarket Street' },
        { text: '*What happened*\nYoung man injured outside a takeaway.' },
      ],
    });
  });

  it('shows each milestone with its due text and an emoji for its state', () => {
    const timeline = mrkdwnTexts(incidentBlocks(incidentCard()).blocks).find((t) =>
      t.startsWith('*Timeline*'),
    );

    expect(timeline?.split('\n')).toEqual([
      '*Timeline*',
      '✅ *SIO notifies the CSP* — Sat 28 Aug 2027 03:00 BST · _met_',
      '⏳ *Initial Tactical Response Meeting* — Thu 2 Sep 2027 15:00 BST · _due in 2 days_',
      '⚠️ *Minutes and action plan* — Fri 20 Aug 2027 17:00 BST · _overdue by 3 hours_',
      '▫️ *Review meeting* — not yet scheduled · _after the initial meeting_',
    ]);
  });

  it('gives each unacknowledged agency an Acknowledge button carrying its value, and none to acknowledged ones', () => {
    const card = incidentCard();
    const buttons = buttonsIn(incidentBlocks(card).blocks);

    expect(buttons).toEqual([
      {
        actionId: ACTIONS.acknowledge,
        value: card.agencies[1]!.action!.value,
        text: 'Acknowledge for Agency number 2',
      },
      {
        actionId: ACTIONS.acknowledge,
        value: card.agencies[2]!.action!.value,
        text: 'Acknowledge for Agency number 3',
      },
    ]);
    expect(buttons.some((b) => b.value.includes('agency-1'))).toBe(false);
  });

  it('shows who acknowledged for an agency and when', () => {
    const texts = mrkdwnTexts(incidentBlocks(incidentCard()).blocks);

    expect(texts).toContain(
      '✅ *Agency number 1* · Lists 1 and 2 — acknowledged by Person 1, Thu 2 Sep 2027 15:00 BST',
    );
    expect(texts).toContain('⏳ *Agency number 2* · List 1 — not yet acknowledged');
  });

  it('says how many agencies have acknowledged, above the agencies', () => {
    const { blocks } = incidentBlocks(incidentCard());
    const context = blocks.findIndex((b) => b.type === 'context');

    expect(blocks[context]).toEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: '1 of 3 agencies have acknowledged' }],
    });
    expect(blocks.findIndex((b) => b.type === 'section' && 'accessory' in b)).toBeGreaterThan(context);
  });

  it('renders 40 unacknowledged agencies as a valid message with a button for each', () => {
    const { blocks } = incidentBlocks(incidentCard({ agencies: agencies(40) }));

    expect(blockKitProblems(blocks)).toEqual([]);
    expect(buttonsIn(blocks)).toHaveLength(40);
    expect(new Set(buttonsIn(blocks).map((b) => b.value)).size).toBe(40);
  });

  it('renders 40 agencies, half acknowledged, as a valid message with buttons for the other half', () => {
    const { blocks } = incidentBlocks(incidentCard({ agencies: agencies(40, (n) => n % 2 === 0) }));

    expect(blockKitProblems(blocks)).toEqual([]);
    expect(buttonsIn(blocks).map((b) => JSON.parse(b.value).agencyId)).toEqual(
      agencies(40)
        .filter((_, i) => (i + 1) % 2 === 1)
        .map((a) => a.agencyId),
    );
    expect(
      mrkdwnTexts(blocks)
        .join('\n')
        .match(/acknowledged by/g),
    ).toHaveLength(20);
  });

  it('lists agencies beyond the block limit without a button, with a note, and stays valid', () => {
    const { blocks } = incidentBlocks(incidentCard({ agencies: agencies(80) }));
    const text = mrkdwnTexts(blocks).join('\n');

    expect(blockKitProblems(blocks)).toEqual([]);
    expect(buttonsIn(blocks).length).toBeGreaterThan(30);
    for (let n = 1; n <= 80; n += 1) expect(text).toContain(`*Agency number ${n}*`);
    expect(text).toContain(`Acknowledge buttons for ${80 - buttonsIn(blocks).length} more agencies appear`);
  });

  it('splits many facts and a long timeline over several sections within the limits', () => {
    const facts = Array.from({ length: 23 }, (_, i) => ({ label: `Fact ${i}`, value: 'x'.repeat(2500) }));
    const timeline = Array.from({ length: 60 }, (_, i) => ({
      ...incidentCard().timeline[1]!,
      milestoneId: `m-${i}`,
      title: `Milestone ${i} ${'y'.repeat(80)}`,
    }));
    const { blocks } = incidentBlocks(incidentCard({ facts, timeline, agencies: agencies(40) }));

    expect(blockKitProblems(blocks)).toEqual([]);
    expect(blocks.filter((b) => b.type === 'section' && 'fields' in b)).toHaveLength(3);
  });

  it('escapes user input in mrkdwn so it cannot ping or link', () => {
    const card = incidentCard({
      title: 'Fight <!channel> & more',
      facts: [{ label: 'Location', value: '<https://evil.example|click> & <@U123>' }],
      agencies: [{ ...agencyRow(1, true), name: 'A&E <b>', acknowledgedBy: '<!here>' }],
    });
    const { text, blocks } = incidentBlocks(card);
    const texts = mrkdwnTexts(blocks);

    for (const t of [text, ...texts]) {
      expect(t).not.toMatch(/[<>]/);
      expect(t).not.toMatch(/&(?!amp;|lt;|gt;)/);
    }
    expect(texts).toContain('*Location*\n&lt;https://evil.example|click&gt; &amp; &lt;@U123&gt;');
    expect(text).toContain('Fight &lt;!channel&gt; &amp; more');
  });

  it('keeps the reference and status in the header when the title is very long', () => {
    const { blocks } = incidentBlocks(incidentCard({ title: 'T'.repeat(400) }));
    const header = (blocks[0] as { text: { text: string } }).text.text;

    expect(header.length).toBeLessThanOrEqual(150);
    expect(header.startsWith('SV-2027-0042 · TTT')).toBe(true);
    expect(header.endsWith('… · Open: initial meeting to arrange')).toBe(true);
  });

  it('gives a notification text with the reference and the acknowledgement count', () => {
    expect(incidentBlocks(incidentCard()).text).toBe(
      'SV-2027-0042: Stabbing, Market Street (Open: initial meeting to arrange). 1 of 3 agencies have acknowledged.',
    );
  });
});
