/**
 * Sample export documents shaped like the toolkit's real ones (seed 003/004
 * action plans, seed 002 checklist), plus a generator for large plans used by
 * the bench and the size tests.
 */
import type {
  ActionPlanDocument,
  FinalReportDocument,
  IncidentHeader,
  MinutesDocument,
  Priority,
  Rag,
} from '../../src/export/export-model.js';

export const INCIDENT: IncidentHeader = {
  reference: 'SV-2027-0042',
  title: 'Stabbing outside Market Place, Sutton-in-Ashfield',
  area: 'Ashfield',
  occurred: 'Sat 13 Mar 2027, 22:40',
};

export const PLAN: ActionPlanDocument = {
  incident: INCIDENT,
  asAt: 'Mon 15 Mar 2027',
  priorities: [
    {
      number: '1',
      title: 'Community reassurance',
      actions: [
        {
          number: '1.1',
          description: 'Increase high-visibility patrols around Market Place, evenings and weekends',
          lead: 'Nottinghamshire Police',
          owner: 'Insp. Ada Shaw',
          timescale: '4 weeks',
          progressUpdate: 'Patrol plan agreed; first week done',
          rag: 'green',
          status: 'Open',
        },
        {
          number: '1.2',
          description: 'Leaflet drop, "what to do if…" – with the school, mosque & church',
          lead: 'Ashfield District Council',
          timescale: 'By 22 Mar 2027',
          progressUpdate: 'Awaiting print, quote "B-17"',
          rag: 'amber',
        },
      ],
    },
    {
      number: '2',
      title: 'Victims and families',
      actions: [
        {
          number: '2.1',
          description: '=HYPERLINK("http://evil.example","click") support referral',
          lead: 'Victim Support',
          timescale: 'Immediate',
          progressUpdate: '-No contact yet\nsecond attempt Tuesday',
          rag: 'red',
        },
      ],
    },
  ],
};

export const MINUTES: MinutesDocument = {
  incident: INCIDENT,
  meeting: {
    kind: 'Initial Tactical Response Meeting',
    when: 'Mon 15 Mar 2027, 10:00–11:30',
    chair: 'DCI Priya Nair (SIO)',
    location: 'Teams',
    minutedBy: 'Ashfield CSP',
  },
  attendance: [
    { agency: 'Nottinghamshire Police', present: ['DCI Priya Nair', 'Insp. Ada Shaw'], apologies: [] },
    { agency: 'Ashfield District Council', present: ['Tom Reed'], apologies: ['Jo Bell'] },
    { agency: 'Nottinghamshire Fire & Rescue', present: [], apologies: ['Sam Hart'] },
  ],
  checklist: [
    {
      title: 'Information sharing',
      items: [
        {
          text: 'Community tension assessment completed',
          done: true,
          assignedTo: 'Police',
          notes: 'Tension: medium',
          decisions: ['Reassess on Friday'],
        },
        { text: 'Schools in the area informed', done: false, assignedTo: 'Education' },
      ],
    },
  ],
  signsOfSafety: {
    worried: ['Retaliation between two groups'],
    workingWell: ['Quick information sharing'],
    needsToHappen: ['Youth outreach at weekends'],
    scale: { value: 4, rationale: 'Tension remains; no further incidents' },
  },
  decisions: ['Review meeting in one month', 'Press line agreed with Police comms'],
  actionPlan: PLAN,
  circulation: ['Attendees', 'List 1 agencies'],
};

export const FINAL_REPORT: FinalReportDocument = {
  incident: INCIDENT,
  facts: [
    { label: 'SIO', value: 'DCI Priya Nair' },
    { label: 'Closed', value: 'Fri 14 May 2027' },
  ],
  preparedOn: 'Fri 14 May 2027',
  timeline: [
    {
      milestone: 'Notification form within 12 hours',
      due: 'Sun 14 Mar 10:40',
      done: 'Sun 14 Mar 08:15',
      outcome: 'met',
    },
    {
      milestone: 'Initial meeting within 72 hours',
      due: 'Tue 16 Mar 22:40',
      done: 'Wed 17 Mar 09:00',
      outcome: 'late',
    },
    { milestone: 'Review meeting', due: 'Thu 15 Apr', outcome: 'open' },
  ],
  meetings: [
    {
      kind: 'Initial Tactical Response Meeting',
      when: 'Wed 17 Mar 2027',
      chair: 'DCI Priya Nair',
      agencies: ['Nottinghamshire Police', 'Ashfield District Council'],
      decisions: ['Patrols for four weeks'],
    },
  ],
  actionPlan: PLAN,
  lessons: ['Notify schools on day one', 'Agree the press line before the meeting'],
};

const RAGS: Rag[] = ['red', 'amber', 'green'];

/** A plan of `count` actions spread over five priorities, with realistic text lengths. */
export function largePlan(count: number): ActionPlanDocument {
  const priorities: Priority[] = Array.from({ length: 5 }, (_, p) => ({
    number: String(p + 1),
    title: `Priority ${p + 1} theme`,
    actions: [],
  }));
  for (let i = 0; i < count; i += 1) {
    const priority = priorities[i % 5]!;
    priority.actions.push({
      number: `${priority.number}.${priority.actions.length + 1}`,
      description: `Action ${i}: coordinate partner activity, share findings with the CSP board and report back`,
      lead: 'Ashfield District Council',
      timescale: 'March 2027',
      progressUpdate: `Update ${i}: on track, next review at the monthly meeting`,
      rag: RAGS[i % 3]!,
    });
  }
  return { incident: INCIDENT, asAt: 'Mon 15 Mar 2027', priorities };
}

export function largeMinutes(count: number): MinutesDocument {
  return { ...MINUTES, actionPlan: largePlan(count) };
}
