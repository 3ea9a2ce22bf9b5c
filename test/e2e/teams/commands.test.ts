/**
 * Typed commands on Teams: the same grammar as Slack's `/incident`, with the
 * leading word optional where the bot is addressed (its own chat, or an
 * @mention in a channel), and channel talk that is neither left alone.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Incident } from '../../../src/core/incident/incident.js';
import { botAddedActivity, cardOf, textOf } from '../../fakes/fake-teams/index.js';
import {
  dmOf,
  type Harness,
  inChannel,
  lastIn,
  personal,
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

describe('commands typed to the bot', () => {
  it('answers "@Muster status" in the incident channel with its card, in the thread', async () => {
    const before = h.connector.messages(spaceOf(incident)).length;
    await h.say(USERS.sam, channel(), 'status', { mention: true });

    const replies = h.connector.messages(spaceOf(incident)).slice(before);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.replyToId).toBeDefined();
    expect(cardOf(replies[0])?.fallbackText).toContain('SV-2027-0001');
  });

  it('takes "incident status" with the leading word in a channel without a mention', async () => {
    const before = h.connector.messages(spaceOf(incident)).length;
    await h.say(USERS.sam, channel(), 'incident status');
    expect(h.connector.messages(spaceOf(incident))).toHaveLength(before + 1);
  });

  it('leaves channel talk that neither mentions the bot nor starts with "incident" alone', async () => {
    const before = h.connector.requests.length;
    await h.say(USERS.sam, channel(), 'status update from the school: all calm');
    expect(h.connector.requests).toHaveLength(before);
  });

  it('refuses the status of an incident to someone outside it, naming what to do', async () => {
    await h.say(USERS.outsider, personal(USERS.outsider), 'incident status SV-2027-0001');
    expect(textOf(lastIn(h, dmOf(USERS.outsider)))).toContain('Only members of SV-2027-0001');
  });

  it('lists open incidents and shows help as Teams users type it', async () => {
    await h.say(USERS.cara, personal(USERS.cara), 'list');
    expect(textOf(lastIn(h, dmOf(USERS.cara)))).toContain('SV-2027-0001');

    await h.say(USERS.cara, personal(USERS.cara), 'incident help');
    const help = textOf(lastIn(h, dmOf(USERS.cara)));
    expect(help).toContain('incident status');
    expect(help).not.toContain('/incident');
  });

  it('answers an unknown word with the help, and bad words with the usage, changing nothing', async () => {
    const before = await h.muster.store.getIncident(incident.id);
    await h.say(USERS.cara, personal(USERS.cara), 'incident frobnicate');
    expect(textOf(lastIn(h, dmOf(USERS.cara)))).toContain('frobnicate');

    await h.say(USERS.cara, personal(USERS.cara), 'incident update 1.2 3.4');
    expect(textOf(lastIn(h, dmOf(USERS.cara)))).toContain(
      'That did not work: give one action number; the progress goes in the form. Type: incident update',
    );
    expect(await h.muster.store.getIncident(incident.id)).toEqual(before);
  });

  it('says how to find the incident when a scoped command is typed outside its channel', async () => {
    await h.say(USERS.cara, personal(USERS.cara), 'incident timeline');
    expect(textOf(lastIn(h, dmOf(USERS.cara)))).toContain('This is not an incident channel');
  });

  it('greets a chat or team it is added to with the help', async () => {
    await h.send(botAddedActivity(h.base, { from: USERS.sam, where: personal(USERS.sam) }));
    expect(textOf(lastIn(h, dmOf(USERS.sam)))).toContain('incident status');
  });
});
