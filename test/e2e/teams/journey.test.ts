/**
 * The shared response journey (response-journey.ts) on Teams: typed words in
 * the incident channel, Adaptive Card submissions, proactive posts.
 */
import { afterEach, beforeEach, it } from 'vitest';
import type { Incident } from '../../../src/core/incident/incident.js';
import { cardOf, type ConnectorMessage, textOf, type TeamsUser } from '../../fakes/fake-teams/index.js';
import { type JourneyDriver, type JourneyPerson, runResponseJourney } from './response-journey.js';
import {
  buttonsIn,
  formAnswers,
  type Harness,
  inChannel,
  reportIncident,
  spaceOf,
  startHarness,
  USERS,
} from './teams-harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

const PEOPLE: Record<JourneyPerson, TeamsUser> = { sio: USERS.pat, school: USERS.sam };

function teamsDriver(): JourneyDriver {
  let lastForm: ConnectorMessage | undefined;
  const where = (incident: Incident) => inChannel(spaceOf(incident), incident.spaces.teams?.spaceName);
  const pinned = (incident: Incident) => h.connector.message(incident.spaces.teams!.cardRef!)!;
  return {
    store: h.muster.store,
    async tickAt(iso) {
      h.clock.set(iso);
      await h.muster.tickNow();
    },
    reportIncident: () => reportIncident(h, PEOPLE.sio),
    async acknowledge(incident, agencyId, as) {
      const card = pinned(incident);
      const button = buttonsIn(cardOf(card)).find((b) => String(b.data.value).includes(`"${agencyId}"`))!;
      await h.submit(PEOPLE[as], where(incident), button.data, card.id);
    },
    pinnedCard: (incident) => textOf(pinned(incident)),
    postsInSpace: (incident, headline) =>
      h.connector.messages(spaceOf(incident)).filter((m) => String(m.activity.summary).startsWith(headline))
        .length,
    async command(incident, as, words) {
      await h.say(PEOPLE[as], where(incident), words, { mention: true });
      lastForm = h.connector.messages(spaceOf(incident)).at(-1);
    },
    async submitForm(incident, as, answers) {
      await h.submit(PEOPLE[as], where(incident), formAnswers(cardOf(lastForm), answers), lastForm!.id);
    },
    documentsInSpace: (incident) =>
      h.connector
        .messages(spaceOf(incident))
        .flatMap((m) =>
          [...textOf(m).matchAll(/\(([\w.-]+\.(?:docx|md|xlsx|csv|ics))\)/g)].map((x) => x[1]!),
        ),
  };
}

it('runs the whole response on Teams: report, acknowledge, reminder, action with RAG, minutes', async () => {
  await runResponseJourney(teamsDriver());
});
