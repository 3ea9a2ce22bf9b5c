/**
 * The timeline of one incident under a protocol: for every milestone its due
 * instant and state, and the reminders the protocol wants sent. Milestones
 * anchored on a meeting that has not been set are "not-scheduled", never guessed.
 */
import { DateTime } from 'luxon';
import { calendarFor, type WorkingCalendar } from '../calendar/working-calendar.js';
import type { Meeting } from '../incident/incident.js';
import type { PlannedReminder } from '../reminders/reminder.js';
import {
  type Anchor,
  type MetBy,
  type Milestone,
  type Protocol,
  type ReminderOffset,
  type Role,
  reminderSuffix,
} from './protocol-schema.js';

export type MilestoneState = 'pending' | 'met' | 'overdue' | 'not-scheduled';

/** The facts the timeline is computed from (a subset of an Incident, so the CLI can pass bare dates). */
export interface TimelineFacts {
  occurredAt: string;
  notifiedAt?: string;
  meetings: ReadonlyArray<Pick<Meeting, 'kind' | 'at' | 'status'>>;
  completions?: Readonly<Record<string, { at: string }>>;
  snoozes?: ReadonlyArray<{ milestoneId: string; until: string }>;
}

export interface MilestoneStatus {
  id: string;
  title: string;
  owner: Role;
  /** In the protocol's zone; null while its anchor meeting is not set. */
  due: DateTime | null;
  state: MilestoneState;
  metAt: DateTime | null;
  /** Met after it was due. */
  late: boolean;
  milestone: Milestone;
}

export type { PlannedReminder };

/** The first meeting of a kind that is not cancelled, held or scheduled (it anchors its dependants either way). */
function meetingAt(facts: TimelineFacts, kind: string, heldOnly: boolean): string | undefined {
  return facts.meetings
    .filter((m) => m.kind === kind && (heldOnly ? m.status === 'held' : m.status !== 'cancelled'))
    .map((m) => m.at)
    .sort()[0];
}

function anchorOf(anchor: Anchor, facts: TimelineFacts): string | undefined {
  return anchor.type === 'incident' ? facts.occurredAt : meetingAt(facts, anchor.meeting, false);
}

function metAtOf(id: string, metBy: MetBy, facts: TimelineFacts): string | undefined {
  const marked = facts.completions?.[id]?.at;
  if (marked) return marked;
  switch (metBy.type) {
    case 'notification':
      return facts.notifiedAt;
    case 'meeting':
      return meetingAt(facts, metBy.meeting, true);
    case 'manual':
      return undefined;
  }
}

function instant(iso: string, calendar: WorkingCalendar): DateTime {
  return calendar.local(DateTime.fromISO(iso, { setZone: true }));
}

/** Every milestone's due instant and state at `now`, in protocol order. */
export function computeTimeline(protocol: Protocol, facts: TimelineFacts, now: DateTime): MilestoneStatus[] {
  const calendar = calendarFor(protocol);
  return protocol.milestones.map((milestone) => {
    const anchorIso = anchorOf(milestone.anchor, facts);
    const metIso = metAtOf(milestone.id, milestone.metBy, facts);
    const due = anchorIso ? calendar.add(instant(anchorIso, calendar), milestone.offset) : null;
    const metAt = metIso ? instant(metIso, calendar) : null;
    let state: MilestoneState;
    if (metAt) state = 'met';
    else if (!due) state = 'not-scheduled';
    else state = now.toMillis() > due.toMillis() ? 'overdue' : 'pending';
    return {
      id: milestone.id,
      title: milestone.title,
      owner: milestone.owner,
      due,
      state,
      metAt,
      late: Boolean(metAt && due && metAt.toMillis() > due.toMillis()),
      milestone,
    };
  });
}

function fireAt(calendar: WorkingCalendar, due: DateTime, offset: ReminderOffset): DateTime {
  const sign = offset.when === 'before' ? -1 : 1;
  if (offset.when === 'at') return due;
  return offset.unit === 'hours'
    ? calendar.addHours(due, sign * offset.amount)
    : calendar.shiftWorkingDays(due, sign * offset.amount);
}

/**
 * The reminders the protocol wants for the milestones still open. Met
 * milestones get none. Of the "before" reminders whose time has already gone
 * (an incident reported late), only the latest is kept, and only while the
 * milestone is not yet due: one "due in …" nudge rather than a burst of stale ones.
 */
export function planReminders(protocol: Protocol, facts: TimelineFacts, now: DateTime): PlannedReminder[] {
  const calendar = calendarFor(protocol);
  const planned: PlannedReminder[] = [];
  for (const status of computeTimeline(protocol, facts, now)) {
    const { due, milestone } = status;
    if (!due || status.state === 'met') continue;
    const befores = milestone.reminders.offsets
      .filter((r) => r.when === 'before')
      .map((r) => ({ r, at: fireAt(calendar, due, r) }))
      .sort((a, b) => a.at.toMillis() - b.at.toMillis());
    const pastBefores = befores.filter((b) => b.at.toMillis() <= now.toMillis());
    const keptPast = now.toMillis() < due.toMillis() ? pastBefores.at(-1) : undefined;

    for (const offset of milestone.reminders.offsets) {
      const at = fireAt(calendar, due, offset);
      if (offset.when === 'before' && at.toMillis() <= now.toMillis() && keptPast?.r !== offset) continue;
      planned.push({
        key: `${milestone.id}:${reminderSuffix(offset)}`,
        milestoneId: milestone.id,
        kind: offset.when,
        fireAt: at.toUTC().toISO()!,
        notify: [...milestone.reminders.notify],
      });
    }
    (facts.snoozes ?? [])
      .filter((snooze) => snooze.milestoneId === milestone.id)
      .forEach((snooze, i) => {
        planned.push({
          key: `${milestone.id}:snooze-${i + 1}`,
          milestoneId: milestone.id,
          kind: 'snooze',
          fireAt: instant(snooze.until, calendar).toUTC().toISO()!,
          notify: [...milestone.reminders.notify],
        });
      });
    if (milestone.escalation) {
      planned.push({
        key: `${milestone.id}:escalate`,
        milestoneId: milestone.id,
        kind: 'escalation',
        fireAt: calendar.add(due, milestone.escalation.after).toUTC().toISO()!,
        notify: [...milestone.escalation.to],
      });
    }
  }
  return planned;
}

/** The earliest open deadline (pending or overdue), for "next deadline" columns. */
export function nextDeadline(statuses: MilestoneStatus[]): MilestoneStatus | undefined {
  return statuses
    .filter((s) => s.due && (s.state === 'pending' || s.state === 'overdue'))
    .sort((a, b) => a.due!.toMillis() - b.due!.toMillis())[0];
}
