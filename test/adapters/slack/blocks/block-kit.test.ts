import type { types } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import {
  actionsBlocks,
  escapeMrkdwn,
  fitBlocks,
  packLines,
  sectionBlock,
  truncate,
} from '../../../../src/adapters/slack/blocks/block-kit.js';
import {
  actionButton,
  VERB_ACTIONS,
  verbOfAction,
} from '../../../../src/adapters/slack/blocks/verb-actions.js';
import { ACTIONS } from '../../../../src/adapters/slack/ids.js';

const button = (actionId: string, n: number): types.Button => ({
  type: 'button',
  action_id: actionId,
  text: { type: 'plain_text', text: `b${n}` },
  value: String(n),
});

describe('block kit helpers', () => {
  it('escapes &, < and > for mrkdwn', () => {
    expect(escapeMrkdwn('a & <!channel> > b')).toBe('a &amp; &lt;!channel&gt; &gt; b');
  });

  it('truncates with an ellipsis without splitting an emoji or an escaped entity', () => {
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('ab😀cd', 4)).toBe('ab…');
    expect(truncate('ab&amp;cd', 5)).toBe('ab…');
    expect(truncate('short', 10)).toBe('short');
  });

  it('packs lines into chunks no longer than the limit, breaking only between lines', () => {
    expect(packLines(['aaa', 'bbb', 'ccc'], 7)).toEqual(['aaa\nbbb', 'ccc']);
    expect(packLines(['x'.repeat(20)], 10)).toEqual([`${'x'.repeat(9)}…`]);
  });

  it('starts a new actions block at 25 buttons and whenever an action id repeats', () => {
    const many = actionsBlocks(Array.from({ length: 30 }, (_, i) => button(`id-${i}`, i)));
    const repeated = actionsBlocks([button('a', 1), button('b', 2), button('a', 3)]);

    expect(many.map((b) => b.elements.length)).toEqual([25, 5]);
    expect(repeated.map((b) => b.elements.map((e) => (e as types.Button).value))).toEqual([
      ['1', '2'],
      ['3'],
    ]);
  });

  it('replaces blocks past the limit with a note', () => {
    const blocks = Array.from({ length: 60 }, (_, i) => sectionBlock(`s${i}`));
    const fitted = fitBlocks(blocks, 50);

    expect(fitted).toHaveLength(50);
    expect(fitted[48]).toEqual(blocks[48]);
    expect(fitted[49]).toMatchObject({
      type: 'context',
      elements: [{ text: expect.stringContaining('11 more') }],
    });
  });
});

describe('verb actions', () => {
  it('maps every card verb to a distinct Slack action id, and back', () => {
    const ids = Object.values(VERB_ACTIONS);

    expect(new Set(ids).size).toBe(ids.length);
    expect(VERB_ACTIONS.acknowledge).toBe(ACTIONS.acknowledge);
    for (const [verb, id] of Object.entries(VERB_ACTIONS)) expect(verbOfAction(id)).toBe(verb);
    expect(verbOfAction('something_else')).toBeUndefined();
  });

  it('refuses a value longer than Slack allows rather than cutting its JSON', () => {
    expect(() => actionButton({ verb: 'snooze', label: 'Snooze', value: 'v'.repeat(2001) })).toThrow(/2001/);
  });
});
