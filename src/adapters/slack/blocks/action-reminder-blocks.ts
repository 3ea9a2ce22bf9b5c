/**
 * The action section of a reminder card in Block Kit: the action as the plan
 * states it, then its lead agency, owner, RAG and latest update as fields.
 */
import type { types } from '@slack/bolt';
import type { ActionReminderFacts } from '../../../app/cards/card-model.js';
import { escapeMrkdwn, fieldSections, sectionBlock } from './block-kit.js';

const RAG_EMOJI: Record<ActionReminderFacts['rag'], string> = { red: '🔴', amber: '🟠', green: '🟢' };

export function actionFactBlocks(action: ActionReminderFacts): types.SectionBlock[] {
  return [
    sectionBlock(
      `${RAG_EMOJI[action.rag]} *Action ${escapeMrkdwn(action.number)}:* ${escapeMrkdwn(action.description)}`,
    ),
    ...fieldSections(action.facts.map((f) => `*${escapeMrkdwn(f.label)}*\n${escapeMrkdwn(f.value)}`)),
  ];
}
