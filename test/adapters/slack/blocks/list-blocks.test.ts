import { describe, expect, it } from 'vitest';
import { helpBlocks } from '../../../../src/adapters/slack/blocks/help-blocks.js';
import { homeView } from '../../../../src/adapters/slack/blocks/home-blocks.js';
import { incidentListBlocks } from '../../../../src/adapters/slack/blocks/incident-list-blocks.js';
import type { HomeCard, IncidentListRow } from '../../../../src/app/cards/card-model.js';
import { blockKitProblems, mrkdwnTexts } from './block-limits.js';
import { TIMELINE } from './card-fixtures.js';

const row = (n: number): IncidentListRow => ({
  reference: `SV-2027-${String(n).padStart(4, '0')}`,
  title: `Incident ${n} & co`,
  area: 'Corby',
  status: 'Open: initial meeting to arrange',
  next: {
    title: 'Initial meeting',
    dueText: 'Thu 2 Sep 2027 15:00 BST',
    stateText: 'due in 2 days',
    state: 'pending',
  },
});

describe('incidentListBlocks', () => {
  it('heads the list and gives each incident its reference, title, area, status and next deadline', () => {
    const { text, blocks } = incidentListBlocks({
      kind: 'incident-list',
      heading: 'Open incidents (2)',
      rows: [row(1), { ...row(2), next: undefined }],
      emptyText: 'No open incidents.',
    });

    expect(text).toBe('Open incidents (2)');
    expect(blocks[0]).toMatchObject({ type: 'header', text: { text: 'Open incidents (2)' } });
    expect(mrkdwnTexts(blocks)).toEqual([
      '*SV-2027-0001* · Incident 1 &amp; co\nCorby · Open: initial meeting to arrange\n' +
        'Next: ⏳ Initial meeting — Thu 2 Sep 2027 15:00 BST · _due in 2 days_\n\n' +
        '*SV-2027-0002* · Incident 2 &amp; co\nCorby · Open: initial meeting to arrange',
    ]);
  });

  it('says so when there are no incidents', () => {
    const { blocks } = incidentListBlocks({
      kind: 'incident-list',
      heading: 'Open',
      rows: [],
      emptyText: 'None.',
    });

    expect(mrkdwnTexts(blocks)).toEqual(['_None._']);
  });

  it('shows 500 incidents in full, packed into few sections within the limits', () => {
    const rows = Array.from({ length: 500 }, (_, i) => row(i + 1));
    const { blocks } = incidentListBlocks({ kind: 'incident-list', heading: 'Open', rows, emptyText: '' });
    const text = mrkdwnTexts(blocks).join('\n');

    expect(blockKitProblems(blocks)).toEqual([]);
    for (const r of rows) expect(text).toContain(`*${r.reference}*`);
  });

  it('ends an impossibly long list with a note instead of being refused by Slack', () => {
    const rows = Array.from({ length: 2000 }, (_, i) => row(i + 1));
    const { blocks } = incidentListBlocks({ kind: 'incident-list', heading: 'Open', rows, emptyText: '' });

    expect(blockKitProblems(blocks)).toEqual([]);
    expect(blocks.at(-1)).toMatchObject({
      type: 'context',
      elements: [{ text: expect.stringMatching(/not shown/) }],
    });
  });
});

describe('homeView', () => {
  const home = (overrides: Partial<HomeCard> = {}): HomeCard => ({
    kind: 'home',
    heading: 'Muster: your incidents',
    incidents: [row(42)],
    deadlines: [{ ...TIMELINE[1]!, reference: 'SV-2027-0042' }],
    emptyText: 'Nothing needs you right now.',
    actions: [],
    actionsEmptyText: 'No open actions are yours.',
    ...overrides,
  });

  it('is a home view with my incidents, my deadlines and my open actions', () => {
    const view = homeView(home());

    expect(view.type).toBe('home');
    expect(mrkdwnTexts(view.blocks)).toEqual([
      '*Your incidents*',
      expect.stringContaining('*SV-2027-0042* · Incident 42 &amp; co'),
      '*Your deadlines*',
      '*SV-2027-0042* ⏳ *Initial Tactical Response Meeting* — Thu 2 Sep 2027 15:00 BST · _due in 2 days_',
      '*Your open actions*',
      '_No open actions are yours._',
    ]);
  });

  it('shows only the empty text when nothing needs the person', () => {
    const view = homeView(home({ incidents: [], deadlines: [] }));

    expect(mrkdwnTexts(view.blocks)).toEqual(['_Nothing needs you right now._']);
  });

  it('stays within the 100 blocks of a home view with many incidents and deadlines', () => {
    const deadlines = Array.from({ length: 400 }, (_, i) => ({ ...TIMELINE[2]!, reference: `SV-2027-${i}` }));
    const view = homeView(home({ incidents: Array.from({ length: 300 }, (_, i) => row(i)), deadlines }));

    expect(blockKitProblems(view.blocks, 100)).toEqual([]);
  });
});

describe('helpBlocks', () => {
  it('shows each usage as code, with placeholders escaped so Slack does not read them as links', () => {
    const { text, blocks } = helpBlocks({
      kind: 'help',
      heading: 'Muster commands',
      commands: [
        { usage: '/incident new', summary: 'open an incident' },
        { usage: '/incident status <reference>', summary: 'show the card' },
      ],
    });

    expect(text).toBe('Muster commands');
    expect(mrkdwnTexts(blocks)).toEqual([
      '`/incident new` — open an incident\n`/incident status &lt;reference&gt;` — show the card',
    ]);
  });
});
