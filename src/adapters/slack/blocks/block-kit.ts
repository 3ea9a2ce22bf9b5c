/**
 * The Block Kit toolkit every Slack renderer is built from: Slack's size
 * limits, mrkdwn escaping, and packers that split long content over several
 * blocks so that no card, however large the incident, is refused by Slack
 * (`invalid_blocks` would lose the whole message, not just the overflow).
 */
import type { types } from '@slack/bolt';

export type Block = types.KnownBlock;

/** A rendered chat message: blocks, and the plain text Slack shows in notifications and screen readers. */
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

/** Slack's published limits (Block Kit reference); breaking any one of them rejects the message. */
export const LIMITS = {
  messageBlocks: 50,
  homeBlocks: 100,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  actionsElements: 25,
  contextElements: 10,
  contextText: 3000,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  blockId: 255,
  selectOptions: 100,
  optionText: 75,
  optionValue: 150,
  placeholderText: 150,
  /** Slack accepts far more, but notifications show only the start; keep it readable. */
  fallbackText: 3000,
} as const;

/**
 * Escapes what Slack's mrkdwn treats as markup: `<…>` would otherwise become
 * links or `<!channel>` pings, and `&` starts an entity.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Shortens to `max` characters with an ellipsis, never splitting a surrogate
 * pair (a lone half makes invalid JSON text) or an entity `escapeMrkdwn` made.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  cut = cut.replace(/&[a-z]{0,4}$/, '');
  return `${cut}…`;
}

export function mrkdwn(text: string): types.MrkdwnElement {
  return { type: 'mrkdwn', text };
}

export function plainText(text: string): types.PlainTextElement {
  return { type: 'plain_text', text, emoji: true };
}

/** Header blocks take plain text only, so nothing needs escaping. */
export function headerBlock(text: string): types.HeaderBlock {
  return { type: 'header', text: plainText(truncate(text, LIMITS.headerText)) };
}

export function dividerBlock(): types.DividerBlock {
  return { type: 'divider' };
}

/** A section's accessory: a button, or the checklist's "Work on an item…" select. */
export type Accessory = types.Button | types.StaticSelect;

export function sectionBlock(text: string, accessory?: Accessory): types.SectionBlock {
  return {
    type: 'section',
    text: mrkdwn(truncate(text, LIMITS.sectionText)),
    ...(accessory ? { accessory } : {}),
  };
}

/** A context line, or several (each its own element, at most ten). */
export function contextBlock(...texts: string[]): types.ContextBlock {
  return {
    type: 'context',
    elements: texts.slice(0, LIMITS.contextElements).map((t) => mrkdwn(truncate(t, LIMITS.contextText))),
  };
}

/**
 * Joins lines into chunks of at most `max` characters, breaking only between
 * lines; a single line longer than `max` is shortened.
 */
export function packLines(lines: string[], max: number, separator = '\n'): string[] {
  const chunks: string[] = [];
  let current: string | undefined;
  for (const raw of lines) {
    const line = truncate(raw, max);
    if (current !== undefined && current.length + separator.length + line.length <= max) {
      current += separator + line;
    } else {
      if (current !== undefined) chunks.push(current);
      current = line;
    }
  }
  if (current !== undefined) chunks.push(current);
  return chunks;
}

/** Lines (already mrkdwn) as as few sections as fit. */
export function sectionsFromLines(lines: string[], separator = '\n'): types.SectionBlock[] {
  return packLines(lines, LIMITS.sectionText, separator).map((text) => sectionBlock(text));
}

/** Two-column fields, ten to a section. */
export function fieldSections(fields: string[]): types.SectionBlock[] {
  const sections: types.SectionBlock[] = [];
  for (let i = 0; i < fields.length; i += LIMITS.sectionFields) {
    sections.push({
      type: 'section',
      fields: fields.slice(i, i + LIMITS.sectionFields).map((f) => mrkdwn(truncate(f, LIMITS.fieldText))),
    });
  }
  return sections;
}

/**
 * Buttons in as few actions blocks as Slack allows: 25 to a block, and a new
 * block whenever an action id repeats, because Slack refuses two elements
 * with the same `action_id` in one block.
 */
export function actionsBlocks(buttons: types.Button[]): types.ActionsBlock[] {
  const blocks: types.ActionsBlock[] = [];
  let current: types.Button[] = [];
  const flush = () => {
    if (current.length > 0) blocks.push({ type: 'actions', elements: current });
    current = [];
  };
  for (const button of buttons) {
    const repeats = current.some((b) => b.action_id === button.action_id);
    if (repeats || current.length === LIMITS.actionsElements) flush();
    current.push(button);
  }
  flush();
  return blocks;
}

/**
 * The last line of defence for the block count: anything past the limit is
 * replaced by a note, so the message still posts.
 */
export function fitBlocks(blocks: Block[], max: number = LIMITS.messageBlocks): Block[] {
  if (blocks.length <= max) return blocks;
  const hidden = blocks.length - (max - 1);
  return [
    ...blocks.slice(0, max - 1),
    contextBlock(
      `…${hidden} more ${hidden === 1 ? 'part' : 'parts'} not shown: Slack limits a message's size.`,
    ),
  ];
}

/** The notification text: mrkdwn too, so it is escaped like the blocks. */
export function fallbackText(text: string): string {
  return truncate(escapeMrkdwn(text), LIMITS.fallbackText);
}
