/**
 * An incident's action plan in Block Kit (`/incident actions`), and the rows
 * the App Home's "My open actions" shares: one section per action with its
 * number, description, lead, owner, due date, RAG and latest update, and an
 * Add update button while it is open. A coordinator's list also has Promote
 * to plan, so a row's buttons go in an actions block under it. A message
 * holds 50 blocks, so a long plan shows its first 40 actions (20 with the
 * buttons under them) and says where the rest are.
 */
import type { ActionListCard, ActionRow } from '../../../app/cards/card-model.js';
import {
  actionsBlocks,
  type Block,
  contextBlock,
  escapeMrkdwn,
  fallbackText,
  fitBlocks,
  headerBlock,
  type SlackMessage,
  sectionBlock,
} from './block-kit.js';
import { actionButton } from './verb-actions.js';

/** How many actions a message shows; the rest are in the exported plan. */
export const MAX_ACTION_ROWS = 40;
/** Rows whose buttons take a block of their own take two blocks each. */
export const MAX_ACTION_ROWS_WITH_BUTTONS = 20;

export const RAG_EMOJI: Readonly<Record<ActionRow['rag'], string>> = {
  red: ':red_circle:',
  amber: ':large_orange_circle:',
  green: ':large_green_circle:',
};

export function actionListBlocks(card: ActionListCard): SlackMessage {
  const blocks: Block[] = [headerBlock(card.heading)];
  const about = [card.filterText, card.countsText].filter((t): t is string => Boolean(t));
  if (about.length > 0) blocks.push(contextBlock(...about.map(escapeMrkdwn)));
  if (card.rows.length === 0) blocks.push(sectionBlock(`_${escapeMrkdwn(card.emptyText)}_`));
  else
    blocks.push(
      ...actionRowBlocks(card.rows, {
        max: card.rows.some((r) => r.actions.length > 1) ? MAX_ACTION_ROWS_WITH_BUTTONS : MAX_ACTION_ROWS,
        more: (n) => `…and ${n} more: /incident export plan has them all.`,
      }),
    );
  return { text: fallbackText(`${card.heading}: ${card.countsText}`), blocks: fitBlocks(blocks) };
}

export interface ActionRowOptions {
  max: number;
  /** What to say of the rows left out. */
  more: (count: number) => string;
  /** Rows from several incidents (the Home tab) name theirs; one plan names each priority instead. */
  showReference?: boolean;
}

/**
 * A section per action, at most `max`, then a note of the rest. One button
 * (Add update) sits beside the row; several (and Promote to plan) go in an
 * actions block under it, since a section holds one.
 */
export function actionRowBlocks(rows: readonly ActionRow[], options: ActionRowOptions): Block[] {
  const shown = rows.slice(0, options.max);
  const blocks: Block[] = shown.flatMap((row, i) => {
    const newPriority = !options.showReference && shown[i - 1]?.priority !== row.priority;
    const heading = newPriority ? `*${escapeMrkdwn(row.priority)}*\n` : '';
    const text = heading + actionRowText(row, options.showReference);
    if (row.actions.length > 1) return [sectionBlock(text), ...actionsBlocks(row.actions.map(actionButton))];
    const [button] = row.actions;
    return [sectionBlock(text, button && actionButton(button))];
  });
  const hidden = rows.length - shown.length;
  if (hidden > 0) blocks.push(contextBlock(escapeMrkdwn(options.more(hidden))));
  return blocks;
}

/**
 * `*1.2* Visit the school — Police · Pat Police · due Fri 30 Jul 2027 · :red_circle: RED`
 * and, under it, the latest update.
 */
export function actionRowText(row: ActionRow, showReference = false): string {
  const reference = showReference ? `*${escapeMrkdwn(row.reference)}* · ` : '';
  const due = `due ${escapeMrkdwn(row.dueText)}${row.overdue ? ' ⚠️ *overdue*' : ''}`;
  const status = row.status === 'open' ? [] : [escapeMrkdwn(row.status)];
  const facts = [escapeMrkdwn(row.lead), escapeMrkdwn(row.owner), due, ...status];
  const lines = [
    `${reference}*${escapeMrkdwn(row.number)}* ${escapeMrkdwn(row.description)} — ${facts.join(' · ')} · ${RAG_EMOJI[row.rag]} ${escapeMrkdwn(row.ragText)}`,
  ];
  if (row.latestUpdate) lines.push(`_Latest: ${escapeMrkdwn(row.latestUpdate)}_`);
  return lines.join('\n');
}
