/**
 * Issue 6 end to end on Slack: `/incident close` (only the SIO or a CSP
 * coordinator; a reason unless the final report went out; the channel is
 * archived), `/incident timeline`, and commands Muster cannot read, answered
 * ephemerally with the usage and nothing changed.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CALLBACKS } from '../../../src/adapters/slack/ids.js';
import type { Incident } from '../../../src/core/incident/incident.js';
import { plainText, stateValues } from '../../fakes/fake-slack/index.js';
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
const events = async () => h.muster.store.listEvents(incident.id);

describe('/incident close', () => {
  it('refuses someone who is neither the SIO nor a coordinator, ephemerally, opening no form', async () => {
    const answer = await runCommand(h, 'close', USERS.pat.id, here);

    expect(answer.view).toBeUndefined();
    expect(answer.replies).toEqual([
      expect.objectContaining({ response_type: 'ephemeral', text: expect.stringMatching(/SIO/) }),
    ]);
    expect((await stored()).status).toBe('open');
    expect(h.fake.callsTo('conversations.archive')).toEqual([]);
  });

  it('lets the SIO close with a reason, which archives the channel', async () => {
    const answer = await runCommand(h, 'close', USERS.sio.id, here);
    expect(answer.view?.callback_id).toBe(CALLBACKS.registeredForm);
    expect(viewMetadata(answer.view!)).toMatchObject({
      formId: 'close-incident',
      context: { reference: incident.reference, grantedTo: USERS.sio.id },
    });

    const response = await submitView(
      h,
      answer.view!,
      stateValues({ reason: plainText('No further action: the group agreed to stand down.') }),
    );
    await h.muster.idle();

    expect(response.body).toBe('');
    expect((await stored()).status).toBe('closed');
    expect(h.fake.callsTo('conversations.archive').map((c) => c.args.channel)).toEqual([here.id]);
    expect(h.fake.channel(here.id)?.archived).toBe(true);
    // The channel is archived, so the SIO is told directly.
    expect(toldTo(h, USERS.sio.id).join('\n')).toContain(`${incident.reference} is closed`);
  });

  it('puts a missing reason under the reason field and changes nothing', async () => {
    const answer = await runCommand(h, 'close', USERS.sio.id, here);
    const before = await stored();
    const eventsBefore = (await events()).length;

    const response = await submitView(h, answer.view!, stateValues({ reason: plainText('') }));
    await h.muster.idle();

    expect(response.json()).toEqual({
      response_action: 'errors',
      errors: { reason: expect.stringContaining('final report') },
    });
    expect(await stored()).toEqual(before);
    expect(await events()).toHaveLength(eventsBefore);
    expect(h.fake.callsTo('conversations.archive')).toEqual([]);
  });

  it('refuses a form submitted by someone other than the person it was opened for', async () => {
    const answer = await runCommand(h, 'close', USERS.sio.id, here);

    const response = await submitView(h, answer.view!, stateValues({ reason: plainText('x') }), USERS.pat.id);
    await h.muster.idle();

    expect(response.json()).toMatchObject({
      response_action: 'errors',
      errors: { reason: expect.stringContaining('Open this form again') },
    });
    expect((await stored()).status).toBe('open');
  });

  it('closes once when the same answers are sent twice', async () => {
    const answer = await runCommand(h, 'close', USERS.sio.id, here);
    const values = stateValues({ reason: plainText('Stood down.') });

    await submitView(h, answer.view!, values);
    await h.muster.idle();
    const again = await submitView(h, answer.view!, values);
    await h.muster.idle();

    expect(again.json()).toMatchObject({ response_action: 'errors' });
    expect(h.fake.callsTo('conversations.archive')).toHaveLength(1);
    expect((await events()).filter((e) => e.type === 'incident.closed')).toHaveLength(1);
  });

  it('lets a CSP coordinator close from outside the channel, by reference', async () => {
    const answer = await runCommand(h, `close ${incident.reference}`, USERS.cara.id);
    expect(answer.view).toBeDefined();

    await submitView(h, answer.view!, stateValues({ reason: plainText('Duplicate report.') }), USERS.cara.id);
    await h.muster.idle();

    expect((await stored()).status).toBe('closed');
    expect(h.fake.channel(here.id)?.archived).toBe(true);
  });
});

describe('/incident reopen', () => {
  it('brings a closed incident’s channel back', async () => {
    const close = await runCommand(h, 'close', USERS.sio.id, here);
    await submitView(h, close.view!, stateValues({ reason: plainText('Stood down.') }));
    await h.muster.idle();
    expect(h.fake.channel(here.id)?.archived).toBe(true);

    const answer = await runCommand(h, `reopen ${incident.reference} new evidence`, USERS.sio.id);

    expect(answer.replies).toEqual([expect.objectContaining({ response_type: 'ephemeral' })]);
    expect(h.fake.channel(here.id)?.archived).toBe(false);
    expect((await stored()).status).not.toBe('closed');
  });
});

describe('/incident timeline', () => {
  it('shows the incident’s changes, oldest first, to a member, ephemerally', async () => {
    const answer = await runCommand(h, 'timeline', USERS.pat.id, here);

    expect(answer.replies).toHaveLength(1);
    const [reply] = answer.replies;
    expect(reply).toMatchObject({ response_type: 'ephemeral', blocks: expect.any(Array) });
    expect(JSON.stringify(reply)).toContain(incident.reference);
    expect((reply!.blocks as unknown[]).length).toBeGreaterThan(1);
  });

  it('refuses an outsider, and says how to ask outside an incident channel', async () => {
    const refused = await runCommand(h, `timeline ${incident.reference}`, USERS.outsider.id);
    expect(refused.all).toContain('Only members of SV-2027-0001');

    const nowhere = await runCommand(h, 'timeline', USERS.pat.id);
    expect(nowhere.all).toContain('not an incident channel');
  });
});

describe('commands Muster cannot read', () => {
  it.each([
    ['update x', /"x" is not an action number such as 1\.2\. Usage: `\/incident update/],
    ['actions rag:purple', /"purple" is not a RAG rating.*Usage: `\/incident actions/],
    ['meeting begin', /"begin" is not schedule, start or end\. Usage: `\/incident meeting/],
    ['close now', /the reason is asked for in the form\. Usage: `\/incident close`/],
  ])('answers "/incident %s" with the problem and the usage, changing nothing', async (text, expected) => {
    const eventsBefore = (await events()).length;

    const answer = await runCommand(h, text, USERS.sio.id, here);

    expect(answer.ack).toMatchObject({ response_type: 'ephemeral', text: expect.stringMatching(expected) });
    expect(answer.view).toBeUndefined();
    expect(await events()).toHaveLength(eventsBefore);
  });
});
