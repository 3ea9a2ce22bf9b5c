/**
 * The issue-6 cards as the use cases build them, for Slack renderer tests: a
 * meeting card, the whole toolkit checklist (every item with notes and
 * decisions, so it is as large as a real meeting gets), action rows and the
 * incident's audit timeline.
 */
import type {
  ActionListCard,
  ActionRow,
  ChecklistCard,
  ChecklistItemRow,
  MeetingCard,
  TimelineCard,
} from '../../../../src/app/cards/card-model.js';
import { SIGNS_OF_SAFETY_COLUMNS } from '../../../../src/core/meetings/signs-of-safety.js';
import { REVIEW_SECTION_ID, TOOLKIT_SECTIONS } from '../../../../src/core/meetings/toolkit-checklist.js';

export const REFERENCE = 'SV-2027-0042';

const value = (fields: Record<string, string>) => JSON.stringify({ reference: REFERENCE, ...fields });

export function meetingCard(overrides: Partial<MeetingCard> = {}): MeetingCard {
  return {
    kind: 'meeting',
    reference: REFERENCE,
    meetingId: 'initial-1',
    heading: `Initial Tactical Response Meeting — ${REFERENCE}`,
    whenText: 'Thu 2 Sep 2027 10:00 BST',
    at: '2027-09-02T10:00:00.000+01:00',
    facts: [
      { label: 'Chair', value: 'DCI Priya Patel' },
      { label: 'Invited agencies', value: 'Police, CSP, Children’s Services' },
      { label: 'Meeting id', value: 'initial-1' },
    ],
    actions: [
      {
        verb: 'start-meeting',
        label: 'Start meeting',
        value: value({ meetingKind: 'initial' }),
        style: 'primary',
      },
    ],
    ...overrides,
  };
}

export interface ChecklistOptions {
  meetingId?: string;
  ended?: boolean;
  /** Notes and decisions on every item, as many as given. */
  notes?: number;
  decisions?: number;
  /** Replaces every item's text, e.g. to make it long. */
  itemText?: (text: string) => string;
  sections?: readonly (typeof TOOLKIT_SECTIONS)[number][];
}

export function checklistItem(
  sectionId: string,
  itemId: string,
  text: string,
  options: ChecklistOptions = {},
): ChecklistItemRow {
  const itemValue = value({ meetingId: options.meetingId ?? 'initial-1', sectionId, itemId });
  return {
    sectionId,
    itemId,
    text: options.itemText ? options.itemText(text) : text,
    done: itemId.length % 2 === 0,
    assignedText: 'Assigned to Children’s Services',
    notes: Array.from({ length: options.notes ?? 0 }, (_, i) => `Note ${i + 1} on ${itemId}`),
    decisions: Array.from({ length: options.decisions ?? 0 }, (_, i) => `Decision ${i + 1} on ${itemId}`),
    actions: options.ended
      ? []
      : [
          { verb: 'tick-item', label: 'Tick', value: itemValue },
          { verb: 'work-item', label: 'Work on it', value: itemValue },
        ],
  };
}

export function checklistCard(
  options: ChecklistOptions = {},
  overrides: Partial<ChecklistCard> = {},
): ChecklistCard {
  const meetingId = options.meetingId ?? 'initial-1';
  const sections = options.sections ?? TOOLKIT_SECTIONS;
  const cardValue = value({ meetingId });
  return {
    kind: 'checklist',
    reference: REFERENCE,
    meetingId,
    heading: `Initial Tactical Response Meeting — ${REFERENCE}`,
    statusText: options.ended
      ? 'Ended 11:31: 12 of 45 items done, 9 present, 4 decisions'
      : 'Started Thu 2 Sep 2027 10:02 BST by DCI Priya Patel',
    ended: options.ended ?? false,
    attendance: [
      { agency: 'Police', name: 'Pat Police', present: true },
      { agency: 'CSP', name: 'Cara CSP', present: true },
      { agency: 'Schools', name: 'Sam School', present: false },
    ],
    attendanceText: '2 present, 1 apologies',
    sections: sections.map((section) => {
      const items = section.items.map((item) => checklistItem(section.id, item.id, item.text, options));
      return {
        id: section.id,
        title: section.title,
        doneText: `${items.filter((i) => i.done).length} of ${items.length} done`,
        items,
      };
    }),
    actions: options.ended
      ? []
      : [
          { verb: 'record-attendance', label: 'Record attendance', value: cardValue },
          { verb: 'end-meeting', label: 'End meeting', value: cardValue, style: 'danger' },
        ],
    ...overrides,
  };
}

/** A review meeting: the review section and the Signs of Safety frame. */
export function reviewChecklistCard(entries: string[] = ['Retaliation online']): ChecklistCard {
  const base = checklistCard({
    meetingId: 'review-1',
    sections: TOOLKIT_SECTIONS.filter((s) => s.id === REVIEW_SECTION_ID),
  });
  const cardValue = value({ meetingId: 'review-1' });
  return {
    ...base,
    heading: `Review meeting — ${REFERENCE}`,
    signsOfSafety: {
      columns: SIGNS_OF_SAFETY_COLUMNS.map((c, i) => ({
        id: c.id,
        title: c.title,
        entries: i === 0 ? entries : [],
      })),
      scaleText: 'Scale: 6/10',
    },
    actions: [
      { verb: 'record-attendance', label: 'Record attendance', value: cardValue },
      { verb: 'signs-of-safety', label: 'Signs of Safety', value: cardValue },
      { verb: 'end-meeting', label: 'End meeting', value: cardValue, style: 'danger' },
    ],
  };
}

export function actionRow(n: number, overrides: Partial<ActionRow> = {}): ActionRow {
  const priority = n <= 3 ? 1 : 2;
  const number = `${priority}.${n}`;
  return {
    reference: REFERENCE,
    number,
    priority: priority === 1 ? '1. Community reassurance' : '2. Safeguarding',
    description: `Action ${n}: visit the school & reassure parents`,
    lead: 'Police',
    owner: 'Pat Police',
    dueText: 'Fri 10 Sep 2027',
    overdue: false,
    status: 'open',
    rag: 'amber',
    ragText: 'AMBER',
    latestUpdate: 'Tue 31 Aug 2027, Pat Police: met the head teacher',
    actions: [{ verb: 'add-update', label: 'Add update', value: value({ actionNumber: number }) }],
    ...overrides,
  };
}

export function actionListCard(rows: ActionRow[], overrides: Partial<ActionListCard> = {}): ActionListCard {
  return {
    kind: 'action-list',
    reference: REFERENCE,
    heading: `Action plan — ${REFERENCE}`,
    rows,
    countsText: `${rows.length} amber`,
    emptyText: 'No actions yet: /incident action add',
    ...overrides,
  };
}

export function timelineCard(count: number, overrides: Partial<TimelineCard> = {}): TimelineCard {
  return {
    kind: 'timeline',
    reference: REFERENCE,
    heading: `Timeline — ${REFERENCE}`,
    entries: Array.from({ length: count }, (_, i) => ({
      at: `2027-08-28T${String(8 + Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00.000Z`,
      atText: `Sat 28 Aug 2027 entry ${i + 1}`,
      who: 'DCI Priya Patel',
      summary: `Change number ${i + 1}: ${'a fairly long description of what changed '.repeat(2)}`,
      type: 'incident.updated',
    })),
    ...overrides,
  };
}
