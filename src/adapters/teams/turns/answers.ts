/**
 * What a Teams turn answers, whatever asked (a typed command, a form, a card
 * button), and how it becomes a Teams message: a form is the form card from
 * cards/form.json with every person field offering the directory's
 * contacts (as the console does), a card is its template, a text is text.
 * The same answer is sent as a reply, put in place of the submitted form,
 * or returned for an `Action.Execute`; those choices are the routes'.
 */
import { Activity } from '@microsoft/agents-activity';
import type { Card, NoticeCard } from '../../../app/cards/card-model.js';
import type { CommandOutcome } from '../../../app/commands/command-outcome.js';
import type { FormDefinition } from '../../../app/forms/form-model.js';
import type { AdaptiveCardJson } from '../../cards/card-templates.js';
import { withPeopleChoices } from '../../shared/card-forms.js';
import { refreshCard } from '../../shared/refresh-card.js';
import { COMMAND_WORD } from '../ids.js';
import { adaptiveCardMessage, cardJson } from '../platform/card-messages.js';
import type { TeamsContext } from '../teams-context.js';

export type TurnAnswer =
  | { kind: 'form'; form: FormDefinition; errors?: Record<string, string> }
  | { kind: 'card'; card: Card }
  | { kind: 'text'; text: string };

export const textAnswer = (text: string): TurnAnswer => ({ kind: 'text', text });

/** `/incident status` in the shared texts, as a Teams user types it: `incident status`. */
export const asTyped = (text: string) => text.replace(/\/incident\b/g, COMMAND_WORD);

const typedNotice = (notice: NoticeCard): NoticeCard => ({
  ...notice,
  headline: asTyped(notice.headline),
  lines: notice.lines.map(asTyped),
});

/** The Adaptive Card an answer shows; a text becomes a notice card (an Action.Execute must answer with a card). */
export async function answerCard(ctx: TeamsContext, answer: TurnAnswer): Promise<AdaptiveCardJson> {
  switch (answer.kind) {
    case 'form': {
      const form = await withPeople(ctx, answer.form);
      return cardJson({ kind: 'form', form, ...(answer.errors ? { errors: answer.errors } : {}) }, ctx.zone);
    }
    case 'card':
      return cardJson(answer.card.kind === 'notice' ? typedNotice(answer.card) : answer.card, ctx.zone);
    case 'text':
      return cardJson({ kind: 'notice', headline: asTyped(answer.text), lines: [] }, ctx.zone);
  }
}

export async function answerMessage(ctx: TeamsContext, answer: TurnAnswer): Promise<Activity> {
  if (answer.kind === 'text')
    return Activity.fromObject({ type: 'message', text: asTyped(answer.text), textFormat: 'plain' });
  return Activity.fromObject(adaptiveCardMessage(await answerCard(ctx, answer)));
}

/**
 * Person fields offer the directory's contacts. A use case may preset one
 * with a Teams user id (the person asking owns their action); it is shown as
 * that person's contact, or left for the person to choose.
 */
async function withPeople(ctx: TeamsContext, form: FormDefinition): Promise<FormDefinition> {
  const { directory } = ctx.deps;
  const fields = await Promise.all(
    form.fields.map(async (field) => {
      const initial = typeof field.initial === 'string' ? field.initial : undefined;
      if (field.kind !== 'user' || !initial || directory.contacts.some((c) => c.id === initial)) return field;
      const contact = await ctx.users.contactOf(directory, initial);
      const { initial: _unknown, ...rest } = field;
      return contact ? { ...rest, initial: contact.id } : rest;
    }),
  );
  return withPeopleChoices({ ...form, fields }, directory);
}

/** A use case's outcome as an answer; the incident's card is rebuilt first when it changed. */
export async function outcomeAnswer(ctx: TeamsContext, outcome: CommandOutcome): Promise<TurnAnswer> {
  if (outcome.refreshCard && outcome.reference) await refreshCard(ctx, outcome.reference);
  if (outcome.form) return { kind: 'form', form: outcome.form };
  if (outcome.card) return { kind: 'card', card: outcome.card };
  return textAnswer(outcome.message ?? 'Done.');
}
