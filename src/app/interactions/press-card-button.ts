/**
 * A card button pressed, on any platform. Every button first reads the value
 * the card put on it, loads the incident and checks the person may act on it
 * (members of the incident's space and coordinators); a refusal changes
 * nothing but the audit (an `access.refused` event) and is explained to the
 * person alone. Then the verb's use case.
 * Platforms parse their payload, call this and render what it returns.
 * Meeting and checklist buttons go to `pressChecklistButton`.
 */
import type { Actor } from '../../core/actor.js';
import { checkAccess, type PendingRequester } from '../access.js';
import { acknowledgeNotification } from '../acknowledge-notification.js';
import { parseActionValue } from '../cards/action-value.js';
import type { CardVerb, IncidentCard } from '../cards/card-model.js';
import { incidentStatusCard } from '../cards/incident-card.js';
import type { CommandDeps } from '../commands/command-outcome.js';
import type { FormDefinition } from '../forms/form-model.js';
import { openPromoteToPlanForm } from '../forms/promote-to-plan-form.js';
import { recordMeetingForm } from '../forms/record-meeting-form.js';
import { loadIncident, nowIn } from '../incident-timeline.js';
import { markMilestoneDone } from '../mark-milestone-done.js';
import { recordRefusal } from '../roles.js';
import { snoozeReminder } from '../snooze-reminder.js';
import { invalidInput } from '../validate-input.js';
import { pressActionButton } from './press-action-button.js';
import { pressChecklistButton } from './press-checklist-button.js';

/** A plan update card's buttons name no incident: platforms send them to `pressPlanButton` instead. */
export type IncidentCardVerb = Exclude<CardVerb, 'plan-update'>;

export interface CardButtonPress {
  verb: IncidentCardVerb;
  /** The button's value, as the card put it (`actionValue`). */
  value: string | undefined;
  /** Who pressed it, for the audit. */
  by: Actor;
  /** The facts the platform has for the access check. */
  requester: PendingRequester;
  /** The platform's name (`slack`, `console`): presets the record-meeting form's chair. */
  platform: string;
}

export interface CardButtonOutcome {
  reference: string;
  /** What to tell the person who pressed it; none when a form or card is shown instead. */
  message?: string;
  /** Whether the incident's pinned card changed and should be rebuilt. */
  refreshCard: boolean;
  /** Record meeting, Add update: the form to show. */
  form?: FormDefinition;
  /** Open: the incident's card as it stands, to show the person. */
  card?: IncidentCard;
  /** True when the person may not act on this incident: nothing changed, and `message` says why. */
  refused?: boolean;
}

/** `platform` is where the button was pressed: the checklist card is posted and updated there. */
export async function pressCardButton(deps: CommandDeps, press: CardButtonPress): Promise<CardButtonOutcome> {
  const value = parseActionValue(press.value);
  const incident = await loadIncident(deps.store, value.reference);
  const reference = incident.reference;
  const access = await checkAccess(
    deps.directory,
    incident,
    { ...press.requester, actorId: press.by.id },
    deps.coordinators,
  );
  if (!access.allowed) {
    await recordRefusal(deps, incident, { by: press.by, ...press.requester }, `press ${press.verb}`);
    return { reference, message: access.reason, refreshCard: false, refused: true };
  }

  const milestoneId = () => {
    if (!value.milestoneId)
      throw invalidInput([{ path: 'milestoneId', message: 'this button names no milestone' }]);
    return value.milestoneId;
  };
  switch (press.verb) {
    case 'acknowledge': {
      if (!value.agencyId) throw invalidInput([{ path: 'agencyId', message: 'this button names no agency' }]);
      const result = await acknowledgeNotification(deps, {
        reference,
        agencyId: value.agencyId,
        by: press.by,
      });
      return { reference, message: result.message, refreshCard: !result.alreadyAcknowledged };
    }
    case 'mark-done': {
      const marked = await markMilestoneDone(deps, { reference, milestoneId: milestoneId(), by: press.by });
      return { reference, message: marked.message, refreshCard: !marked.alreadyDone };
    }
    case 'snooze': {
      const snoozed = await snoozeReminder(deps, {
        reference,
        milestoneId: milestoneId(),
        by: press.by,
        ...(value.reminderKey ? { reminderKey: value.reminderKey } : {}),
      });
      return { reference, message: snoozed.message, refreshCard: false };
    }
    case 'record-meeting': {
      const form = recordMeetingForm(incident, nowIn(deps.clock, deps.protocol), {
        ...(value.meetingKind ? { kind: value.meetingKind } : {}),
        platform: press.platform,
      });
      return { reference, form, refreshCard: false };
    }
    case 'open-incident':
      return { reference, card: await incidentStatusCard(deps, reference), refreshCard: false };
    case 'start-meeting':
    case 'tick-item':
    case 'work-item':
    case 'record-attendance':
    case 'signs-of-safety':
    case 'end-meeting': {
      const outcome = await pressChecklistButton(
        deps,
        press.verb,
        value,
        incident,
        press.by,
        press.requester,
      );
      return {
        reference,
        ...(outcome.message ? { message: outcome.message } : {}),
        ...(outcome.form ? { form: outcome.form } : {}),
        refreshCard: outcome.refreshCard ?? false,
      };
    }
    case 'promote-to-plan': {
      const outcome = await openPromoteToPlanForm(deps, press, value);
      return {
        reference,
        ...(outcome.message ? { message: outcome.message } : {}),
        ...(outcome.form ? { form: outcome.form } : {}),
        ...(outcome.refused ? { refused: true } : {}),
        refreshCard: false,
      };
    }
    case 'add-update':
    case 'mark-action-done':
    case 'snooze-action':
      return {
        reference,
        ...(await pressActionButton(deps, press.verb, value, incident, press.by)),
        refreshCard: false,
      };
  }
}
