/**
 * The shared response journey's driver for Teams (test/e2e/shared): each step
 * done as a Teams user does it, by activities posted to /api/messages (typed
 * words, Adaptive Card submissions), and what the fake Bot Connector and the
 * fake Graph received read back in the journey's neutral terms (channel
 * members by email, the pinned card's versions, documents by file name).
 */
import { DateTime } from 'luxon';
import { expect } from 'vitest';
import type { Incident } from '../../../src/core/incident/incident.js';
import {
  type ConnectorMessage,
  cardOf,
  type TeamsUser,
  textOf,
  type Where,
} from '../../fakes/fake-teams/index.js';
import type {
  JourneyAnswer,
  JourneyChoice,
  JourneyDriver,
  JourneyPerson,
  JourneyPlatform,
} from '../shared/response-journey.js';
import {
  buttonsIn,
  dmOf,
  formAnswers,
  type Harness,
  inChannel,
  lastIn,
  openForm,
  personal,
  spaceOf,
  startHarness,
  USERS,
} from './teams-harness.js';

/** On Teams the SIO is Pat, a police contact: a person field's answer is a directory contact id. */
const PEOPLE: Record<JourneyPerson, { user: TeamsUser; contactId: string }> = {
  sio: { user: USERS.pat, contactId: 'pat-police' },
  police: { user: USERS.pat, contactId: 'pat-police' },
  school: { user: USERS.sam, contactId: 'sam-school' },
  coordinator: { user: USERS.cara, contactId: 'cara-csp' },
};
/** The protocol's zone, in which cards/form.json asks for a date and a time. */
const ZONE = 'Europe/London';

interface ChoiceSet {
  type: string;
  id?: string;
  choices?: { title: string; value: string }[];
}

/** The form card's input with this id, wherever it sits. */
function inputIn(card: Record<string, unknown> | undefined, id: string): ChoiceSet | undefined {
  let found: ChoiceSet | undefined;
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const item = node as ChoiceSet;
    if (item.id === id && String(item.type).startsWith('Input.')) found = item;
    Object.values(item).forEach(walk);
  };
  walk(card?.body);
  return found;
}

/** One answer as the card's inputs post it: a date-time as two inputs, several choices comma-joined. */
function inputs(field: string, answer: JourneyAnswer, card: Record<string, unknown>): Record<string, string> {
  if (typeof answer === 'object' && !Array.isArray(answer))
    return { [field]: PEOPLE[answer.person].contactId };
  if (Array.isArray(answer)) return { [field]: answer.join(',') };
  if (!inputIn(card, field) && inputIn(card, `${field}__date`)) {
    const local = DateTime.fromISO(answer, { zone: ZONE });
    return { [`${field}__date`]: local.toFormat('yyyy-MM-dd'), [`${field}__time`]: local.toFormat('HH:mm') };
  }
  return { [field]: answer };
}

function teamsDriver(h: Harness): JourneyDriver & { close(): Promise<void> } {
  let open: { form: ConnectorMessage; where: Where } | undefined;
  const where = (incident: Incident) => inChannel(spaceOf(incident), incident.spaces.teams?.spaceName);
  const pinned = (incident: Incident): ConnectorMessage => {
    const card = h.connector.message(incident.spaces.teams?.cardRef ?? '');
    if (!card) throw new Error(`no pinned card in ${incident.reference}'s channel`);
    return card;
  };
  const says = (headline: string) => (m: ConnectorMessage) => String(m.activity.summary).startsWith(headline);
  const openCard = () => {
    const card = cardOf(open?.form);
    if (!open || !card) throw new Error('no form is open');
    return { ...open, card };
  };

  return {
    platform: 'Teams',
    store: h.muster.store,
    async tickAt(iso) {
      h.clock.set(iso);
      await h.muster.tickNow();
    },
    async openIncidentForm(as) {
      const from = PEOPLE[as].user;
      open = { form: await openForm(h, from), where: personal(from) };
    },
    async command(incident, as, words) {
      await h.say(PEOPLE[as].user, where(incident), words, { mention: true });
      const last = lastIn(h, spaceOf(incident));
      open = cardOf(last)?.actions ? { form: last, where: where(incident) } : undefined;
    },
    choicesIn(field) {
      const choices = inputIn(openCard().card, field)?.choices ?? [];
      return choices.map((c): JourneyChoice => ({ value: c.value, label: c.title }));
    },
    async submitForm(as, answers) {
      const { form, where: there, card } = openCard();
      const posted = Object.entries(answers).reduce<Record<string, string>>(
        (all, [field, answer]) => Object.assign(all, inputs(field, answer, card)),
        {},
      );
      const response = await h.submit(PEOPLE[as].user, there, formAnswers(card, posted), form.id);
      expect(response.status).toBe(200);
      // A refusal replaces the form with the same form, each problem under its field.
      const shown = cardOf(h.connector.message(form.id));
      expect(shown?.fallbackText, 'Teams showed the form again').not.toBe(card.fallbackText);
      open = undefined;
    },
    async acknowledge(incident, agencyId, as) {
      const card = pinned(incident);
      const button = buttonsIn(cardOf(card)).find((b) => String(b.data.value).includes(`"${agencyId}"`));
      if (!button) throw new Error(`no Acknowledge button for ${agencyId}`);
      const response = await h.submit(PEOPLE[as].user, where(incident), button.data, card.id);
      expect(response.status).toBe(200);
    },
    space(incident) {
      const channel = h.graph.channel(spaceOf(incident));
      if (!channel) return undefined;
      const emails = [...channel.members.keys()]
        .map((id) => h.graph.users.find((u) => u.id === id)?.mail)
        .filter((e): e is string => e !== undefined);
      return { name: channel.displayName, memberEmails: emails.sort() };
    },
    pinnedCard(incident) {
      const card = pinned(incident);
      return { text: textOf(card), updated: card.versions.length > 1 };
    },
    postsInSpace: (incident, headline) =>
      h.connector.messages(spaceOf(incident)).filter(says(headline)).length,
    postsTo(person, headline) {
      // The chat the person opened by writing to the bot, or else the one Muster made to reach them.
      const { user } = PEOPLE[person];
      const chats = new Set([dmOf(user), h.connector.personalChats.get(user.aadObjectId)]);
      return [...chats].flatMap((c) => (c ? h.connector.messages(c).filter(says(headline)) : [])).length;
    },
    documentsInSpace: (incident) =>
      h.connector
        .messages(spaceOf(incident))
        .flatMap((m) =>
          [...textOf(m).matchAll(/\(([\w.-]+\.(?:docx|md|xlsx|csv|ics))\)/g)].map((x) => x[1]!),
        ),
    close: () => h.close(),
  };
}

export const teamsJourney: JourneyPlatform = {
  name: 'Teams',
  start: async () => teamsDriver(await startHarness()),
};
