/**
 * The response journey every chat platform must support, as one scenario
 * written against a small driver: the SIO reports an incident, an agency
 * acknowledges from the pinned card, a reminder arrives when the scheduler
 * ticks, an action is added and updated with a RAG rating, and a meeting's
 * minutes are exported. Each platform's end-to-end tests supply a driver that
 * does these things the way that platform's users do (Teams: typed words and
 * Adaptive Card submissions; Slack: slash commands and modals), so the same
 * assertions hold on every platform. Free of any platform import.
 */
import { expect } from 'vitest';
import type { Incident } from '../../../src/core/incident/incident.js';
import type { Store } from '../../../src/ports.js';

/** The test directory's people, by role. */
export type JourneyPerson = 'sio' | 'school';

export interface JourneyDriver {
  store: Store;
  /** Moves the clock to `iso` and runs one scheduler tick. */
  tickAt(iso: string): Promise<void>;
  /** The SIO opens the notification form and submits valid answers (Corby, knife, knock-on Kettering). */
  reportIncident(): Promise<Incident>;
  /** Presses the agency's Acknowledge button on the incident's pinned card. */
  acknowledge(incident: Incident, agencyId: string, as: JourneyPerson): Promise<void>;
  /** Everything the pinned incident card says now. */
  pinnedCard(incident: Incident): string;
  /** How many messages in the incident's space start with `headline`. */
  postsInSpace(incident: Incident, headline: string): number;
  /** Types an `/incident` subcommand (without the command word) in the incident's space. */
  command(incident: Incident, as: JourneyPerson, words: string): Promise<void>;
  /** Answers the form the last command opened, by field id (a datetime as `<id>` ISO), and submits it. */
  submitForm(incident: Incident, as: JourneyPerson, answers: Record<string, string>): Promise<void>;
  /** File names of the documents posted in the incident's space. */
  documentsInSpace(incident: Incident): string[];
}

/** Tue 31 Aug 2027 15:00 BST: 48 hours before the initial meeting is due. */
const REMINDER_FIRES_AT = '2027-08-31T14:00:00.000Z';

export async function runResponseJourney(driver: JourneyDriver): Promise<void> {
  const opened = await driver.reportIncident();
  expect(opened.reference).toBe('SV-2027-0001');

  await driver.acknowledge(opened, 'schools', 'school');
  const acknowledged = (await driver.store.getIncident(opened.id))!;
  expect(acknowledged.acknowledgements.map((a) => a.agencyId)).toEqual(['schools']);
  expect(driver.pinnedCard(opened)).toContain('Sam School');

  await driver.tickAt(REMINDER_FIRES_AT);
  expect(driver.postsInSpace(opened, 'Initial Tactical Response Meeting due in')).toBe(1);

  await driver.command(opened, 'sio', 'action add 1');
  await driver.submitForm(opened, 'sio', {
    priority: '1',
    priorityTitle: 'Community reassurance',
    description: 'Visit the school with the neighbourhood team',
    leadAgency: 'police',
    owner: 'pat-police',
    rag: 'green',
  });
  await driver.command(opened, 'sio', 'update 1.1');
  await driver.submitForm(opened, 'sio', { action: '1.1', progress: 'Visited; parents worried', rag: 'red' });
  const [action] = (await driver.store.getIncident(opened.id))!.actions!;
  expect(action).toMatchObject({ number: '1.1', rag: 'red' });
  expect(action!.updates.at(-1)?.text).toBe('Visited; parents worried');

  await driver.command(opened, 'sio', 'meeting start');
  await driver.command(opened, 'sio', 'meeting end');
  await driver.command(opened, 'sio', 'export minutes');
  expect(driver.documentsInSpace(opened).some((name) => name.endsWith('.docx'))).toBe(true);
  expect((await driver.store.getIncident(opened.id))!.completions['minutes-initial']).toBeDefined();
}
