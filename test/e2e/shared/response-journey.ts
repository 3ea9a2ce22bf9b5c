/**
 * The response journey every chat platform must support (issue 7: "the same
 * journey tests as Slack run against both platforms from one shared scenario
 * definition"), as an ordered list of steps written against a small driver:
 * the SIO reports an incident through the notification form and a channel is
 * made for it, an agency acknowledges from the pinned card and the card is
 * updated in place, a reminder is delivered when the scheduler ticks, an
 * action is added and updated with the RAG the plan calls "yellow" (stored as
 * amber), and the meeting's minutes are exported as files. Each platform
 * supplies a driver that does these things the way its users do (Slack:
 * signed slash commands, modals and button presses; Teams: typed words and
 * Adaptive Card submissions) and reports what its fake received, normalised;
 * the assertions here are the same for every platform. Free of any platform
 * import.
 */
import { expect } from 'vitest';
import type { Incident } from '../../../src/core/incident/incident.js';
import type { Store } from '../../../src/ports.js';

/** The test directory's people, by the part they play (the SIO may be a police contact on some platforms). */
export type JourneyPerson = 'sio' | 'police' | 'school' | 'coordinator';

/** A form answer: an option's value, text, an ISO instant for a date-time, values of a multi-select, or a person. */
export type JourneyAnswer = string | string[] | { person: JourneyPerson };

export interface JourneyChoice {
  value: string;
  label: string;
}

/** The incident's space (Slack channel, Teams channel) as the platform's fake holds it. */
export interface JourneySpace {
  name: string;
  /** The members' email addresses, sorted. */
  memberEmails: string[];
}

/** The incident's pinned card as the platform's fake shows it now. */
export interface JourneyCard {
  /** Everything the card says, for loose assertions. */
  text: string;
  /** Whether it was replaced in place since it was first posted. */
  updated: boolean;
}

export interface JourneyDriver {
  readonly platform: string;
  /** The running Muster's store, to check what was recorded. */
  readonly store: Store;
  /** Moves the clock to `iso` and runs one scheduler tick. */
  tickAt(iso: string): Promise<void>;
  /** The person asks for the notification form (Slack `/incident`, Teams "incident"). */
  openIncidentForm(as: JourneyPerson): Promise<void>;
  /** Types an `/incident` subcommand (without the command word) in the incident's space. */
  command(incident: Incident, as: JourneyPerson, words: string): Promise<void>;
  /** The options the last opened form offers for a choice field. */
  choicesIn(field: string): JourneyChoice[];
  /** Answers the last opened form by field id and submits it; the submission must be accepted. */
  submitForm(as: JourneyPerson, answers: Record<string, JourneyAnswer>): Promise<void>;
  /** Presses the agency's Acknowledge button on the incident's pinned card. */
  acknowledge(incident: Incident, agencyId: string, as: JourneyPerson): Promise<void>;
  space(incident: Incident): JourneySpace | undefined;
  pinnedCard(incident: Incident): JourneyCard;
  /** How many messages in the incident's space say `headline` (a reminder's first words). */
  postsInSpace(incident: Incident, headline: string): number;
  /** How many messages the bot sent the person directly that say `headline`. */
  postsTo(person: JourneyPerson, headline: string): number;
  /** File names of the documents posted in the incident's space. */
  documentsInSpace(incident: Incident): string[];
}

/** What the steps share as the journey goes on. */
export interface JourneyState {
  incident?: Incident;
}

export interface JourneyStep {
  name: string;
  run(driver: JourneyDriver, state: JourneyState): Promise<void>;
}

/** Fri 27 Aug 2027 15:00 BST (DESIGN.md's worked example): the initial meeting is due Thu 2 Sep 15:00. */
export const OCCURRED_AT = '2027-08-27T14:00:00.000Z';
/** Tue 31 Aug 2027 15:00 BST: 48 hours before the initial meeting is due. */
export const REMINDER_FIRES_AT = '2027-08-31T14:00:00.000Z';
const REMINDER_HEADLINE = 'Initial Tactical Response Meeting due in';

const incidentOf = (state: JourneyState): Incident => {
  if (!state.incident) throw new Error('no incident yet: the journey must start by reporting one');
  return state.incident;
};
const stored = async (driver: JourneyDriver, state: JourneyState) =>
  (await driver.store.getIncident(incidentOf(state).id))!;

export const RESPONSE_JOURNEY: JourneyStep[] = [
  {
    name: 'reports an incident through the form and makes its channel with the agencies in it',
    async run(driver, state) {
      await driver.openIncidentForm('sio');
      await driver.submitForm('sio', {
        occurredAt: OCCURRED_AT,
        area: 'corby',
        location: 'Market Street',
        category: 'gold-group',
        description: 'A stabbing outside a takeaway.',
        weapon: 'knife',
        sio: { person: 'sio' },
        reportedBy: { person: 'sio' },
        knockOnAreas: ['kettering'],
      });
      const [summary] = await driver.store.listIncidents();
      state.incident = (await driver.store.getIncident(summary!.id))!;
      expect(state.incident).toMatchObject({
        reference: 'SV-2027-0001',
        area: 'corby',
        occurredAt: OCCURRED_AT,
      });
      const space = driver.space(state.incident);
      expect(space?.name).toMatch(/sv-2027-0001/i);
      expect(space?.memberEmails).toEqual(
        expect.arrayContaining(['cara@csp.example', 'pat@police.example', 'sam@school.example']),
      );
      expect(driver.pinnedCard(state.incident)).toMatchObject({ updated: false });
    },
  },
  {
    name: 'records an acknowledgement from the pinned card and updates that card in place',
    async run(driver, state) {
      await driver.acknowledge(incidentOf(state), 'schools', 'school');
      expect((await stored(driver, state)).acknowledgements).toMatchObject([
        { agencyId: 'schools', by: { name: 'Sam School' } },
      ]);
      const card = driver.pinnedCard(incidentOf(state));
      expect(card.updated).toBe(true);
      expect(card.text).toContain('Sam School');
    },
  },
  {
    name: 'delivers the reminder to the channel, the SIO and the coordinator once when the scheduler ticks',
    async run(driver, state) {
      await driver.tickAt('2027-08-31T13:59:00.000Z');
      expect(driver.postsInSpace(incidentOf(state), REMINDER_HEADLINE)).toBe(0);

      await driver.tickAt(REMINDER_FIRES_AT);
      expect(driver.postsInSpace(incidentOf(state), REMINDER_HEADLINE)).toBe(1);
      expect(driver.postsTo('sio', REMINDER_HEADLINE)).toBe(1);
      expect(driver.postsTo('coordinator', REMINDER_HEADLINE)).toBe(1);
      const reminder = (await driver.store.listReminders(incidentOf(state).id)).find(
        (r) => r.key === 'initial-meeting:before-48h',
      );
      expect(reminder?.sentAt).toBe(REMINDER_FIRES_AT);

      await driver.tickAt('2027-08-31T14:01:00.000Z');
      expect(driver.postsInSpace(incidentOf(state), REMINDER_HEADLINE)).toBe(1);
      expect(driver.postsTo('sio', REMINDER_HEADLINE)).toBe(1);
    },
  },
  {
    name: 'adds an action and updates it with the RAG "yellow", stored as amber',
    async run(driver, state) {
      const incident = incidentOf(state);
      await driver.command(incident, 'sio', 'action add 1');
      await driver.submitForm('sio', {
        priority: '1',
        priorityTitle: 'Community reassurance',
        description: 'Visit the school with the neighbourhood team',
        leadAgency: 'police',
        owner: { person: 'police' },
        rag: 'green',
      });
      expect((await stored(driver, state)).actions).toMatchObject([
        { number: '1.1', leadAgency: 'police', owner: { name: 'Pat Police' }, rag: 'green' },
      ]);

      await driver.command(incident, 'police', 'update 1.1');
      const yellow = driver.choicesIn('rag').find((c) => /yellow/i.test(c.label));
      expect(yellow).toBeDefined();
      await driver.submitForm('police', {
        action: '1.1',
        progress: 'Met the head teacher; parents still worried',
        rag: yellow!.value,
      });
      const [action] = (await stored(driver, state)).actions!;
      expect(action?.rag).toBe('amber');
      expect(action?.updates.at(-1)).toMatchObject({
        text: 'Met the head teacher; parents still worried',
        by: { name: 'Pat Police' },
      });
    },
  },
  {
    name: 'exports the minutes of the meeting as documents in the channel',
    async run(driver, state) {
      const incident = incidentOf(state);
      await driver.command(incident, 'sio', 'meeting start');
      await driver.command(incident, 'sio', 'meeting end');
      expect((await stored(driver, state)).status).toBe('initial-held');

      await driver.command(incident, 'coordinator', 'export minutes');
      expect(driver.documentsInSpace(incident)).toEqual(
        expect.arrayContaining([expect.stringMatching(/^sv-2027-0001-minutes.*\.docx$/)]),
      );
      expect((await stored(driver, state)).completions['minutes-initial']).toBeDefined();
    },
  },
];

/** A platform's end-to-end kit: starts Muster against the platform's fakes and hands back its driver. */
export interface JourneyPlatform {
  readonly name: string;
  start(): Promise<JourneyDriver & { close(): Promise<void> }>;
}
