import { DateTime } from 'luxon';
import { beforeEach, describe, expect, it } from 'vitest';
import { acknowledgeNotification } from '../../../src/app/acknowledge-notification.js';
import { announceIncident } from '../../../src/app/announce-incident.js';
import { parseActionValue } from '../../../src/app/cards/action-value.js';
import { buildIncidentCard, incidentStatusCard } from '../../../src/app/cards/incident-card.js';
import { closeIncident } from '../../../src/app/close-incident.js';
import { openIncident } from '../../../src/app/open-incident.js';
import { refreshIncidentCard } from '../../../src/app/refresh-incident-card.js';
import { defaultProtocol } from '../../../src/core/protocol/default-protocol.js';
import { InMemoryStore } from '../../fakes/in-memory-store.js';
import { RecordingPlatform } from '../../fakes/recording-platform.js';
import { testDirectory } from '../../fakes/test-directory.js';
import { COORDINATOR, FORM_AT, testDeps, validForm } from '../harness.js';

let store: InMemoryStore;
let deps: ReturnType<typeof testDeps>;

beforeEach(async () => {
  store = new InMemoryStore();
  deps = testDeps(store);
  await openIncident(deps, validForm());
});

describe('the incident card', () => {
  it('shows the notification form facts in London time, without the reporter guessing GMT or BST', async () => {
    const card = await incidentStatusCard(deps, 'sv-2027-0001');
    expect(card.facts.slice(0, 5)).toEqual([
      { label: 'When', value: 'Fri 27 Aug 2027 15:00 BST' },
      { label: 'CSP area', value: 'Corby' },
      { label: 'Location', value: 'Market Street' },
      { label: 'Category', value: 'Gold group (police critical incident)' },
      { label: 'Weapon', value: 'Knife or sharp object' },
    ]);
    expect(card.facts).toContainEqual({ label: 'Knock-on areas', value: 'Kettering' });
  });

  it('lists the protocol timeline with local due times and states', async () => {
    const card = await incidentStatusCard(deps, 'SV-2027-0001');
    expect(card.timeline[1]).toMatchObject({
      milestoneId: 'initial-meeting',
      due: '2027-09-02T15:00:00.000+01:00',
      dueText: 'Thu 2 Sep 2027 15:00 BST',
      state: 'pending',
      stateText: 'due in 5 days',
    });
    expect(card.timeline[2]).toMatchObject({
      due: null,
      state: 'not-scheduled',
      stateText: 'after the initial meeting',
    });
  });

  it('has one Acknowledge button per notified agency until it acknowledges', async () => {
    await acknowledgeNotification(deps, { reference: 'SV-2027-0001', agencyId: 'police', by: COORDINATOR });
    const card = await incidentStatusCard(deps, 'SV-2027-0001');
    expect(card.agencies.map((a) => [a.agencyId, a.lists, a.action?.verb ?? a.acknowledgedBy])).toEqual([
      ['police', [1, 2], 'Cara CSP'],
      ['csp', [1, 2], 'acknowledge'],
      ['nhft', [1], 'acknowledge'],
      ['schools', [2], 'acknowledge'],
    ]);
    expect(parseActionValue(card.agencies[1]?.action?.value)).toEqual({
      reference: 'SV-2027-0001',
      agencyId: 'csp',
    });
    expect(card.acknowledgedText).toBe('1 of 4 agencies have acknowledged');
  });

  it('offers no buttons on a closed incident', async () => {
    const incident = await closeIncident(deps, {
      reference: 'SV-2027-0001',
      reason: 'duplicate report',
      by: COORDINATOR,
    });
    const card = buildIncidentCard(defaultProtocol, testDirectory(), incident, DateTime.fromISO(FORM_AT));
    expect(card.agencies.some((a) => a.action)).toBe(false);
    expect(card.status).toBe('Closed');
  });

  it('is updated in place on the platform after an acknowledgement', async () => {
    const platform = new RecordingPlatform();
    await announceIncident({ ...deps, platform }, 'SV-2027-0001');
    await acknowledgeNotification(deps, { reference: 'SV-2027-0001', agencyId: 'nhft', by: COORDINATOR });

    expect(await refreshIncidentCard({ ...deps, platform }, 'SV-2027-0001')).toBe(true);
    expect(platform.cards.size).toBe(1);
    expect([...platform.cards.values()][0]?.acknowledgedText).toBe('1 of 4 agencies have acknowledged');
  });

  it('has nothing to refresh before the card was posted', async () => {
    expect(await refreshIncidentCard({ ...deps, platform: new RecordingPlatform() }, 'SV-2027-0001')).toBe(
      false,
    );
  });
});
