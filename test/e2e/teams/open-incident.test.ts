/**
 * Journey 1 on Teams: "incident" in the bot's chat answers with the
 * notification form card; the submitted form opens the incident, creates
 * its private channel through Graph, adds everyone Graph finds, posts the
 * incident card there, tells List 1 directly and the coordination channel,
 * and puts the outcome where the form was.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cardOf, textOf } from '../../fakes/fake-teams/index.js';
import {
  errorUnder,
  type Harness,
  inputValue,
  lastIn,
  newIncidentAnswers,
  openForm,
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

describe('"incident", then the notification form card', () => {
  it('answers with the form from cards/form.json, people offered from the directory, the reporter preset', async () => {
    const form = await openForm(h);
    const card = cardOf(form)!;
    const inputs = JSON.stringify(card.body);
    expect(inputs).toContain('"id":"occurredAt__date"');
    expect(inputs).toContain('"id":"occurredAt__time"');
    expect(inputs).toContain('"id":"knockOnAreas"');
    const reporter = JSON.stringify(card.body).match(/"id":"reportedBy"[^}]*"value":"([^"]+)"/);
    expect(reporter?.[1]).toBe('pat-police');
    expect(inputs).toContain('Cara CSP (Community Safety Partnership)');
  });

  it('opens the incident on Teams: private channel, members added, card posted, List 1 and coordination told', async () => {
    const incident = await reportIncident(h);

    expect(incident.reference).toBe('SV-2027-0001');
    expect(incident.sio).toMatchObject({ id: 'teams:aad-pat', name: 'Pat Police', contactId: 'pat-police' });
    const channel = h.graph.channel(spaceOf(incident))!;
    expect(channel).toMatchObject({ displayName: 'sv-2027-0001-corby', membershipType: 'private' });
    expect(channel.members.get('aad-pat')).toEqual(['owner']);
    expect([...channel.members.keys()].sort()).toEqual(['aad-cara', 'aad-pat', 'aad-sam']);

    const card = h.connector.message(incident.spaces.teams!.cardRef!)!;
    expect(card.conversationId).toBe(channel.id);
    expect(cardOf(card)?.fallbackText).toContain('SV-2027-0001');
    expect(incident.spaces.teams).toMatchObject({ completedAt: expect.any(String) });
    // Nia is not on Teams: the channel is told who still has to be invited by hand.
    expect(h.connector.messages(channel.id).map(textOf).join()).toContain('could not be found');

    // List 1 in Corby: police (Pat), CSP (Cara), NHFT (Nia, who is not on Teams).
    const toCara = h.connector.messages(h.connector.personalChats.get('aad-cara')!).map(textOf).join();
    expect(toCara).toContain('List 1');
    expect(h.connector.personalChats.has('aad-sam')).toBe(false);
    expect(textOf(lastIn(h, h.coordinationChannel))).toContain('New incident SV-2027-0001');
  });

  it('puts the outcome in place of the form, naming who Teams could not find', async () => {
    const form = await openForm(h);
    await h.submit(USERS.pat, personal(USERS.pat), newIncidentAnswers(cardOf(form)!), form.id);

    const replaced = h.connector.message(form.id)!;
    expect(replaced.versions).toHaveLength(2);
    const text = textOf(replaced);
    expect(text).toContain('SV-2027-0001 is open');
    expect(text).toContain('Nia NHFT');
  });

  it('shows a refused form again where it was, each problem under its field and the answers kept', async () => {
    const form = await openForm(h);
    const answers = newIncidentAnswers(cardOf(form)!, { location: '', occurredAt__date: '2027-09-30' });
    await h.submit(USERS.pat, personal(USERS.pat), answers, form.id);

    const again = cardOf(h.connector.message(form.id));
    expect(errorUnder(again, 'occurredAt')).toBe('Is in the future; give the time the incident happened');
    expect(errorUnder(again, 'location')).toBe('Say where it happened');
    expect(errorUnder(again, 'description')).toBeUndefined();
    expect(inputValue(again, 'description')).toBe('A stabbing outside a takeaway.');
    expect(await h.muster.store.listIncidents()).toEqual([]);
    expect(h.graph.channels).toHaveLength(1);
  });

  it('opens one incident when the same form is submitted twice', async () => {
    const form = await openForm(h);
    const answers = newIncidentAnswers(cardOf(form)!);
    await h.submit(USERS.pat, personal(USERS.pat), answers, form.id);
    await h.submit(USERS.pat, personal(USERS.pat), answers, form.id);

    expect(await h.muster.store.listIncidents()).toHaveLength(1);
    expect(textOf(h.connector.message(form.id))).toContain('already submitted');
  });

  it('falls back to a group chat with Muster installed when the tenant forbids channel creation', async () => {
    h.graph.forbidChannels = true;
    const incident = await reportIncident(h);

    const chat = h.graph.chats.find((c) => c.id === spaceOf(incident))!;
    expect(chat.topic).toBe('sv-2027-0001-corby');
    expect([...chat.members.keys()].sort()).toEqual(['aad-cara', 'aad-pat', 'aad-sam']);
    const card = h.connector.message(incident.spaces.teams!.cardRef!)!;
    expect(card.conversationId).toBe(chat.id);
    expect(cardOf(card)?.fallbackText).toContain('SV-2027-0001');
  });
});
