import { describe, expect, it } from 'vitest';
import { noticeBlocks } from '../../../../src/adapters/slack/blocks/notice-blocks.js';
import { blockKitProblems, mrkdwnTexts } from './block-limits.js';
import { noticeCard } from './card-fixtures.js';

describe('noticeBlocks', () => {
  it('shows the headline in bold, then its lines, then the reference and a link to the channel', () => {
    const { text, blocks } = noticeBlocks(noticeCard());

    expect(text).toBe('New incident SV-2027-0042 in Corby');
    expect(blocks).toEqual([
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text:
            '*New incident SV-2027-0042 in Corby*\nYou are on List 1 for Corby.\n' +
            'Please acknowledge in the incident channel.',
        },
      },
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: 'SV-2027-0042 · <https://muster-test.slack.com/archives/C000000001|Open the incident channel>',
          },
        ],
      },
    ]);
  });

  it('leaves out the footer when there is neither reference nor link', () => {
    const { blocks } = noticeBlocks(noticeCard({ reference: undefined, spaceUrl: undefined }));

    expect(blocks.map((b) => b.type)).toEqual(['section']);
  });

  it('escapes its lines and keeps a hostile link from breaking out of the link syntax', () => {
    const { blocks } = noticeBlocks(
      noticeCard({ lines: ['<!everyone> & <@U1>'], spaceUrl: 'https://x.example/a|b>c' }),
    );
    const texts = mrkdwnTexts(blocks);

    expect(texts[0]).toContain('&lt;!everyone&gt; &amp; &lt;@U1&gt;');
    expect(texts[1]).toContain('<https://x.example/a%7Cb%3Ec|Open the incident channel>');
  });

  it('splits many long lines over valid sections', () => {
    const { blocks } = noticeBlocks(
      noticeCard({ lines: Array.from({ length: 100 }, () => 'z'.repeat(500)) }),
    );

    expect(blockKitProblems(blocks)).toEqual([]);
    expect(blocks.filter((b) => b.type === 'section').length).toBeGreaterThan(10);
  });
});
