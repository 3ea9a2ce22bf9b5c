/**
 * Realistic data for every card template, built with the real builders where
 * they need no store (incident, reminder, help, both forms, action rows) and
 * written out by hand, typed as the card model, where they do (lists, home,
 * notice, meeting, checklist, timeline). The checklist is the whole seed 002
 * toolkit, so the template is checked at its real length.
 */
import { DateTime } from 'luxon';
import type { FormCard, TemplatedCard } from '../../src/adapters/cards/card-templates.js';
import { actionRow } from '../../src/app/cards/action-rows.js';
import { actionValue } from '../../src/app/cards/action-value.js';
import type {
  ActionListCard,
  ActionRow,
  CardAction,
  ChecklistCard,
  ChecklistSectionRow,
  HomeCard,
  IncidentCard,
  IncidentListCard,
  MeetingCard,
  NoticeCard,
  ReminderCard,
  TimelineCard,
} from '../../src/app/cards/card-model.js';
import { buildIncidentCard } from '../../src/app/cards/incident-card.js';
import { helpCard } from '../../src/app/cards/list-cards.js';
import { buildReminderCard } from '../../src/app/cards/reminder-card.js';
import { newIncidentForm } from '../../src/app/forms/new-incident-form.js';
import { recordMeetingForm } from '../../src/app/forms/record-meeting-form.js';
import { incidentTimeline } from '../../src/app/incident-timeline.js';
import { type PlanUpdateCard, planUpdateCard } from '../../src/app/plans/plan-update-card.js';
import type { Incident } from '../../src/core/incident/incident.js';
import { TOOLKIT_SECTIONS } from '../../src/core/meetings/toolkit-checklist.js';
import { startRound } from '../../src/core/plans/plan-round.js';
import { defaultProtocol } from '../../src/core/protocol/default-protocol.js';
import type { Reminder } from '../../src/core/reminders/reminder.js';
import { testDirectory } from '../fakes/test-directory.js';
import { makeAction } from '../fixtures/action-factory.js';
import { makeIncident } from '../fixtures/incident-factory.js';
import { makePlan, PLAN_CREATOR } from '../fixtures/plan-factory.js';

/** Sat 28 Aug 2027 09:00 BST, the morning after the DESIGN.md worked example's incident. */
export const NOW = DateTime.fromISO('2027-08-28T09:00:00', { zone: 'Europe/London' });

const CARA = { id: 'console:cara-csp', name: 'Cara CSP' };

/** Notified in Corby: police and CSP on both lists, NHFT on List 1, schools on List 2; the police have acknowledged. */
export function sampleIncident(overrides: Partial<Incident> = {}): Incident {
  return makeIncident({
    occurredAt: '2027-08-27T14:00:00.000Z',
    notifiedAt: '2027-08-27T15:05:00.000Z',
    area: 'corby',
    knockOnAreas: ['kettering'],
    notifications: [
      { contactId: 'pat-police', agencyId: 'police', lists: [1, 2], sentAt: '2027-08-27T15:10:00.000Z' },
      { contactId: 'cara-csp', agencyId: 'csp', lists: [1, 2], sentAt: '2027-08-27T15:10:00.000Z' },
      { contactId: 'nia-nhft', agencyId: 'nhft', lists: [1], sentAt: '2027-08-27T15:10:00.000Z' },
      { contactId: 'sam-school', agencyId: 'schools', lists: [2], sentAt: '2027-08-27T15:10:00.000Z' },
    ],
    acknowledgements: [{ agencyId: 'police', at: '2027-08-27T16:30:00.000Z', by: CARA }],
    ...overrides,
  });
}

/** At NOW the initial meeting is due in 5 days; a week later it is overdue. */
export function incidentCard(at: DateTime = NOW): IncidentCard {
  return buildIncidentCard(defaultProtocol, testDirectory(), sampleIncident(), at);
}

/** A reminder for the initial meeting, as the scheduler would fire it: due soon, or missed and escalated. */
export function reminderCard(kind: Reminder['kind'] = 'before', at: DateTime = NOW): ReminderCard {
  const incident = sampleIncident();
  const milestone = incidentTimeline(defaultProtocol, incident, at).find((m) => m.id === 'initial-meeting')!;
  const reminder: Reminder = {
    key: `initial-meeting:${kind}`,
    milestoneId: 'initial-meeting',
    kind,
    fireAt: at.toUTC().toISO()!,
    notify: ['sio', 'coordinator'],
    incidentId: incident.id,
    attempts: 0,
  };
  return buildReminderCard(incident, reminder, milestone, at);
}

const REF = 'SV-2027-0041';
const PAT = { id: 'console:pat-police', name: 'Pat Police', contactId: 'pat-police' };

/** Three actions of the plan, red, amber (an update recorded) and green (done), through the real row builder. */
export function actionRows(): ActionRow[] {
  const directory = testDirectory();
  const actions = [
    makeAction('1.1', {
      priority: { number: 1, title: 'Community reassurance' },
      description: 'High-visibility patrols around Market Street and the school gates',
      due: '2027-08-27',
      rag: 'red',
    }),
    makeAction('1.2', {
      priority: { number: 1, title: 'Community reassurance' },
      description: 'Community meeting at the Corby Cube with faith leaders',
      leadAgency: 'csp',
      owner: { id: 'console:cara-csp', name: 'Cara CSP', contactId: 'cara-csp' },
      due: '2027-09-10',
      rag: 'amber',
      status: 'in-progress',
      updates: [
        { text: 'Venue booked; leaflets printing', rag: 'amber', by: PAT, at: '2027-08-28T07:30:00.000Z' },
      ],
    }),
    makeAction('2.1', {
      priority: { number: 2, title: 'Education' },
      description: 'Alert schools of the victim and witnesses',
      leadAgency: 'schools',
      timescale: 'Ongoing',
      status: 'done',
    }),
  ];
  return actions.map((a) => actionRow(directory, REF, a, NOW));
}

export const INCIDENT_LIST: IncidentListCard = {
  kind: 'incident-list',
  heading: 'Open incidents (2)',
  emptyText: 'No open incidents.',
  rows: [
    {
      reference: 'SV-2027-0041',
      title: 'Stabbing, Market Street',
      area: 'Corby',
      status: 'Open: initial meeting to arrange',
      next: {
        title: 'Initial Tactical Response Meeting',
        dueText: 'Thu 2 Sep 2027 15:00 BST',
        stateText: 'due in 5 days',
        state: 'pending',
      },
    },
    { reference: 'SV-2027-0042', title: 'Assault, Rockingham Road', area: 'Kettering', status: 'Closed' },
  ],
};

export const EMPTY_LIST: IncidentListCard = { ...INCIDENT_LIST, heading: 'Open incidents (0)', rows: [] };

export const HOME: HomeCard = {
  kind: 'home',
  heading: 'My incidents and deadlines',
  emptyText: 'No open incidents involve you. Type /incident to report one.',
  incidents: INCIDENT_LIST.rows,
  actionsEmptyText: 'You own no open actions.',
  actions: actionRows().filter((r) => r.status !== 'done'),
  deadlines: [
    {
      reference: 'SV-2027-0041',
      milestoneId: 'sio-notification',
      title: 'SIO notifies the CSP',
      due: '2027-08-27T03:00:00.000+01:00',
      dueText: 'Fri 27 Aug 2027 03:00 BST',
      state: 'overdue',
      stateText: 'overdue: was due 30 hours ago',
    },
    {
      reference: 'SV-2027-0041',
      milestoneId: 'initial-meeting',
      title: 'Initial Tactical Response Meeting',
      due: '2027-09-02T15:00:00.000+01:00',
      dueText: 'Thu 2 Sep 2027 15:00 BST',
      state: 'pending',
      stateText: 'due in 5 days',
    },
  ],
};

export const EMPTY_HOME: HomeCard = { ...HOME, incidents: [], deadlines: [], actions: [] };

export const NOTICE: NoticeCard = {
  kind: 'notice',
  reference: 'SV-2027-0041',
  headline: 'You have been notified of a serious violence incident in Corby',
  lines: ['Your agency is on List 1.', 'Please acknowledge in the incident channel.'],
  spaceUrl: 'https://teams.example/l/channel/19%3Aabc/SV-2027-0041',
};

export const ACTION_LIST: ActionListCard = {
  kind: 'action-list',
  reference: REF,
  heading: `Action plan — ${REF}`,
  rows: actionRows(),
  countsText: '1 red, 1 amber, 1 green',
  emptyText: 'No actions yet. /incident action add adds one.',
};

export const FILTERED_EMPTY_ACTIONS: ActionListCard = {
  ...ACTION_LIST,
  rows: [],
  filterText: 'Filtered: RAG red, owner Sam School',
  countsText: 'no actions',
};

const button = (verb: CardAction['verb'], label: string, value: object, style?: CardAction['style']) => ({
  verb,
  label,
  value: actionValue({ reference: REF, ...value }),
  ...(style ? { style } : {}),
});

export const MEETING: MeetingCard = {
  kind: 'meeting',
  reference: REF,
  meetingId: 'initial-1',
  heading: `Initial Tactical Response Meeting — ${REF}`,
  whenText: 'Fri 3 Sep 2027 10:00 BST',
  at: '2027-09-03T10:00:00.000+01:00',
  facts: [
    { label: 'Chair', value: 'Pat Police' },
    { label: 'Attendees', value: 'Police, Corby CSP, NHFT, Schools' },
    { label: 'Invitation', value: 'initial-1.ics, posted below' },
  ],
  warning:
    'This is after the protocol’s deadline for the initial meeting (Thu 2 Sep 2027 15:00 BST). Hold it sooner if you can.',
  actions: [button('start-meeting', 'Start meeting', { meetingId: 'initial-1' }, 'primary')],
};

/** The whole toolkit checklist, some of it done, assigned, noted and decided, as a chair runs it. */
export function checklistCard(options: { kind?: 'initial' | 'review'; ended?: boolean } = {}): ChecklistCard {
  const kind = options.kind ?? 'initial';
  const meetingId = `${kind}-1`;
  const ended = options.ended ?? false;
  // Review and final meetings run the toolkit's review section only, beside Signs of Safety.
  const defs = kind === 'review' ? TOOLKIT_SECTIONS.filter((d) => d.id === 'review') : TOOLKIT_SECTIONS;
  const sections: ChecklistSectionRow[] = defs.map((section, s) => {
    const items = section.items.map((item, i) => {
      const done = (s + i) % 3 === 0;
      const value = { meetingId, sectionId: section.id, itemId: item.id };
      return {
        sectionId: section.id,
        itemId: item.id,
        text: item.text,
        ...(item.hint ? { hint: item.hint } : {}),
        done,
        ...(i === 0
          ? { assignedText: s % 2 ? 'Assigned to Children’s Services' : 'Assigned to Pat Police' }
          : {}),
        notes:
          i === 1 ? ['Police media office drafting the statement', 'Share with NHFT before release'] : [],
        decisions: i === 0 && s === 3 ? ['Police lead communications until the review meeting'] : [],
        actions: ended
          ? []
          : [
              button('tick-item', done ? 'Untick' : 'Tick', value, done ? undefined : 'primary'),
              button('work-item', 'Work on it', value),
            ],
      };
    });
    const doneCount = items.filter((i) => i.done).length;
    return { id: section.id, title: section.title, doneText: `${doneCount} of ${items.length} done`, items };
  });
  const heading =
    kind === 'initial' ? `Initial Tactical Response Meeting — ${REF}` : `Review meeting — ${REF}`;
  return {
    kind: 'checklist',
    reference: REF,
    meetingId,
    heading,
    statusText: ended
      ? 'Ended 11:31: 1 of 2 items done, 2 present, no decisions'
      : 'Started 10:02 by Pat Police',
    ended,
    attendance: [
      { agency: 'Police', name: 'Pat Police', present: true },
      { agency: 'Corby CSP', name: 'Cara CSP', present: true },
      { agency: 'NHFT', name: 'Nia NHFT', present: false },
    ],
    attendanceText: '2 present, 1 apologies',
    sections,
    ...(kind === 'review'
      ? {
          signsOfSafety: {
            columns: [
              {
                id: 'worried',
                title: 'What are we worried about?',
                entries: ['Retaliation posts on social media', 'Tension outside the school at home time'],
              },
              {
                id: 'workingWell',
                title: "What's working well?",
                entries: ['Patrols welcomed by residents'],
              },
              { id: 'needsToHappen', title: 'What needs to happen?', entries: [] },
            ],
            scaleText: 'Scale: 6/10',
          },
        }
      : {}),
    actions: ended
      ? []
      : [
          button('record-attendance', 'Record attendance', { meetingId }),
          ...(kind === 'review' ? [button('signs-of-safety', 'Signs of Safety', { meetingId })] : []),
          button('end-meeting', 'End meeting', { meetingId }, 'danger'),
        ],
  };
}

export const TIMELINE: TimelineCard = {
  kind: 'timeline',
  reference: REF,
  heading: `Timeline — ${REF}`,
  entries: [
    {
      at: '2027-08-27T14:05:00.000Z',
      atText: 'Fri 27 Aug 2027 15:05',
      who: 'Pat Police',
      summary: 'Incident reported: stabbing, Market Street, Corby.',
      type: 'incident.opened',
    },
    {
      at: '2027-08-27T15:30:00.000Z',
      atText: 'Fri 27 Aug 2027 16:30',
      who: 'Cara CSP',
      summary: 'Police acknowledged the notification.',
      type: 'notification.acknowledged',
    },
  ],
  moreText: 'Showing the latest 2 of 212 entries; the minutes and final report carry them all.',
};

/** The SIO's notification form, with one field refused, as a platform re-renders it after a bad submission. */
export function newIncidentFormCard(errors?: Record<string, string>): FormCard {
  return {
    kind: 'form',
    form: newIncidentForm(testDirectory(), NOW, 'U0SIO'),
    ...(errors ? { errors } : {}),
  };
}

export function recordMeetingFormCard(): FormCard {
  return { kind: 'form', form: recordMeetingForm(sampleIncident(), NOW, { platform: 'console' }) };
}

/** The card without an optional property (templating tells a missing property from one set to undefined). */
export function without<T extends object, K extends keyof T>(card: T, key: K): T {
  const copy = { ...card };
  delete copy[key];
  return copy;
}

/** At least one sample per template file, with the optional parts both present and absent. */
/** A lead's quarterly update card, by the real builder: action 1.2 (amber), first ask or a chase. */
export function planUpdateSample(chase = false): PlanUpdateCard {
  const { plan, round } = startRound(makePlan(), {
    quarter: '2024/25 Q2',
    deadline: '2024-07-19T16:00:00.000Z',
    by: PLAN_CREATOR,
    at: '2024-07-01T09:00:00.000Z',
  });
  return planUpdateCard(plan, round, plan.actions[1]!, { chase, deadline: 'Fri 19 Jul 2024 at 17:00' });
}

export function allSamples(): { name: string; card: TemplatedCard }[] {
  const bare = { ...NOTICE };
  delete bare.reference;
  delete bare.spaceUrl;
  return [
    { name: 'incident card', card: incidentCard() },
    { name: 'incident card with a missed deadline', card: incidentCard(NOW.plus({ days: 7 })) },
    { name: 'reminder card', card: reminderCard() },
    { name: 'escalation reminder', card: reminderCard('escalation', NOW.plus({ days: 7 })) },
    { name: 'incident list', card: INCIDENT_LIST },
    { name: 'empty incident list', card: EMPTY_LIST },
    { name: 'home', card: HOME },
    { name: 'empty home', card: EMPTY_HOME },
    { name: 'notice', card: NOTICE },
    { name: 'notice without a link', card: bare },
    { name: 'help', card: helpCard() },
    { name: 'new incident form', card: newIncidentFormCard() },
    { name: 'new incident form with errors', card: newIncidentFormCard({ location: 'Give a location' }) },
    { name: 'record meeting form', card: recordMeetingFormCard() },
    { name: 'home with no open actions', card: { ...HOME, actions: [] } },
    { name: 'action list', card: ACTION_LIST },
    { name: 'filtered empty action list', card: FILTERED_EMPTY_ACTIONS },
    { name: 'meeting card with a late warning', card: MEETING },
    { name: 'meeting card on time', card: without(MEETING, 'warning') },
    { name: 'initial meeting checklist', card: checklistCard() },
    { name: 'review meeting checklist with Signs of Safety', card: checklistCard({ kind: 'review' }) },
    { name: 'ended checklist', card: checklistCard({ kind: 'review', ended: true }) },
    { name: 'timeline', card: TIMELINE },
    { name: 'empty timeline', card: without({ ...TIMELINE, entries: [] }, 'moreText') },
    { name: 'plan update card', card: planUpdateSample() },
    { name: 'plan update chase', card: planUpdateSample(true) },
  ];
}
