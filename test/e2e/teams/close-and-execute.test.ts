/**
 * Closing from Teams archives the incident's channel through Graph, and
 * reopening brings it back; a form can also come back as an Action.Execute,
 * answered with the refreshed card (the form again with its errors, for the
 * person who submitted it) instead of a message.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Incident } from '../../../src/core/incident/incident.js';
import { type ConnectorMessage, cardOf, textOf } from '../../fakes/fake-teams/index.js';
import {
  errorUnder,
  formAnswers,
  type Harness,
  inChannel,
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

async function ask(text: string): Promise<ConnectorMessage> {
  await h.say(USERS.pat, channel(), text, { mention: true });
  return h.connector.messages(spaceOf(incident)).at(-1)!;
}

describe('closing on Teams', () => {
  it('archives the channel when the SIO closes the incident, and unarchives it on reopen', async () => {
    const form = await ask('close');
    await h.submit(
      USERS.pat,
      channel(),
      formAnswers(cardOf(form), { reason: 'Merged into SV-2027-0040' }),
      form.id,
    );

    expect((await h.muster.store.getIncident(incident.id))!.status).toBe('closed');
    expect(h.graph.channel(spaceOf(incident))!.archived).toBe(true);
    expect(textOf(h.connector.message(form.id))).toMatch(/closed/i);

    await ask('reopen new information from the court');
    expect((await h.muster.store.getIncident(incident.id))!.status).not.toBe('closed');
    expect(h.graph.channel(spaceOf(incident))!.archived).toBe(false);
  });

  it('refuses to close someone who is neither the SIO nor a coordinator, and changes nothing', async () => {
    const form = await ask('close');
    const before = await h.muster.store.getIncident(incident.id);
    await h.submit(USERS.sam, channel(), formAnswers(cardOf(form), { reason: 'Done' }), form.id);
    expect(await h.muster.store.getIncident(incident.id)).toEqual(before);
    expect(h.graph.channel(spaceOf(incident))!.archived).toBe(false);
  });
});

describe('a form sent back with Action.Execute', () => {
  it('answers a refused form with the form card again, the problem under its field', async () => {
    const form = await ask('close');
    const data = formAnswers(cardOf(form), { reason: '' });
    const response = await h.execute(USERS.pat, channel(), 'submit', data);

    expect(response.status).toBe(200);
    const body = response.body as { type: string; value: Record<string, unknown> };
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(errorUnder(body.value, 'reason')).toMatch(/say why SV-2027-0001 is closed/i);
    expect((await h.muster.store.getIncident(incident.id))!.status).toBe('open');
  });
});

describe('/api/messages', () => {
  it('answers a body that is not an activity with 400', async () => {
    const response = await fetch(`http://127.0.0.1:${h.muster.port}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '[1, 2',
    });
    expect(response.status).toBe(400);
  });
});
