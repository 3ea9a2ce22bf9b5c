/**
 * A message to the bot as a command. Teams has no slash commands: people
 * type `incident status` (the manifest lists the commands, so Teams suggests
 * them), or just `status` where the bot is addressed (its personal chat, or
 * an @mention, which the SDK strips). In a channel, a message neither
 * mentioning the bot nor starting with `incident` is people talking, and is
 * left alone. The words are read with the same grammar as Slack's
 * `/incident`, and each subcommand calls the same use case as everywhere.
 */
import type { Attachment } from '@microsoft/agents-activity';
import { helpCard, incidentListCard } from '../../../app/cards/list-cards.js';
import type { CommandDeps } from '../../../app/commands/command-outcome.js';
import { parseIncidentCommand } from '../../../app/commands/parse-incident-command.js';
import { runIncidentCommand } from '../../../app/commands/run-incident-command.js';
import type { FormDefinition } from '../../../app/forms/form-model.js';
import { newIncidentForm } from '../../../app/forms/new-incident-form.js';
import { statusFor } from '../../../app/incident-status.js';
import { nowIn } from '../../../app/incident-timeline.js';
import { withSubmissionKey } from '../../shared/card-forms.js';
import { COMMAND_WORD, TEAMS_PLATFORM } from '../ids.js';
import type { TeamsContext } from '../teams-context.js';
import { asTyped, outcomeAnswer, type TurnAnswer, textAnswer } from './answers.js';
import { isDirectoryCommand, runDirectoryTurn } from './directory-turn.js';
import { isPlanCommand, runPlanTurn } from './plan-turn.js';
import { requesterOf, type TeamsPerson, type TeamsWhere } from './turn-facts.js';

const LEADING_WORD = new RegExp(`^/?${COMMAND_WORD}\\b`, 'i');

/**
 * The words after the command word, or undefined when the message is not a
 * command. Markup Teams leaves in a message (other mentions, `&nbsp;`) is
 * dropped first.
 */
export function commandText(text: string | undefined, where: TeamsWhere): string | undefined {
  const plain = (text ?? '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
  if (LEADING_WORD.test(plain)) return plain.replace(LEADING_WORD, '').trim();
  return where.kind === 'personal' || where.mentioned ? plain : undefined;
}

export interface CommandTurn {
  words: string;
  person: TeamsPerson;
  where: TeamsWhere;
  /** The files (and other attachments) on the message; only `plan import` reads them. */
  attachments: readonly Attachment[];
}

export async function runCommand(ctx: TeamsContext, turn: CommandTurn): Promise<TurnAnswer> {
  if (isPlanCommand(turn.words)) return runPlanTurn(ctx, turn);
  if (isDirectoryCommand(turn.words)) return runDirectoryTurn(ctx, turn.words, turn.person);
  const parsed = parseIncidentCommand(turn.words);
  const { person, where } = turn;
  switch (parsed.kind) {
    case 'new':
      return { kind: 'form', form: newIncidentFormFor(ctx, person) };
    case 'status': {
      const answer = await statusFor(ctx.deps, {
        platform: TEAMS_PLATFORM,
        spaceId: where.spaceId,
        ...(where.spaceName ? { spaceName: where.spaceName } : {}),
        ...(parsed.reference ? { reference: parsed.reference } : {}),
        requester: requesterOf(ctx, person, where),
      });
      return 'refused' in answer ? textAnswer(answer.refused) : { kind: 'card', card: answer.card };
    }
    case 'list':
      return { kind: 'card', card: await incidentListCard(ctx.deps) };
    case 'help':
      return help();
    case 'unknown':
      return help(parsed.word);
    case 'invalid':
      return textAnswer(`That did not work: ${parsed.problem}. Type: ${asTyped(parsed.usage)}`);
    default: {
      const deps: CommandDeps = { ...ctx.deps, platform: ctx.platform };
      const outcome = await runIncidentCommand(deps, {
        command: parsed,
        spaceId: where.spaceId,
        ...(where.spaceName ? { spaceName: where.spaceName } : {}),
        by: person.actor,
        requester: requesterOf(ctx, person, where),
      });
      return outcomeAnswer(ctx, outcome);
    }
  }
}

export function help(unknownWord?: string): TurnAnswer {
  const card = helpCard(unknownWord);
  return {
    kind: 'card',
    card: {
      ...card,
      heading: asTyped(card.heading),
      commands: card.commands.map((c) => ({ usage: asTyped(c.usage), summary: asTyped(c.summary) })),
    },
  };
}

/** The SIO's notification form: the reporting officer preset to the person, a fresh key so it counts once. */
export function newIncidentFormFor(ctx: TeamsContext, person: TeamsPerson): FormDefinition {
  const { directory, clock, protocol } = ctx.deps;
  const form = newIncidentForm(directory, nowIn(clock, protocol), person.contact?.id);
  return withSubmissionKey(form);
}
