/**
 * The meeting checklist the chair runs in the incident's channel, in Block
 * Kit, updated in place on every change. A message holds 50 blocks and the
 * toolkit has 45 items, so each toolkit section is ONE block: its items as
 * lines (done or not, who it is assigned to, how many notes and decisions)
 * and a "Work on an item…" select whose options open the item's form.
 *
 * The card's per-item Tick buttons are not rendered on Slack: there is no
 * room for a button per item, and the item form's Done field ticks instead.
 * An ended meeting shows the record with no controls at all.
 */
import type { ChecklistCard, ChecklistItemRow, ChecklistSectionRow } from '../../../app/cards/card-model.js';
import {
  actionsBlocks,
  type Block,
  contextBlock,
  escapeMrkdwn,
  fallbackText,
  fitBlocks,
  headerBlock,
  LIMITS,
  packLines,
  type SlackMessage,
  sectionBlock,
  sectionsFromLines,
} from './block-kit.js';
import { itemSelect } from './item-select.js';
import { actionButton } from './verb-actions.js';

export function checklistBlocks(card: ChecklistCard): SlackMessage {
  const blocks: Block[] = [
    headerBlock(card.heading),
    contextBlock(escapeMrkdwn(card.statusText)),
    sectionBlock(attendanceText(card)),
    ...card.sections.flatMap((section) => sectionBlocks(section, card.ended)),
  ];
  if (card.signsOfSafety) {
    for (const column of card.signsOfSafety.columns) {
      const entries =
        column.entries.length > 0 ? column.entries.map((e) => `• ${escapeMrkdwn(e)}`) : ['_nothing yet_'];
      blocks.push(...sectionsFromLines([`*${escapeMrkdwn(column.title)}*`, ...entries]));
    }
    blocks.push(contextBlock(`*Signs of Safety* · ${escapeMrkdwn(card.signsOfSafety.scaleText)}`));
  }
  if (!card.ended) blocks.push(...actionsBlocks(card.actions.map(actionButton)));
  return { text: fallbackText(`${card.heading}: ${card.statusText}`), blocks: fitBlocks(blocks) };
}

function attendanceText(card: ChecklistCard): string {
  const lines = [`👥 *Attendance:* ${escapeMrkdwn(card.attendanceText)}`];
  const present = card.attendance.filter((a) => a.present);
  const apologies = card.attendance.filter((a) => !a.present);
  const names = (rows: typeof present) =>
    rows.map((a) => `${escapeMrkdwn(a.agency)} (${escapeMrkdwn(a.name)})`).join(', ');
  if (present.length > 0) lines.push(`Present: ${names(present)}`);
  if (apologies.length > 0) lines.push(`Apologies: ${names(apologies)}`);
  return lines.join('\n');
}

/**
 * One block per section with its select; a section too long for one block
 * (3000 characters) continues in more, the select staying on the first.
 */
function sectionBlocks(section: ChecklistSectionRow, ended: boolean): Block[] {
  const lines = [
    `*${escapeMrkdwn(section.title)}* · ${escapeMrkdwn(section.doneText)}`,
    ...section.items.map(itemLine),
  ];
  const [first = '', ...more] = packLines(lines, LIMITS.sectionText);
  const select = ended ? undefined : itemSelect(section.items);
  const head = sectionBlock(first, select?.accessory);
  return [
    select?.blockId ? { ...head, block_id: select.blockId } : head,
    ...more.map((t) => sectionBlock(t)),
  ];
}

/** `⬜ Ensure immediate response is in place — _Assigned to Police_ · 2 notes · 1 decision` */
function itemLine(item: ChecklistItemRow): string {
  const line = `${item.done ? '✅' : '⬜'} ${escapeMrkdwn(item.text)}`;
  const extras: string[] = [];
  if (item.assignedText) extras.push(`_${escapeMrkdwn(item.assignedText)}_`);
  if (item.notes.length > 0) extras.push(count(item.notes.length, 'note'));
  if (item.decisions.length > 0) extras.push(count(item.decisions.length, 'decision'));
  return extras.length > 0 ? `${line} — ${extras.join(' · ')}` : line;
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
