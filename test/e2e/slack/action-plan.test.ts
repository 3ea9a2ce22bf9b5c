/**
 * Issue 6 end to end on Slack: the action plan and key dates.
 * `/incident action add` opens its form and adds action 1.1; `/incident
 * update 1.1` records progress with the RAG moved to amber (the "yellow" of
 * seed 003); `/incident actions rag:amber` answers with the plan as a table,
 * ephemerally; `/incident keydate add` plans the re-mobilisation reminders.
 * Bad answers (a due date that is not a date, an action that does not exist)
 * are explained and nothing changes.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACTIONS, CALLBACKS } from '../../../src/adapters/slack/ids.js';
import type { Incident } from '../../../src/core/incident/incident.js';
import { plainText, select, stateValues, userSelect } from '../../fakes/fake-slack/index.js';
import { runCommand, submitView, toldTo, viewMetadata, type Where } from './command-journeys.js';
import { channelOf, type Harness, reportIncident, startHarness, USERS } from './slack-harness.js';

let h: Harness;
let incident: Incident;
let here: Where;

beforeEach(async () => {
  h = await startHarness();
  incident = await reportIncident(h);
  here = { id: channelOf(incident), name: h.fake.channel(channelOf(incident))!.name };
});
afterEach(async () => {
  await h.close();
});

const stored = async () => (await h.muster.store.getIncident(incident.id))!;

const actionAnswers = (due: string) =>
  stateValues({
    priority: plainText('1'),
    priorityTitle: plainText('Community reassurance'),
    description: plainText('Visit the school and reassure parents'),
    leadAgency: select('police'),
    owner: userSelect(USERS.pat.id),
    due: plainText(due),
    rag: select('green'),
  });

async function addAction(): Promise<void> {
  const answer = await runCommand(h, 'action add', USERS.sio.id, here);
  expect(answer.view?.callback_id).toBe(CALLBACKS.registeredForm);
  const response = await submitView(h, answer.view!, actionAnswers('2027-09-10'));
  await h.muster.idle();
  expect(response.body).toBe('');
}

type Option = { text: { text: string }; value: string };
/** The options of a select in a modal, by its field id. */
function optionsOf(view: Record<string, unknown>, field: string): Option[] {
  const block = (view.blocks as { block_id?: string; element?: { options?: Option[] } }[]).find(
    (b) => b.block_id === field,
  );
  return block?.element?.options ?? [];
}

describe('/incident action add', () => {
  it('adds action 1.1 under a new priority and tells the person', async () => {
    await addAction();

    expect((await stored()).actions).toMatchObject([
      {
        number: '1.1',
        priority: { number: 1, title: 'Community reassurance' },
        leadAgency: 'police',
        owner: { id: 'slack:UPAT' },
        due: '2027-09-10',
        rag: 'green',
      },
    ]);
    expect(toldTo(h, USERS.sio.id).join('\n')).toContain('Action 1.1 added');
  });

  it('puts a due date that is not a date under its field and changes nothing', async () => {
    const answer = await runCommand(h, 'action add', USERS.sio.id, here);
    const before = await stored();

    const response = await submitView(h, answer.view!, actionAnswers('31/09/2027'));
    await h.muster.idle();

    const body = response.json<{ response_action: string; errors: Record<string, string> }>();
    expect(body.response_action).toBe('errors');
    expect(Object.keys(body.errors)).toEqual(['due']);
    expect(await stored()).toEqual(before);
  });
});

describe('/incident update', () => {
  it('records progress with the RAG moved to amber (“yellow”), who and when', async () => {
    await addAction();
    const answer = await runCommand(h, 'update 1.1', USERS.pat.id, here);
    expect(viewMetadata(answer.view!).formId).toBe('progress-update');
    const yellow = optionsOf(answer.view!, 'rag').find((o) => /yellow/i.test(o.text.text))!;
    expect(yellow).toBeDefined();

    const response = await submitView(
      h,
      answer.view!,
      stateValues({
        action: select('1.1'),
        progress: plainText('Met the head teacher; parents still worried'),
        rag: select({ value: yellow.value, text: yellow.text.text }),
      }),
      USERS.pat.id,
    );
    await h.muster.idle();

    expect(response.body).toBe('');
    const action = (await stored()).actions?.[0];
    expect(action?.rag).toBe('amber');
    expect(action?.updates.at(-1)).toMatchObject({
      text: 'Met the head teacher; parents still worried',
      by: { id: 'slack:UPAT', name: 'Pat Police' },
      at: expect.any(String),
    });
    expect(toldTo(h, USERS.pat.id).join('\n')).toMatch(/GREEN → AMBER/);
  });

  it('answers an action that does not exist with the plan’s actions, opening no form', async () => {
    await addAction();
    const before = await stored();

    const answer = await runCommand(h, 'update 9.9', USERS.pat.id, here);

    expect(answer.view).toBeUndefined();
    expect(answer.replies).toEqual([
      expect.objectContaining({ response_type: 'ephemeral', text: expect.stringContaining('no action 9.9') }),
    ]);
    expect(await stored()).toEqual(before);
  });
});

describe('/incident actions', () => {
  it('answers with the filtered plan as a table, ephemerally, each open action with Add update', async () => {
    await addAction();
    const update = await runCommand(h, 'update 1.1', USERS.pat.id, here);
    await submitView(
      h,
      update.view!,
      stateValues({ action: select('1.1'), progress: plainText('Visited'), rag: select('amber') }),
      USERS.pat.id,
    );
    await h.muster.idle();

    const amber = await runCommand(h, 'actions rag:amber', USERS.sam.id, here);

    expect(amber.replies).toHaveLength(1);
    const [reply] = amber.replies;
    expect(reply).toMatchObject({ response_type: 'ephemeral' });
    const shown = JSON.stringify(reply!.blocks);
    expect(shown).toContain('*1.1* Visit the school and reassure parents');
    expect(shown).toContain(':large_orange_circle: AMBER');
    expect(shown).toContain(ACTIONS.addUpdate);

    const red = await runCommand(h, 'actions rag:red', USERS.sam.id, here);
    expect(JSON.stringify(red.replies)).not.toContain('*1.1*');
  });
});

describe('App Home', () => {
  it('lists the owner’s open actions with an Add update button', async () => {
    await addAction();

    await h.slack.event({ type: 'app_home_opened', user: USERS.pat.id, channel: 'DPAT', tab: 'home' });
    await h.muster.idle();

    const view = JSON.stringify(h.fake.callsTo('views.publish').at(-1)!.args.view);
    expect(view).toContain('Your open actions');
    expect(view).toContain('*SV-2027-0001* · *1.1* Visit the school');
    expect(view).toContain(ACTIONS.addUpdate);
  });
});

describe('/incident keydate add', () => {
  it('adds the key date and plans the reminders to bring the group together', async () => {
    const answer = await runCommand(h, 'keydate add', USERS.cara.id, here);
    expect(viewMetadata(answer.view!).formId).toBe('key-date');
    const remindersBefore = (await h.muster.store.listReminders(incident.id)).length;

    const response = await submitView(
      h,
      answer.view!,
      stateValues({
        kind: select('anniversary'),
        date: plainText('2028-08-27'),
        title: plainText('First anniversary'),
        remobilise: plainText('5'),
      }),
      USERS.cara.id,
    );
    await h.muster.idle();

    expect(response.body).toBe('');
    expect((await stored()).keyDates).toMatchObject([{ title: 'First anniversary', date: '2028-08-27' }]);
    expect((await h.muster.store.listReminders(incident.id)).length).toBeGreaterThan(remindersBefore);
  });

  it('puts a date that is not a date under its field and changes nothing', async () => {
    const answer = await runCommand(h, 'keydate add', USERS.cara.id, here);
    const before = await stored();

    const response = await submitView(
      h,
      answer.view!,
      stateValues({ kind: select('anniversary'), date: plainText('next year'), title: plainText('x') }),
      USERS.cara.id,
    );
    await h.muster.idle();

    expect(response.json()).toMatchObject({
      response_action: 'errors',
      errors: { date: expect.any(String) },
    });
    expect(await stored()).toEqual(before);
  });
});
