/**
 * A card button pressed in the console (Action.Submit posting `{ verb,
 * value }`). Every button first reads the value the card put on it, loads the
 * incident and checks the person may act on it (members of the incident's
 * channel and coordinators); a refusal changes nothing and is explained to
 * the person alone. Then the verb's use case, and the pinned card refreshed.
 */
import { acknowledgeNotification } from '../../app/acknowledge-notification.js';
import { parseActionValue } from '../../app/cards/action-value.js';
import type { CardVerb } from '../../app/cards/card-model.js';
import { recordMeetingForm } from '../../app/forms/record-meeting-form.js';
import { loadIncident, nowIn } from '../../app/incident-timeline.js';
import { formatLocal } from '../../app/local-time.js';
import { markMilestoneDone } from '../../app/mark-milestone-done.js';
import { snoozeReminder } from '../../app/snooze-reminder.js';
import { invalidInput } from '../../app/validate-input.js';
import { type ConsolePerson, decideAccess } from './console-access.js';
import { type ConsoleContext, replyTo } from './console-context.js';
import { formReply, withPeopleChoices, zoneOf } from './console-forms.js';
import { CONSOLE_PLATFORM, type ConsoleChannel } from './console-model.js';
import type { SubmitAnswer } from './form-submissions.js';
import { refreshCard } from './refresh-card.js';
import { statusReply } from './status-reply.js';

export async function pressButton(
  ctx: ConsoleContext,
  person: ConsolePerson,
  channel: ConsoleChannel,
  action: { verb: CardVerb; value: string },
): Promise<SubmitAnswer> {
  const { directory, store, clock, protocol } = ctx.deps;
  const value = parseActionValue(action.value);
  const incident = await loadIncident(store, value.reference);
  const say = async (ok: boolean, text: string): Promise<SubmitAnswer> => ({
    ok,
    reply: await replyTo(ctx, person, channel.id, { text }),
  });
  const access = decideAccess(directory, ctx.history, incident, person);
  if (!access.allowed) {
    ctx.logger.info('console button refused: not a member or coordinator', {
      reference: incident.reference,
      verb: action.verb,
    });
    return say(false, access.reason);
  }
  const reference = incident.reference;
  const milestoneId = () => {
    if (!value.milestoneId)
      throw invalidInput([{ path: 'milestoneId', message: 'this button names no milestone' }]);
    return value.milestoneId;
  };

  switch (action.verb) {
    case 'acknowledge': {
      if (!value.agencyId) throw invalidInput([{ path: 'agencyId', message: 'this button names no agency' }]);
      const result = await acknowledgeNotification(ctx.deps, {
        reference,
        agencyId: value.agencyId,
        by: person.actor,
      });
      if (!result.alreadyAcknowledged) await refreshCard(ctx, reference);
      return say(true, result.message);
    }
    case 'record-meeting': {
      const form = recordMeetingForm(incident, nowIn(clock, protocol), {
        ...(value.meetingKind ? { kind: value.meetingKind } : {}),
        platform: CONSOLE_PLATFORM,
      });
      return { ok: true, form: formReply(ctx, withPeopleChoices(form, directory)) };
    }
    case 'mark-done': {
      const marked = await markMilestoneDone(ctx.deps, {
        reference,
        milestoneId: milestoneId(),
        by: person.actor,
      });
      if (marked.alreadyDone) {
        const when = formatLocal(marked.completion.at, zoneOf(ctx));
        return say(
          true,
          `That was already marked done (${marked.completion.by.name}, ${when}); nothing changed.`,
        );
      }
      await refreshCard(ctx, reference);
      return say(true, `Marked done for ${reference}. Thank you.`);
    }
    case 'snooze': {
      const snoozed = await snoozeReminder(ctx.deps, {
        reference,
        milestoneId: milestoneId(),
        by: person.actor,
        ...(value.reminderKey ? { reminderKey: value.reminderKey } : {}),
      });
      return say(true, snoozed.message);
    }
    case 'open-incident':
      return { ok: true, reply: await statusReply(ctx, person, channel, reference) };
  }
}
