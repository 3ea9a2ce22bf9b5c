/**
 * The buttons of the meeting card and the checklist card, after
 * `pressCardButton` has read the value and checked access: start the meeting,
 * tick an item, open one of the checklist forms, end the meeting. Ticking
 * toggles the item as stored (not as the card showed it), so a stale card
 * cannot tick twice; buttons of a meeting that has ended are refused.
 */
import type { Actor } from '../../core/actor.js';
import type { Incident } from '../../core/incident/incident.js';
import { findItem } from '../../core/meetings/meeting-record.js';
import { findSection } from '../../core/meetings/toolkit-checklist.js';
import type { PendingRequester } from '../access.js';
import type { ActionValue } from '../cards/action-value.js';
import type { CardVerb } from '../cards/card-model.js';
import type { CommandDeps, CommandOutcome } from '../commands/command-outcome.js';
import { endMeetingCommand, startMeetingCommand } from '../commands/run-meeting-commands.js';
import {
  ATTENDANCE_FORM_ID,
  CHECKLIST_ITEM_FORM_ID,
  checklistForm,
  SIGNS_OF_SAFETY_FORM_ID,
} from '../forms/checklist-forms.js';
import { tickChecklistItem } from '../meetings/checklist-items.js';
import { refreshChecklistCard, withCardProblem } from '../meetings/checklist-message.js';
import { runningRecord } from '../meetings/meeting-change.js';
import { invalidInput } from '../validate-input.js';

export type ChecklistVerb = Extract<
  CardVerb,
  'start-meeting' | 'tick-item' | 'work-item' | 'record-attendance' | 'signs-of-safety' | 'end-meeting'
>;

export async function pressChecklistButton(
  deps: CommandDeps,
  verb: ChecklistVerb,
  value: ActionValue,
  incident: Incident,
  by: Actor,
  requester: PendingRequester,
): Promise<CommandOutcome> {
  const scope = { incident, by, requester };
  switch (verb) {
    case 'start-meeting':
      return startMeetingCommand(deps, scope, value.meetingKind);
    case 'end-meeting':
      return endMeetingCommand(deps, scope, meetingOf(value));
    case 'tick-item':
      return tick(deps, incident, value, by);
    case 'work-item': {
      const record = runningRecord(incident, meetingOf(value));
      const { sectionId, itemId } = itemOf(value);
      return {
        form: checklistForm(deps, incident, CHECKLIST_ITEM_FORM_ID, {
          meetingId: record.meetingId,
          sectionId,
          itemId,
        }),
      };
    }
    case 'record-attendance':
    case 'signs-of-safety': {
      const record = runningRecord(incident, meetingOf(value));
      const formId = verb === 'record-attendance' ? ATTENDANCE_FORM_ID : SIGNS_OF_SAFETY_FORM_ID;
      return { form: checklistForm(deps, incident, formId, { meetingId: record.meetingId }) };
    }
  }
}

async function tick(
  deps: CommandDeps,
  incident: Incident,
  value: ActionValue,
  by: Actor,
): Promise<CommandOutcome> {
  const record = runningRecord(incident, meetingOf(value));
  const { sectionId, itemId } = itemOf(value);
  const done = !findItem(record, sectionId, itemId).done;
  const target = { reference: incident.reference, meetingId: record.meetingId, sectionId, itemId, by };
  await tickChecklistItem(deps, { ...target, done });
  const card = await refreshChecklistCard(deps, incident.reference, record.meetingId);
  const text = findSection(sectionId)?.items.find((i) => i.id === itemId)?.text ?? itemId;
  return { message: withCardProblem(`${done ? 'Ticked' : 'Unticked'}: ${text}`, card) };
}

function meetingOf(value: ActionValue): string {
  if (!value.meetingId) throw invalidInput([{ path: 'meetingId', message: 'this button names no meeting' }]);
  return value.meetingId;
}

function itemOf(value: ActionValue): { sectionId: string; itemId: string } {
  if (!value.sectionId || !value.itemId)
    throw invalidInput([{ path: 'itemId', message: 'this button names no checklist item' }]);
  return { sectionId: value.sectionId, itemId: value.itemId };
}
