/**
 * "Work on it" on a checklist item: tick it, give it to someone, minute a
 * note or a decision and turn it into an action, in one go. The answers come
 * checked (the form refuses bad ones before anything is written); each step
 * is then its own audited change, in the order a meeting would say them, and
 * the checklist card is refreshed once at the end.
 */
import type { Actor } from '../../core/actor.js';
import type { Incident } from '../../core/incident/incident.js';
import type { Assignee } from '../../core/meetings/meeting-record.js';
import { findSection } from '../../core/meetings/toolkit-checklist.js';
import { actionFromChecklistItem, actionFromDecision } from '../actions/action-from-meeting.js';
import type { CommandDeps } from '../commands/command-outcome.js';
import { assigneeName } from './checklist-card.js';
import { addDecision, addMeetingNote, assignChecklistItem, tickChecklistItem } from './checklist-items.js';
import { refreshChecklistCard, withCardProblem } from './checklist-message.js';

export interface ItemWork {
  reference: string;
  meetingId: string;
  sectionId: string;
  itemId: string;
  by: Actor;
  /** Only when it differs from the item's state. */
  done?: boolean;
  assignTo?: Assignee;
  note?: string;
  decision?: string;
  action?: { priority: number; leadAgency: string; owner: Actor; due?: string };
}

/** Applies the checked answers and says what was done ("Ticked; assigned to Police; action 1.3 added."). */
export async function workOnItem(deps: CommandDeps, incident: Incident, work: ItemWork): Promise<string> {
  const target = {
    reference: work.reference,
    meetingId: work.meetingId,
    sectionId: work.sectionId,
    itemId: work.itemId,
    by: work.by,
  };
  const done: string[] = [];
  if (work.done !== undefined) {
    await tickChecklistItem(deps, { ...target, done: work.done });
    done.push(work.done ? 'ticked' : 'unticked');
  }
  if (work.assignTo) {
    await assignChecklistItem(deps, { ...target, assignTo: work.assignTo });
    done.push(`assigned to ${assigneeName(deps.directory, work.assignTo)}`);
  }
  if (work.note) {
    await addMeetingNote(deps, { ...target, text: work.note });
    done.push('note added');
  }
  let decisionNumber: number | undefined;
  if (work.decision) {
    const { record } = await addDecision(deps, { ...target, text: work.decision });
    decisionNumber = record.items.find((i) => i.sectionId === work.sectionId && i.itemId === work.itemId)!
      .decisions.length;
    done.push('decision minuted');
  }
  if (work.action) {
    const { priority, leadAgency, owner, due } = work.action;
    const isNew = !(incident.actions ?? []).some((a) => a.priority.number === priority);
    const input = {
      ...target,
      // A new priority takes the section's title, so the plan reads like the meeting's agenda.
      priority: {
        number: priority,
        ...(isNew ? { title: findSection(work.sectionId)?.title ?? 'Actions' } : {}),
      },
      leadAgency,
      owner,
      ...(due ? { due } : {}),
    };
    const { action } =
      decisionNumber === undefined
        ? await actionFromChecklistItem(deps, input)
        : await actionFromDecision(deps, { ...input, decision: decisionNumber });
    done.push(`action ${action.number} added`);
  }
  const card = await refreshChecklistCard(deps, work.reference, work.meetingId);
  const said = done.join('; ');
  return withCardProblem(`${said.charAt(0).toUpperCase()}${said.slice(1)}.`, card);
}
