/**
 * Running a meeting and exporting its minutes on Teams: "meeting start"
 * posts the checklist card in the incident channel, "meeting end" updates
 * that card in place, and "export minutes" posts the documents as signed
 * links Muster itself serves (a bot cannot drop files into a channel without
 * SharePoint), in the channel and to List 1 directly. A forged link serves
 * nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Incident } from '../../../src/core/incident/incident.js';
import { type ConnectorMessage, cardOf, textOf } from '../../fakes/fake-teams/index.js';
import { type Harness, inChannel, reportIncident, spaceOf, startHarness, USERS } from './teams-harness.js';

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
const say = (text: string) => h.say(USERS.pat, channel(), text, { mention: true });
const inSpace = () => h.connector.messages(spaceOf(incident));
const checklistIn = (messages: ConnectorMessage[]) =>
  messages.find((m) => String(cardOf(m)?.fallbackText).startsWith('Initial Tactical Response Meeting'));

/** The documents' links in a message, from the markdown of its card. */
const linksIn = (message: ConnectorMessage | undefined) =>
  [...textOf(message).matchAll(/\]\((http[^)]+)\)/g)].map((m) => m[1]!);

describe('a meeting and its minutes on Teams', () => {
  it('posts the checklist in the channel on "meeting start" and updates it in place on "meeting end"', async () => {
    await say('meeting start');
    const checklist = checklistIn(inSpace());
    expect(checklist).toBeDefined();
    expect(checklist!.replyToId).toBeUndefined();

    await say('meeting end');
    const ended = h.connector.message(checklist!.id)!;
    expect(ended.versions.length).toBeGreaterThan(1);
    expect(String(cardOf(ended)?.fallbackText)).toMatch(/Ended/);
  });

  it('exports the minutes as links in the channel and to List 1, and serves the document behind them', async () => {
    await say('meeting start');
    await say('meeting end');
    await say('export minutes');

    const posted = inSpace().find((m) => textOf(m).includes('.docx'));
    const links = linksIn(posted);
    expect(links.map((l) => new URL(l).pathname)).toEqual(['/api/teams/file', '/api/teams/file']);
    const toCara = h.connector.messages(h.connector.personalChats.get(USERS.cara.aadObjectId)!);
    expect(toCara.some((m) => textOf(m).includes('.docx'))).toBe(true);

    const docx = await fetch(links[0]!);
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-type')).toContain('officedocument.wordprocessingml');
    expect(docx.headers.get('content-disposition')).toMatch(
      /attachment; filename="sv-2027-0001-minutes.*\.docx"/,
    );
    expect(
      Buffer.from(await docx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');

    const forged = new URL(links[0]!);
    forged.searchParams.set('exp', String(Number(forged.searchParams.get('exp')) + 1000));
    const refused = await fetch(forged);
    expect(refused.status).toBe(403);
  });
});
