/**
 * Buttons on Muster's cards in Teams: Acknowledge on the incident card in
 * its channel acknowledges for the agency, updates that same message in
 * place and answers in the thread; someone outside the channel who is no
 * coordinator changes nothing; Action.Execute runs the same use case.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ConnectorMessage, cardOf, textOf } from '../../fakes/fake-teams/index.js';
import {
  buttonsIn,
  dmOf,
  type Harness,
  inChannel,
  personal,
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

function acknowledgeButton(card: ConnectorMessage, agencyId: string): Record<string, unknown> {
  const button = buttonsIn(cardOf(card)).find(
    (b) => b.data.verb === 'acknowledge' && String(b.data.value).includes(`"agencyId":"${agencyId}"`),
  );
  if (!button) throw new Error(`no Acknowledge button for ${agencyId}`);
  return button.data;
}

describe('the incident card in Teams', () => {
  it('acknowledges from the card: the agency is recorded and the card is updated in place', async () => {
    const incident = await reportIncident(h);
    const channel = spaceOf(incident);
    const card = h.connector.message(incident.spaces.teams!.cardRef!)!;

    const where = inChannel(channel, 'sv-2027-0001-corby');
    const response = await h.submit(USERS.sam, where, acknowledgeButton(card, 'schools'), card.id);

    expect(response.status).toBe(200);
    const stored = await h.muster.store.getIncident(incident.id);
    expect(stored!.acknowledgements).toEqual([
      expect.objectContaining({ agencyId: 'schools', by: expect.objectContaining({ id: 'teams:aad-sam' }) }),
    ]);
    const updated = h.connector.message(card.id)!;
    expect(updated.versions).toHaveLength(2);
    expect(JSON.stringify(cardOf(updated))).toContain('Sam School');
    expect(buttonsIn(cardOf(updated)).some((b) => String(b.data.value).includes('"schools"'))).toBe(false);
    const reply = h.connector.messages(channel).at(-1)!;
    expect(reply.replyToId).toBeDefined();
    expect(textOf(reply)).toMatch(/acknowledged/i);
  });

  it('refuses someone who is neither in the channel nor a coordinator, and changes nothing', async () => {
    const incident = await reportIncident(h);
    const card = h.connector.message(incident.spaces.teams!.cardRef!)!;
    const before = await h.muster.store.getIncident(incident.id);

    await h.submit(USERS.outsider, personal(USERS.outsider), acknowledgeButton(card, 'police'));

    expect(await h.muster.store.getIncident(incident.id)).toEqual(before);
    expect(h.connector.message(card.id)!.versions).toHaveLength(1);
    expect(textOf(h.connector.messages(dmOf(USERS.outsider)).at(-1))).toContain(
      'Only members of SV-2027-0001',
    );
  });

  it('takes the same button as an Action.Execute and answers the presser with a message', async () => {
    const incident = await reportIncident(h);
    const card = h.connector.message(incident.spaces.teams!.cardRef!)!;
    const { verb, ...data } = acknowledgeButton(card, 'police');

    const response = await h.execute(USERS.pat, inChannel(spaceOf(incident)), String(verb), data);

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: expect.stringMatching(/acknowledged/i),
    });
    expect((await h.muster.store.getIncident(incident.id))!.acknowledgements).toHaveLength(1);
    expect(h.connector.message(card.id)!.versions).toHaveLength(2);
  });
});
