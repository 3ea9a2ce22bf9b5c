import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConsoleEvents } from '../../../src/adapters/console/console-events.js';
import { ConsolePlatform } from '../../../src/adapters/console/console-platform.js';
import { ConsoleStore } from '../../../src/adapters/console/console-store.js';
import { buildIncidentCard } from '../../../src/app/cards/incident-card.js';
import { buildReminderCard } from '../../../src/app/cards/reminder-card.js';
import { incidentTimeline, nowIn } from '../../../src/app/incident-timeline.js';
import { openIncident } from '../../../src/app/open-incident.js';
import { recipientsFor } from '../../../src/app/recipients.js';
import type { Incident } from '../../../src/core/incident/incident.js';
import type { Reminder } from '../../../src/core/reminders/reminder.js';
import { testDeps, validForm } from '../../app/harness.js';
import { checklistCard, MEETING } from '../../cards/card-samples.js';
import { InMemoryStore } from '../../fakes/in-memory-store.js';

const deps = testDeps(new InMemoryStore());
const cardOf = (incident: Incident) =>
  buildIncidentCard(deps.protocol, deps.directory, incident, nowIn(deps.clock, deps.protocol));
const texts = (card: unknown) => JSON.stringify(card);

describe('ConsolePlatform', () => {
  let dir: string;
  let store: ConsoleStore;
  let events: ConsoleEvents;
  let platform: ConsolePlatform;
  let incident: Incident;

  const open = async () => {
    store = await ConsoleStore.open(dir);
    events = new ConsoleEvents(() => true);
    platform = new ConsolePlatform({ store, events, clock: deps.clock, zone: 'Europe/London' });
  };

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'muster-console-platform-'));
    await open();
    incident = (await openIncident(deps, validForm({ area: 'corby', knockOnAreas: [] }))).incident;
  });
  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('names the incident channel from the reference and area only, and reuses it', async () => {
    const space = await platform.ensureIncidentSpace(incident);
    const reference = incident.reference.toLowerCase();
    expect(space).toEqual({ id: `${reference}-corby`, name: `${reference}-corby` });
    expect(await platform.ensureIncidentSpace(incident)).toEqual(space);
    expect(store.channels().filter((c) => c.kind === 'incident')).toEqual([
      { id: space.id, name: space.name, kind: 'incident', reference: incident.reference, memberIds: [] },
    ]);
  });

  it('finds every contact and console actor, ignores other platforms’ actors and reports nobody missing', async () => {
    const resolved = await platform.resolveRecipients({
      contacts: deps.directory.contacts.filter((c) => c.id === 'pat-police' || c.id === 'nia-nhft'),
      actors: [
        { id: 'console:cara-csp', name: 'Cara CSP' },
        { id: 'slack:U123', name: 'Someone on Slack' },
        { id: 'console:pat-police', name: 'Pat Police' },
      ],
    });
    expect(resolved).toEqual({ userIds: ['pat-police', 'nia-nhft', 'cara-csp'], missing: [] });
  });

  it('adds members once each and announces the channel change', async () => {
    const space = await platform.ensureIncidentSpace(incident);
    const channelEvents = vi.spyOn(events, 'channel');
    await platform.addToSpace(space, ['pat-police', 'cara-csp']);
    await platform.addToSpace(space, ['cara-csp', 'nia-nhft']);
    await platform.addToSpace(space, ['nia-nhft']);
    expect(store.channel(space.id)?.memberIds).toEqual(['pat-police', 'cara-csp', 'nia-nhft']);
    expect(channelEvents).toHaveBeenCalledTimes(2);
  });

  it('posts the incident card pinned and replaces it in place under the same id', async () => {
    const space = await platform.ensureIncidentSpace(incident);
    const streamed = vi.spyOn(events, 'message');
    const ref = await platform.postIncidentCard(space, cardOf(incident));
    const acknowledged: Incident = {
      ...incident,
      acknowledgements: [
        { agencyId: 'police', at: incident.createdAt, by: { id: 'console:pat-police', name: 'Pat Police' } },
      ],
    };
    await platform.updateIncidentCard(space, ref, cardOf(acknowledged));

    const messages = store.messagesIn(space.id);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      id: ref,
      pinned: true,
      cardKind: 'incident',
      author: { name: 'Muster' },
    });
    expect(messages[0]?.card).toMatchObject({ type: 'AdaptiveCard' });
    expect(texts(messages[0]?.card)).toContain('acknowledged by Pat Police');
    expect(messages[0]?.updatedAt).toBeDefined();
    expect(streamed.mock.calls.map(([m]) => m.id)).toEqual([ref, ref]);
  });

  it('refuses to update a card it never posted in that channel', async () => {
    const space = await platform.ensureIncidentSpace(incident);
    await expect(platform.updateIncidentCard(space, 'no-such-card', cardOf(incident))).rejects.toThrow(
      /no incident card/,
    );
  });

  it('sends notices to the incident channel, the coordination channel and each person’s direct messages', async () => {
    const space = await platform.ensureIncidentSpace(incident);
    const notice = {
      kind: 'notice' as const,
      reference: incident.reference,
      headline: 'Heads up',
      lines: ['a line'],
    };
    await platform.sendNotice({ kind: 'space', space }, notice);
    await platform.sendNotice({ kind: 'coordination' }, notice);
    await platform.sendNotice(
      {
        kind: 'direct',
        recipients: { contacts: deps.directory.contacts.filter((c) => c.id === 'nia-nhft'), actors: [] },
      },
      notice,
    );
    for (const channelId of [space.id, 'coordination', 'dm-nia-nhft']) {
      const [message] = store.messagesIn(channelId);
      expect(message?.cardKind).toBe('notice');
      expect(texts(message?.card)).toContain('Heads up');
    }
    expect(store.channel('dm-nia-nhft')).toMatchObject({ kind: 'direct', memberIds: ['nia-nhft'] });
  });

  it('delivers a reminder to the incident channel and its recipients, and an escalation to coordination too', async () => {
    const space = await platform.ensureIncidentSpace(incident);
    const withSpace: Incident = {
      ...incident,
      spaces: { console: { spaceId: space.id, spaceName: space.name } },
    };
    const now = nowIn(deps.clock, deps.protocol);
    const milestone = incidentTimeline(deps.protocol, withSpace, now).find(
      (m) => m.id === 'initial-meeting',
    )!;
    const delivery = (kind: Reminder['kind']) => {
      const reminder: Reminder = {
        incidentId: incident.id,
        key: `initial-meeting:${kind}`,
        milestoneId: 'initial-meeting',
        kind,
        fireAt: now.toISO()!,
        notify: ['coordinators'],
        attempts: 0,
      };
      return {
        incident: withSpace,
        reminder,
        milestone,
        card: buildReminderCard(withSpace, reminder, milestone, now),
        recipients: recipientsFor(reminder.notify, withSpace, deps.directory),
        toCoordination: kind === 'escalation',
      };
    };
    await platform.deliverReminder(delivery('before'));
    expect(store.messagesIn(space.id).map((m) => m.cardKind)).toEqual(['reminder']);
    expect(store.messagesIn('dm-cara-csp').map((m) => m.cardKind)).toEqual(['reminder']);
    expect(store.messagesIn('coordination')).toEqual([]);

    await platform.deliverReminder(delivery('escalation'));
    expect(store.messagesIn('coordination').map((m) => m.cardKind)).toEqual(['reminder']);
    expect(texts(store.messagesIn('coordination')[0]?.card)).toContain('Escalation');
  });

  it('keeps its channels, members and cards across a restart', async () => {
    const space = await platform.ensureIncidentSpace(incident);
    await platform.addToSpace(space, ['pat-police']);
    const ref = await platform.postIncidentCard(space, cardOf(incident));
    await store.close();
    await open();
    expect(store.channel(space.id)?.memberIds).toEqual(['pat-police']);
    expect(await platform.ensureIncidentSpace(incident)).toEqual(space);
    // The card posted before the restart is still the one updated in place.
    await platform.updateIncidentCard(space, ref, cardOf(incident));
    expect(store.messagesIn(space.id).map((m) => m.id)).toEqual([ref]);
  });

  it('posts a meeting card and a checklist for everyone, and replaces the checklist in place', async () => {
    const space = await platform.ensureIncidentSpace(incident);
    const streamed = vi.spyOn(events, 'message');
    const meetingRef = await platform.postCard(space, MEETING);
    const checklistRef = await platform.postCard(space, checklistCard());
    await platform.updateCard(space, checklistRef, checklistCard({ ended: true }));

    const messages = store.messagesIn(space.id);
    expect(messages.map((m) => [m.id, m.cardKind])).toEqual([
      [meetingRef, 'meeting'],
      [checklistRef, 'checklist'],
    ]);
    for (const message of messages) {
      expect(message.ephemeralFor).toBeUndefined();
      expect(message.pinned).toBeUndefined();
    }
    expect(texts(messages[0]?.card)).toContain('Start meeting');
    expect(texts(messages[1]?.card)).toContain('Ended 11:31');
    expect(texts(messages[1]?.card)).not.toContain('End meeting');
    expect(messages[1]?.updatedAt).toBeDefined();
    expect(streamed.mock.calls.map(([m]) => m.id)).toEqual([meetingRef, checklistRef, checklistRef]);
  });

  it('refuses to update a card that is not in that channel', async () => {
    const space = await platform.ensureIncidentSpace(incident);
    const ref = await platform.postCard(space, MEETING);
    const elsewhere = { id: 'coordination', name: 'csp-coordination' };
    await expect(platform.updateCard(elsewhere, ref, MEETING)).rejects.toThrow(/no meeting card/);
    await expect(platform.updateCard(space, 'no-such-card', checklistCard())).rejects.toThrow(
      /no checklist card/,
    );
  });

  it('archives the channel once, keeps its history, and brings it back on unarchive', async () => {
    const space = await platform.ensureIncidentSpace(incident);
    await platform.postCard(space, MEETING);
    const channelEvents = vi.spyOn(events, 'channel');
    await platform.archiveSpace(space);
    await platform.archiveSpace(space);
    expect(store.channel(space.id)?.archived).toBe(true);
    expect(channelEvents).toHaveBeenCalledTimes(1);
    expect(store.messagesIn(space.id)).toHaveLength(1);

    await store.close();
    await open();
    expect(store.channel(space.id)?.archived).toBe(true);
    await platform.unarchiveSpace(space);
    await platform.unarchiveSpace(space);
    expect(store.channel(space.id)?.archived).toBeUndefined();
    expect(store.messagesIn(space.id)).toHaveLength(1);
  });
});
