/**
 * The shared response journey's driver for Slack (test/e2e/shared): each step
 * done as a Slack user does it, by signed requests to /slack/events through
 * the fake Slack (`/incident`, modal submissions, block actions), and what
 * the fake Slack received read back in the journey's neutral terms (channel
 * members by email, the pinned message, uploads by file name).
 */
import { expect } from 'vitest';
import { ACTIONS } from '../../../src/adapters/slack/ids.js';
import type { Incident } from '../../../src/core/incident/incident.js';
import {
  datetime,
  type ElementState,
  type FakeMessage,
  multiSelect,
  plainText,
  type StateValues,
  select,
  userSelect,
} from '../../fakes/fake-slack/index.js';
import type {
  JourneyAnswer,
  JourneyChoice,
  JourneyDriver,
  JourneyPerson,
  JourneyPlatform,
} from '../shared/response-journey.js';
import { buttonsOf, runCommand, submitView } from './command-journeys.js';
import { channelOf, type Harness, startHarness, USERS } from './slack-harness.js';

const PEOPLE: Record<JourneyPerson, { id: string }> = {
  sio: USERS.sio,
  police: USERS.pat,
  school: USERS.sam,
  coordinator: USERS.cara,
};

interface InputBlock {
  block_id?: string;
  element?: { type?: string; action_id?: string; options?: { text: { text: string }; value: string }[] };
}

/** The input blocks of a modal, by block id (Muster names each block after its form field). */
function inputsOf(view: Record<string, unknown>): Map<string, InputBlock> {
  const blocks = (view.blocks ?? []) as InputBlock[];
  return new Map(blocks.filter((b) => b.block_id && b.element).map((b) => [b.block_id!, b]));
}

/** One answer in the shape Slack sends for the block's element. */
function elementState(block: InputBlock, answer: JourneyAnswer): ElementState {
  const element = block.element!;
  const labelled = (value: string) => {
    const found = element.options?.find((o) => o.value === value);
    return found ? { value, text: found.text.text } : value;
  };
  if (typeof answer === 'object' && !Array.isArray(answer)) return userSelect(PEOPLE[answer.person].id);
  const values = Array.isArray(answer) ? answer : [answer];
  switch (element.type) {
    case 'datetimepicker':
      return datetime(Date.parse(values[0]!) / 1000);
    case 'static_select':
      return select(labelled(values[0]!));
    case 'multi_static_select':
      return multiSelect(values.map(labelled));
    case 'plain_text_input':
      return plainText(values[0]!);
    default:
      throw new Error(`the journey cannot answer a ${element.type} element (${block.block_id})`);
  }
}

function slackDriver(h: Harness): JourneyDriver & { close(): Promise<void> } {
  let openView: Record<string, unknown> | undefined;
  const where = (incident: Incident) => {
    const id = channelOf(incident);
    return { id, name: h.fake.channel(id)!.name };
  };
  const pinned = (incident: Incident): FakeMessage => {
    const card = h.fake.messages(channelOf(incident)).find((m) => m.pinned);
    if (!card) throw new Error(`no pinned card in ${incident.reference}'s channel`);
    return card;
  };
  const emailOf = (userId: string) => h.fake.users.find((u) => u.id === userId)?.email;
  const says = (headline: string) => (m: FakeMessage) => m.text.startsWith(headline);
  const lastView = () => {
    if (!openView) throw new Error('no form is open');
    return openView;
  };

  return {
    platform: 'Slack',
    get store() {
      return h.muster.store;
    },
    async tickAt(iso) {
      h.clock.set(iso);
      await h.muster.tickNow();
    },
    async openIncidentForm(as) {
      openView = (await runCommand(h, '', PEOPLE[as].id)).view;
      expect(openView).toBeDefined();
    },
    async command(incident, as, words) {
      const answer = await runCommand(h, words, PEOPLE[as].id, where(incident));
      openView = answer.view;
    },
    choicesIn(field) {
      const options = inputsOf(lastView()).get(field)?.element?.options ?? [];
      return options.map((o): JourneyChoice => ({ value: o.value, label: o.text.text }));
    },
    async submitForm(as, answers) {
      const view = lastView();
      const inputs = inputsOf(view);
      const values: StateValues = {};
      for (const [field, answer] of Object.entries(answers)) {
        const block = inputs.get(field);
        if (!block) throw new Error(`the form has no field ${field}`);
        values[field] = { [block.element!.action_id ?? field]: elementState(block, answer) };
      }
      const response = await submitView(h, view, values, PEOPLE[as].id);
      await h.muster.idle();
      expect(response.body, 'Slack was answered with form errors').toBe('');
      openView = undefined;
    },
    async acknowledge(incident, agencyId, as) {
      const card = pinned(incident);
      const button = buttonsOf(card).find(
        (b) => b.action_id === ACTIONS.acknowledge && b.value.includes(`"${agencyId}"`),
      );
      if (!button) throw new Error(`no Acknowledge button for ${agencyId}`);
      const response = await h.slack.blockAction({
        action_id: button.action_id,
        user: PEOPLE[as].id,
        value: button.value,
        channel: card.channel,
        message: { ts: card.ts },
      });
      expect(response.status).toBe(200);
      await h.muster.idle();
    },
    space(incident) {
      const channel = h.fake.channel(channelOf(incident));
      if (!channel) return undefined;
      const emails = [...channel.members].map(emailOf).filter((e): e is string => e !== undefined);
      return { name: channel.name, memberEmails: emails.sort() };
    },
    pinnedCard(incident) {
      const card = pinned(incident);
      return { text: `${card.text}\n${JSON.stringify(card.blocks ?? [])}`, updated: card.edited };
    },
    postsInSpace: (incident, headline) => h.fake.messages(channelOf(incident)).filter(says(headline)).length,
    postsTo(person, headline) {
      const dm = h.fake.dmWith(PEOPLE[person].id);
      return dm ? h.fake.messages(dm.id).filter(says(headline)).length : 0;
    },
    documentsInSpace: (incident) =>
      h.fake.uploads.filter((u) => u.channel === channelOf(incident)).map((u) => u.filename),
    close: () => h.close(),
  };
}

export const slackJourney: JourneyPlatform = {
  name: 'Slack',
  start: async () => slackDriver(await startHarness()),
};
