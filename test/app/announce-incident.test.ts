import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { announceIncident, resumeAnnouncements } from '../../src/app/announce-incident.js';
import { openIncident } from '../../src/app/open-incident.js';
import type { Store } from '../../src/ports.js';
import { RecordingPlatform } from '../fakes/recording-platform.js';
import { SIO, STORES, testDeps, validForm } from './harness.js';

describe.each(STORES)('announceIncident ($name)', (factory) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let platform: RecordingPlatform;
  let deps: ReturnType<typeof testDeps> & { platform: RecordingPlatform };

  beforeEach(async () => {
    ({ store, cleanup } = await factory.open());
    platform = new RecordingPlatform();
    // Everyone but Sam School can be found on the platform.
    platform.knownEmails = new Set(['pat@police.example', 'cara@csp.example', 'nia@nhft.example']);
    deps = { ...testDeps(store), platform };
    await openIncident(deps, validForm());
  });
  afterEach(() => cleanup());

  it('sets up the space, adds people in one call, posts the card and tells List 1, coordinators and knock-on areas', async () => {
    const result = await announceIncident(deps, 'SV-2027-0001');

    expect(result.completed).toBe(true);
    expect(platform.spaces.size).toBe(1);
    const space = [...platform.spaces.values()][0]!;
    expect([...space.members].sort()).toEqual(
      [SIO.id, 'user:cara-csp', 'user:nia-nhft', 'user:pat-police'].sort(),
    );
    expect(platform.calls.filter((c) => c === 'addToSpace')).toHaveLength(1);
    expect(platform.cards.size).toBe(1);
    expect([...platform.cards.values()][0]?.reference).toBe('SV-2027-0001');

    const targets = platform.notices.map(({ target, notice }) => [target.kind, notice.headline]);
    expect(targets).toEqual([
      ['space', expect.stringContaining('1 contact(s) could not be found')],
      ['direct', expect.stringContaining('you are notified as a List 1 agency')],
      ['coordination', 'New incident SV-2027-0001 opened'],
      ['direct', expect.stringContaining('knock-on impact')],
    ]);
    const list1 = platform.notices[1]!.target;
    expect(list1.kind === 'direct' && list1.recipients.contacts.map((c) => c.id).sort()).toEqual([
      'cara-csp',
      'nia-nhft',
      'pat-police',
    ]);
    expect(result.missing.map((c) => c.id)).toEqual(['sam-school']);
  });

  it('records each step on the incident and in its audit', async () => {
    await announceIncident(deps, 'SV-2027-0001');
    const incident = await store.getIncident('SV-2027-0001');
    expect(incident?.spaces.recording).toMatchObject({
      spaceId: 'S1',
      missingContactIds: ['sam-school'],
      cardRef: 'S1/card-1',
      membersAddedAt: expect.any(String),
      completedAt: expect.any(String),
    });
    const types = (await store.listEvents('SV-2027-0001')).map((e) => e.type);
    expect(types).toEqual(['incident.opened', 'space.created', 'incident.announced']);
  });

  it('keeps what succeeded when a step fails and resumes without repeating a step', async () => {
    platform.failNext(1, 'postIncidentCard');
    const failed = await announceIncident(deps, 'SV-2027-0001');
    expect(failed).toMatchObject({ completed: false, error: 'recording API unavailable' });
    const stored = await store.getIncident('SV-2027-0001');
    expect(stored?.spaces.recording).toMatchObject({
      spaceId: 'S1',
      attempts: 1,
      lastError: 'recording API unavailable',
    });
    expect(stored?.spaces.recording?.cardPostedAt).toBeUndefined();

    const resumed = await announceIncident(deps, 'SV-2027-0001');
    expect(resumed.completed).toBe(true);
    expect(platform.calls.filter((c) => c === 'ensureIncidentSpace')).toHaveLength(1);
    expect(platform.calls.filter((c) => c === 'addToSpace')).toHaveLength(1);
    expect(platform.cards.size).toBe(1);
    expect(platform.notices.filter((n) => n.target.kind === 'coordination')).toHaveLength(1);
  });

  it('reuses the space a crashed attempt created before recording it', async () => {
    const incident = (await store.getIncident('SV-2027-0001'))!;
    await platform.ensureIncidentSpace(incident); // created, then the process died
    await announceIncident(deps, 'SV-2027-0001');
    expect(platform.spaces.size).toBe(1);
  });

  it('does nothing more once the announcement is complete', async () => {
    await announceIncident(deps, 'SV-2027-0001');
    const calls = platform.calls.length;
    await announceIncident(deps, 'SV-2027-0001');
    expect(platform.calls.length).toBe(calls);
  });

  it('resumes every half-done announcement from the scheduler tick, and skips finished ones', async () => {
    await openIncident(deps, validForm({ area: 'kettering', knockOnAreas: [] }));
    await announceIncident(deps, 'SV-2027-0001');
    platform.failNext(1, 'ensureIncidentSpace');
    expect((await announceIncident(deps, 'SV-2027-0002')).completed).toBe(false);

    const results = await resumeAnnouncements({ ...testDeps(store), platforms: [platform] });
    expect(results.map((r) => [r.incident.reference, r.completed])).toEqual([['SV-2027-0002', true]]);
    expect(platform.spaces.size).toBe(2);
  });

  it('remembers incidents announced everywhere, so later ticks neither read nor retry them', async () => {
    await openIncident(deps, validForm({ area: 'kettering', knockOnAreas: [] }));
    await announceIncident(deps, 'SV-2027-0001');
    const reads: string[] = [];
    const counting: Store = Object.create(store, {
      getIncident: {
        value: (id: string) => {
          reads.push(id);
          return store.getIncident(id);
        },
      },
    });
    const announced = new Set<string>();
    const tick = () => resumeAnnouncements({ ...testDeps(counting), platforms: [platform], announced });

    platform.failNext(1, 'ensureIncidentSpace');
    expect((await tick()).map((r) => [r.incident.reference, r.completed])).toEqual([['SV-2027-0002', false]]);
    expect([...announced]).toEqual(['SV-2027-0001']);
    reads.length = 0;
    expect((await tick()).map((r) => [r.incident.reference, r.completed])).toEqual([['SV-2027-0002', true]]);
    // Only the unfinished one is read (announcing it reads it again).
    expect(new Set(reads)).toEqual(new Set(['SV-2027-0002']));
    expect([...announced].sort()).toEqual(['SV-2027-0001', 'SV-2027-0002']);
    reads.length = 0;
    expect(await tick()).toEqual([]);
    expect(reads).toEqual([]);
  });
});
