/**
 * The action plan on Teams, through the app's command forms: "action add"
 * in the incident channel answers with the add-action form (the asker preset
 * as owner), which adds action 1.1; "update 1.1" answers with the progress
 * form, which records the update and the RAG rating. A refused update comes
 * back where it was filled in, the problem under its field, nothing stored.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Incident } from '../../../src/core/incident/incident.js';
import { activity, type ConnectorMessage, cardOf, textOf } from '../../fakes/fake-teams/index.js';
import {
  errorUnder,
  formAnswers,
  type Harness,
  inChannel,
  inputValue,
  reportIncident,
  spaceOf,
  startHarness,
  USERS,
} from './teams-harness.js';

let h: Harness;
let incident: Incident;
beforeEach(async () => {
  h = await startHarness();
  incident = await reportIncident(h);
});
afterEach(async () => {
  await h.close();
});

const channel = () => inChannel(spaceOf(incident), 'sv-2027-0001-corby');

/** Types `text` to the bot in the channel and returns its answer. */
async function ask(text: string): Promise<ConnectorMessage> {
  await h.say(USERS.pat, channel(), text, { mention: true });
  return h.connector.messages(spaceOf(incident)).at(-1)!;
}

async function addAction(): Promise<void> {
  const form = await ask('action add 1');
  expect(cardOf(form)?.fallbackText).toMatch(/action/i);
  expect(inputValue(cardOf(form), 'owner')).toBe('pat-police');
  await h.submit(
    USERS.pat,
    channel(),
    formAnswers(cardOf(form), {
      priority: '1',
      priorityTitle: 'Community reassurance',
      description: 'Visit the school with the neighbourhood team',
      leadAgency: 'police',
      owner: 'pat-police',
      due: '2027-09-10',
      rag: 'green',
    }),
    form.id,
  );
  expect(textOf(h.connector.message(form.id))).toContain('Action 1.1 added');
}

describe('the action plan from Teams', () => {
  it('adds action 1.1, then records an update with its RAG rating from "update 1.1"', async () => {
    await addAction();
    const form = await ask('update 1.1');
    expect(inputValue(cardOf(form), 'action')).toBe('1.1');

    await h.submit(
      USERS.pat,
      channel(),
      formAnswers(cardOf(form), { action: '1.1', progress: 'Visited; parents worried', rag: 'red' }),
      form.id,
    );

    const [action] = (await h.muster.store.getIncident(incident.id))!.actions!;
    expect(action).toMatchObject({ number: '1.1', rag: 'red' });
    expect(action!.owner).toMatchObject({ id: 'teams:aad-pat', contactId: 'pat-police' });
    expect(action!.updates.at(-1)).toMatchObject({ text: 'Visited; parents worried' });
    expect(textOf(h.connector.message(form.id))).toMatch(/1\.1/);
  });

  it('shows a refused update again where it was, the problem under the progress field, nothing stored', async () => {
    await addAction();
    const before = await h.muster.store.getIncident(incident.id);
    const form = await ask('update 1.1');

    await h.submit(
      USERS.pat,
      channel(),
      formAnswers(cardOf(form), { action: '1.1', progress: '', rag: 'red' }),
      form.id,
    );

    expect(await h.muster.store.getIncident(incident.id)).toEqual(before);
    const again = cardOf(h.connector.message(form.id));
    expect(again?.fallbackText).toBe(cardOf(form)?.fallbackText);
    expect(errorUnder(again, 'progress')).toMatch(/progress|say|write|what/i);
    expect(errorUnder(again, 'rag')).toBeUndefined();
    expect(inputValue(again, 'rag')).toBe('red');
  });

  it('adds one action when Teams delivers the same submission twice', async () => {
    const form = await ask('action add 1');
    const submission = activity(h.base, {
      from: USERS.pat,
      where: channel(),
      replyToId: form.id,
      value: formAnswers(cardOf(form), {
        priority: '1',
        priorityTitle: 'Community reassurance',
        description: 'Visit the school',
        leadAgency: 'police',
        owner: 'pat-police',
        rag: 'green',
      }),
    });
    await h.send(submission);
    await h.send(submission);
    expect((await h.muster.store.getIncident(incident.id))!.actions).toHaveLength(1);
  });

  it('lists the plan with "actions"', async () => {
    await addAction();
    const list = await ask('actions');
    expect(textOf(list)).toContain('Visit the school with the neighbourhood team');
  });
});
