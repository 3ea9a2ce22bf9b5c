/**
 * What the app gave back for a `/incident` subcommand, a card button or one of
 * the command forms, shown in the console the one way: the incident's pinned
 * card refreshed when it changed, then a form to open in the dialog (people
 * to choose from the directory), or a card or message for the person alone.
 * Whatever the use case posted for everyone (a meeting card, the checklist,
 * files) it posted itself, through the console platform.
 */
import type { CommandDeps, CommandOutcome } from '../../app/commands/command-outcome.js';
import { expandCard } from '../cards/card-templates.js';
import { withPeopleChoices } from '../shared/card-forms.js';
import { refreshCard } from '../shared/refresh-card.js';
import type { ConsolePerson } from './console-access.js';
import { type ConsoleContext, replyTo } from './console-context.js';
import { type FormReply, formReply, zoneOf } from './console-forms.js';
import type { ConsoleChannel, ConsoleMessage } from './console-model.js';

/** What `POST /console/api/submit` answers (and a command, where it has a form or a reply). */
export interface SubmitAnswer {
  ok: boolean;
  reply?: ConsoleMessage;
  form?: FormReply;
  /** Where the page should go next: the new incident's channel. */
  channelId?: string;
}

/** The use cases' ports with the console as the platform their cards and files go to. */
export function commandDeps(ctx: ConsoleContext): CommandDeps {
  return { ...ctx.deps, platform: ctx.platform };
}

/** The parts of an outcome the console shows; a button's outcome has the same shape. */
export type ShownOutcome = Pick<CommandOutcome, 'reference' | 'form' | 'card' | 'message' | 'refused'> & {
  refreshCard?: boolean | undefined;
};

export async function renderOutcome(
  ctx: ConsoleContext,
  person: ConsolePerson,
  channel: ConsoleChannel,
  outcome: ShownOutcome,
): Promise<SubmitAnswer> {
  if (outcome.refreshCard && outcome.reference) await refreshCard(ctx, outcome.reference);
  const ok = !outcome.refused;
  const said = outcome.message
    ? await replyTo(ctx, person, channel.id, { text: outcome.message })
    : undefined;
  if (outcome.form) {
    const form = formReply(ctx, withPeopleChoices(outcome.form, ctx.deps.directory));
    return { ok, form, ...(said ? { reply: said } : {}) };
  }
  if (outcome.card) {
    const card = expandCard(outcome.card, { zone: zoneOf(ctx) });
    return { ok, reply: await replyTo(ctx, person, channel.id, { card, cardKind: outcome.card.kind }) };
  }
  // Every outcome says something: a use case that returned nothing still gets an answer on the page.
  return { ok, reply: said ?? (await replyTo(ctx, person, channel.id, { text: 'Done.' })) };
}
