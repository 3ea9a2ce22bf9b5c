/**
 * `plan …` typed to the bot in Teams (its personal chat, or with an
 * @mention): the strategic plan commands of `app/plans/plan-command.ts`,
 * answered as text. Leads asked in a round get the plan update card in their chat; the
 * board report is uploaded to the person. Files cannot ride on the command,
 * so plans are imported with the CLI.
 */
import { parsePlanCommand } from '../../../app/plans/plan-command.js';
import { cardNotifier } from '../../../app/plans/plan-notifier.js';
import { runPlanCommand } from '../../../app/plans/run-plan-command.js';
import type { TeamsContext } from '../teams-context.js';
import { type TurnAnswer, textAnswer } from './answers.js';
import type { TeamsPerson } from './turn-facts.js';

const PLAN_WORD = /^\/?plan\b/i;

/** True when the words after the bot's name are a `plan …` command. */
export function isPlanCommand(words: string): boolean {
  return PLAN_WORD.test(words.trim());
}

export async function runPlanTurn(
  ctx: TeamsContext,
  words: string,
  person: TeamsPerson,
): Promise<TurnAnswer> {
  const command = parsePlanCommand(words.trim().replace(PLAN_WORD, ''));
  if (command.kind === 'import') {
    return textAnswer(
      `A chat message cannot carry the spreadsheet. Ask the operator to run: muster plan import <file> --id ${command.planId} --as <your contact id>`,
    );
  }
  const contactId = person.contact?.id;
  const outcome = await runPlanCommand(
    { ...ctx.deps, platform: ctx.platform, notifier: cardNotifier([ctx.platform], ctx.deps.directory) },
    {
      command,
      by: contactId ? { ...person.actor, contactId } : person.actor,
      requester: { ...(contactId ? { contactId } : {}), ...(person.email ? { email: person.email } : {}) },
    },
  );
  return textAnswer(outcome.message);
}
