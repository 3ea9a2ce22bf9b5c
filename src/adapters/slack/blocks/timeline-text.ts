/**
 * How a milestone reads in one mrkdwn line (incident card, App Home): its
 * state as an emoji, so a long timeline can be scanned at a glance.
 */
import type { TimelineRow } from '../../../app/cards/card-model.js';
import type { MilestoneState } from '../../../core/protocol/timeline.js';
import { escapeMrkdwn } from './block-kit.js';

export const STATE_EMOJI: Readonly<Record<MilestoneState, string>> = {
  met: '✅',
  pending: '⏳',
  overdue: '⚠️',
  'not-scheduled': '▫️',
};

/** `⏳ *Initial meeting* — Thu 2 Sep 2027 15:00 BST · _due in 2 days_` */
export function timelineLine(row: Pick<TimelineRow, 'title' | 'dueText' | 'stateText' | 'state'>): string {
  const due = row.dueText ? ` — ${escapeMrkdwn(row.dueText)}` : '';
  const state = row.stateText ? ` · _${escapeMrkdwn(row.stateText)}_` : '';
  return `${STATE_EMOJI[row.state]} *${escapeMrkdwn(row.title)}*${due}${state}`;
}
