import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConsoleMessage } from '../../../src/adapters/console/console-model.js';
import { type ConsoleHarness, listen, reportIncident, startConsole } from './console-harness.js';

const CLOCK = '/console/api/clock';
const CHANNEL = 'sv-2027-0001-corby';

async function cards(h: ConsoleHarness, channel: string, as: string, kind: string): Promise<string[]> {
  const messages: ConsoleMessage[] = (await h.get(`/console/api/messages?channel=${channel}`, as)).body
    .messages;
  return messages.filter((m) => m.cardKind === kind).map((m) => JSON.stringify(m.card));
}

describe('console API: the simulated time control', () => {
  let h: ConsoleHarness;

  beforeEach(async () => {
    h = await startConsole();
  });
  afterEach(() => h.close());

  it('moves on by hours, tells every page, and the tick sends the reminder that fell due', async () => {
    await reportIncident(h);
    expect((await cards(h, CHANNEL, 'cara-csp', 'incident'))[0]).toContain('due in 5 days');
    const stream = await listen(h.baseUrl, 'cara-csp');
    // Initial meeting due Thu 2 Sep 15:00; its 48-hour reminder fires Tue 31 Aug 15:00.
    const { status, body } = await h.post(CLOCK, { hours: 96 }, 'cara-csp');
    expect(status).toBe(200);
    expect(body).toEqual({ now: '2027-09-01T08:00:00.000Z', nowText: 'Wed 1 Sep 2027 09:00 BST' });
    await stream.next((e) => e.event === 'clock' && (e.data as { now: string }).now === body.now);
    stream.close();

    const inChannel = await cards(h, CHANNEL, 'cara-csp', 'reminder');
    expect(inChannel).toEqual([expect.stringContaining('Initial Tactical Response Meeting due in')]);
    // Reminders for the coordinators and the SIO reach them directly too.
    expect(await cards(h, 'dm-cara-csp', 'cara-csp', 'reminder')).toHaveLength(1);
    expect(await cards(h, 'dm-pat-police', 'pat-police', 'reminder')).toHaveLength(1);
    // The pinned card was rebuilt for the new time.
    expect((await cards(h, CHANNEL, 'cara-csp', 'incident'))[0]).toContain('due in 30 hours');
  });

  it('escalates a missed deadline to the coordination channel once time runs past it', async () => {
    await reportIncident(h);
    const { body } = await h.post(CLOCK, { workingDays: 5 }, 'pat-police');
    // Sat 28 Aug + 5 working days (Mon 30 Aug is a bank holiday) → Mon 6 Sep 09:00.
    expect(body.nowText).toBe('Mon 6 Sep 2027 09:00 BST');
    const coordination = await cards(h, 'coordination', 'nia-nhft', 'reminder');
    expect(
      coordination.some((card) => card.includes('Escalation: Initial Tactical Response Meeting missed')),
    ).toBe(true);
  });

  it('refuses a move that is not forward, too far, or both kinds at once, and leaves the clock alone', async () => {
    for (const body of [
      { hours: -1 },
      { hours: 0 },
      { hours: 24 * 31 + 1 },
      { workingDays: 61 },
      { workingDays: 1.5 },
      { hours: 1, workingDays: 1 },
      {},
    ]) {
      const answer = await h.post(CLOCK, body, 'cara-csp');
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.error).toMatch(/^Fix the request/);
    }
    expect(h.clock.offsetMs).toBe(0);
  });

  it('keeps the simulated time across a restart, so stored incidents never lie in the future', async () => {
    await reportIncident(h);
    await h.post(CLOCK, { hours: 48 }, 'cara-csp');
    await h.restart();
    const session = await h.get('/console/api/session');
    expect(session.body.nowText).toBe('Mon 30 Aug 2027 09:00 BST');
    // The history survives too: the incident channel and its pinned card.
    expect(await cards(h, CHANNEL, 'cara-csp', 'incident')).toHaveLength(1);
  });
});
