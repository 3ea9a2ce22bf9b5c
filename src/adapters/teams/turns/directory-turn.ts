/**
 * `directory …` typed to the bot in Teams (its personal chat, or with an
 * @mention): the agency directory of `app/directory/directory-command.ts`,
 * shown to anyone and edited by coordinators. The contact form comes back as
 * the form card (submitted as a registered form); everything else as text,
 * with the commands written the way Teams users type them.
 */
import { parseDirectoryCommand } from '../../../app/directory/directory-command.js';
import { runDirectoryCommand } from '../../../app/directory/run-directory-command.js';
import type { TeamsContext } from '../teams-context.js';
import { outcomeAnswer, type TurnAnswer } from './answers.js';
import type { TeamsPerson } from './turn-facts.js';

const DIRECTORY_WORD = /^\/?directory\b/i;

/** True when the words after the bot's name are a `directory …` command. */
export function isDirectoryCommand(words: string): boolean {
  return DIRECTORY_WORD.test(words.trim());
}

export async function runDirectoryTurn(
  ctx: TeamsContext,
  words: string,
  person: TeamsPerson,
): Promise<TurnAnswer> {
  const command = parseDirectoryCommand(words.trim().replace(DIRECTORY_WORD, ''));
  const contactId = person.contact?.id;
  const outcome = await runDirectoryCommand(
    { ...ctx.deps, platform: ctx.platform },
    {
      command,
      by: contactId ? { ...person.actor, contactId } : person.actor,
      requester: { ...(contactId ? { contactId } : {}), ...(person.email ? { email: person.email } : {}) },
    },
  );
  const answer = await outcomeAnswer(ctx, outcome);
  return answer.kind === 'text'
    ? { kind: 'text', text: answer.text.replace(/\/directory\b/g, 'directory') }
    : answer;
}
