/**
 * The incident card in Block Kit: header, the notification form's facts, the
 * protocol timeline, and the agencies, each still to acknowledge with its own
 * button. It is pinned in the channel and updated in place, so it must stay a
 * valid message however many agencies the incident involves.
 */
import type { AgencyRow, IncidentCard } from '../../../app/cards/card-model.js';
import {
  type Block,
  contextBlock,
  dividerBlock,
  escapeMrkdwn,
  fallbackText,
  fieldSections,
  fitBlocks,
  headerBlock,
  LIMITS,
  type SlackMessage,
  sectionBlock,
  sectionsFromLines,
  truncate,
} from './block-kit.js';
import { timelineLine } from './timeline-text.js';
import { actionButton } from './verb-actions.js';

export function incidentBlocks(card: IncidentCard): SlackMessage {
  const fixed: Block[] = [
    headerBlock(headerText(card)),
    ...fieldSections(card.facts.map((f) => `*${escapeMrkdwn(f.label)}*\n${escapeMrkdwn(f.value)}`)),
    ...sectionsFromLines(['*Timeline*', ...card.timeline.map(timelineLine)]),
    dividerBlock(),
    contextBlock(escapeMrkdwn(card.acknowledgedText)),
  ];
  const blocks = [...fixed, ...agencyBlocks(card.agencies, LIMITS.messageBlocks - fixed.length)];
  return {
    text: fallbackText(`${card.reference}: ${card.title} (${card.status}). ${card.acknowledgedText}.`),
    blocks: fitBlocks(blocks),
  };
}

/** Reference and status always show in full; the title gives way. */
function headerText(card: IncidentCard): string {
  const room = LIMITS.headerText - card.reference.length - card.status.length - 6;
  return `${card.reference} · ${truncate(card.title, Math.max(room, 10))} · ${card.status}`;
}

/**
 * One section with an Acknowledge button per agency still to acknowledge (a
 * section per button because Slack refuses repeated action ids within one
 * block), then the rest as a compact list. If there are more buttons than
 * blocks left, the later agencies are listed without one: each acknowledgement
 * updates the card and frees a block for the next.
 */
function agencyBlocks(agencies: AgencyRow[], budget: number): Block[] {
  const withAction = agencies.filter((a) => a.action && !a.acknowledgedBy);
  const others = agencies.filter((a) => !withAction.includes(a));
  const pendingFirst = [
    ...others.filter((a) => !a.acknowledgedBy),
    ...others.filter((a) => a.acknowledgedBy),
  ];
  for (let shown = withAction.length; ; shown -= 1) {
    const overflow = withAction.slice(shown);
    const listed = sectionsFromLines([...overflow, ...pendingFirst].map(agencyLine));
    const note = overflow.length > 0 ? [contextBlock(overflowNote(overflow.length))] : [];
    if (shown === 0 || shown + listed.length + note.length <= budget) {
      const buttons = withAction
        .slice(0, shown)
        .map((a) => sectionBlock(agencyLine(a), a.action ? actionButton(a.action) : undefined));
      return [...buttons, ...listed, ...note];
    }
  }
}

function agencyLine(agency: AgencyRow): string {
  const name = `*${escapeMrkdwn(agency.name)}* · ${listsText(agency.lists)}`;
  if (!agency.acknowledgedBy) return `⏳ ${name} — not yet acknowledged`;
  const when = agency.acknowledgedAtText ? `, ${escapeMrkdwn(agency.acknowledgedAtText)}` : '';
  return `✅ ${name} — acknowledged by ${escapeMrkdwn(agency.acknowledgedBy)}${when}`;
}

function listsText(lists: (1 | 2)[]): string {
  if (lists.length === 0) return 'no list';
  return lists.length === 1 ? `List ${lists[0]}` : `Lists ${lists.join(' and ')}`;
}

function overflowNote(count: number): string {
  return `Acknowledge buttons for ${count} more ${count === 1 ? 'agency' : 'agencies'} appear here as others acknowledge.`;
}
