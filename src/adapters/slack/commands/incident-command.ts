/**
 * The `/incident` subcommands that act on one incident (meetings, actions,
 * exports, key dates, close, reopen, timeline) on Slack: the app's
 * `runIncidentCommand` finds the incident (this channel's, or the reference
 * typed), checks access and runs the subcommand; this renders its outcome.
 * A form opens first, while the command's trigger id is still alive (three
 * seconds), so nothing but the store and, at most, one membership look-up
 * runs before it; every other answer is ephemeral.
 */
import type { RespondArguments, SlashCommand, webApi } from '@slack/bolt';
import type { CommandDeps, CommandOutcome } from '../../../app/commands/command-outcome.js';
import type { IncidentScopedCommand } from '../../../app/commands/parse-incident-command.js';
import { runIncidentCommand } from '../../../app/commands/run-incident-command.js';
import { refreshCard } from '../../shared/refresh-card.js';
import { slackRequester } from '../access/incident-access.js';
import { openFormModal } from '../actions/open-form.js';
import { fallbackText, fitBlocks, sectionBlock } from '../blocks/block-kit.js';
import { type Block, escapeMrkdwn, messageFor } from '../blocks/index.js';
import type { SlackContext } from '../slack-context.js';

type Command = Pick<SlashCommand, 'user_id' | 'user_name' | 'channel_id' | 'channel_name' | 'trigger_id'>;

export async function runScopedCommand(
  ctx: SlackContext,
  command: Command,
  parsed: IncidentScopedCommand,
  client: webApi.WebClient,
  respond: (message: RespondArguments) => Promise<unknown>,
): Promise<void> {
  const person = await ctx.people.lookup(command.user_id, command.user_name);
  const deps: CommandDeps = { ...ctx.deps, platform: ctx.platform };
  const outcome = await runIncidentCommand(deps, {
    command: parsed,
    spaceId: command.channel_id,
    spaceName: command.channel_name,
    by: person.actor,
    requester: async () => slackRequester(client, ctx.deps.directory, person),
  });
  if (outcome.refused) {
    ctx.logger.info('/incident refused', { subcommand: parsed.kind, reference: outcome.reference });
  }
  if (outcome.form && !outcome.refused) {
    await openFormModal(client, { triggerId: command.trigger_id, userId: command.user_id }, outcome.form);
  }
  const reply = outcomeReply(outcome);
  if (reply) await respond({ response_type: 'ephemeral', ...reply });
  if (outcome.refreshCard && outcome.reference) await refreshCard(ctx, outcome.reference);
}

/** The card, the message, or both (the message above the card); nothing when only a form opens. */
export function outcomeReply(
  outcome: Pick<CommandOutcome, 'card' | 'message'>,
): { text: string; blocks?: Block[] } | undefined {
  const { card, message } = outcome;
  if (card) {
    const shown = messageFor(card);
    if (!message) return shown;
    return {
      text: fallbackText(message),
      blocks: fitBlocks([sectionBlock(escapeMrkdwn(message)), ...shown.blocks]),
    };
  }
  return message ? { text: escapeMrkdwn(message) } : undefined;
}
