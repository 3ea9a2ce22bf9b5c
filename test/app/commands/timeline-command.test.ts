import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { announceIncident } from '../../../src/app/announce-incident.js';
import { timelineCard } from '../../../src/app/cards/timeline-card.js';
import type { CommandDeps, CommandScope } from '../../../src/app/commands/command-outcome.js';
import { timelineCommand } from '../../../src/app/commands/timeline-command.js';
import { openIncident } from '../../../src/app/open-incident.js';
import type { IncidentEvent } from '../../../src/core/events/incident-event.js';
import type { Store } from '../../../src/ports.js';
import { RecordingPlatform } from '../../fakes/recording-platform.js';
import { SIO, STORES, testDeps, validForm } from '../harness.js';

const REF = 'SV-2027-0001';

describe.each(STORES)('/incident timeline ($name)', (factory) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let deps: CommandDeps;

  beforeEach(async () => {
    ({ store, cleanup } = await factory.open());
    deps = { ...testDeps(store), platform: new RecordingPlatform() };
    await openIncident(deps, validForm());
    await announceIncident(deps, REF);
  });
  afterEach(() => cleanup());

  const scope = async (): Promise<CommandScope> => ({
    incident: (await store.getIncident(REF))!,
    by: SIO,
    requester: { isSpaceMember: true },
  });

  it('shows every change oldest first, with who and the local time, and no paging text when short', async () => {
    const events = await store.listEvents(REF);
    const { card } = await timelineCommand(deps, await scope());
    expect(card?.kind).toBe('timeline');
    if (card?.kind !== 'timeline') return;
    expect(card.heading).toBe(`Timeline of ${REF} (${events.length} entries)`);
    expect(card.entries.map((e) => e.type)).toEqual(events.map((e) => e.type));
    expect(card.entries[0]).toEqual({
      at: events[0]!.at,
      // The form arrived at 09:00 BST on Sat 28 Aug 2027.
      atText: 'Sat 28 Aug 2027 09:00 BST',
      who: SIO.name,
      summary: events[0]!.summary,
      type: 'incident.opened',
    });
    expect(card.moreText).toBeUndefined();
  });

  it('shows the latest 50 of a long history, oldest of them first, and says how many there are', async () => {
    const before = (await store.listEvents(REF)).length;
    await store.appendEvents(
      REF,
      Array.from({ length: 60 }, (_, i) => ({
        at: `2027-09-0${1 + Math.floor(i / 20)}T12:${String(i % 20).padStart(2, '0')}:00.000Z`,
        actor: SIO,
        type: 'note.added',
        summary: `note ${i + 1}`,
      })),
    );
    const total = before + 60;
    const { card } = await timelineCommand(deps, await scope());
    if (card?.kind !== 'timeline') throw new Error('expected a timeline card');
    expect(card.entries).toHaveLength(50);
    expect(card.entries[0]!.summary).toBe('note 11');
    expect(card.entries.at(-1)!.summary).toBe('note 60');
    expect(card.moreText).toBe(
      `Showing the latest 50 of ${total} entries. The full audit: muster incident show ${REF} --events ${total}, on the Muster server.`,
    );
  });
});

describe('timelineCard', () => {
  const event = (seq: number, at: string): IncidentEvent => ({
    incidentId: REF,
    seq,
    at,
    actor: { id: 'system', name: 'Muster' },
    type: 'reminder.sent',
    summary: `reminder ${seq}`,
  });

  it('writes times in the protocol’s zone, GMT in winter', () => {
    const card = timelineCard(REF, [event(1, '2027-12-01T09:30:00.000Z')], 'Europe/London');
    expect(card.entries[0]).toMatchObject({ atText: 'Wed 1 Dec 2027 09:30 GMT', who: 'Muster' });
    expect(card.heading).toBe(`Timeline of ${REF} (1 entry)`);
  });

  it('counts 0 entries for an empty history, with nothing to page', () => {
    expect(timelineCard(REF, [], 'Europe/London')).toEqual({
      kind: 'timeline',
      reference: REF,
      heading: `Timeline of ${REF} (0 entries)`,
      entries: [],
    });
  });
});
