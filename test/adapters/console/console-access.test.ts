/**
 * The console's access facts with the configured coordinators: someone in
 * MUSTER_COORDINATORS (or a coordinator group) as `console:<contact>` may act
 * on and see an incident whose channel they are not in; anyone else outside
 * the channel is still refused and does not see it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canSeeChannel, decideAccess, findPerson } from '../../../src/adapters/console/console-access.js';
import type { ConsoleChannel } from '../../../src/adapters/console/console-model.js';
import { ConsoleStore } from '../../../src/adapters/console/console-store.js';
import { openIncident } from '../../../src/app/open-incident.js';
import type { Incident } from '../../../src/core/incident/incident.js';
import { testDeps, validForm } from '../../app/harness.js';
import { InMemoryStore } from '../../fakes/in-memory-store.js';

let dataDir: string;
let history: ConsoleStore;
let incident: Incident;
const channel: ConsoleChannel = {
  id: 'sv-2027-0001-corby',
  name: 'sv-2027-0001-corby',
  kind: 'incident',
  reference: 'SV-2027-0001',
  memberIds: ['pat-police'],
};
const deps = { ...testDeps(new InMemoryStore()), coordinators: ['console:nia-nhft'] };

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'muster-console-access-'));
  history = await ConsoleStore.open(dataDir);
  await history.saveChannel(channel);
  const opened = await openIncident(testDeps(new InMemoryStore()), validForm());
  incident = { ...opened.incident, spaces: { console: { spaceId: channel.id, spaceName: channel.name } } };
});
afterEach(async () => {
  await history.close();
  await rm(dataDir, { recursive: true, force: true });
});

const person = (contactId: string) => findPerson(deps.directory, contactId, deps.coordinators)!;

describe('console access with configured coordinators', () => {
  it('lets a configured coordinator outside the channel act, and still refuses anyone else', async () => {
    expect(await decideAccess(deps, history, incident, person('nia-nhft'))).toEqual({ allowed: true });
    expect(await decideAccess(deps, history, incident, person('pat-police'))).toEqual({ allowed: true });
    const refused = await decideAccess(deps, history, incident, person('sam-school'));
    expect(refused).toMatchObject({ allowed: false, reason: expect.stringContaining('Only members of') });
    // Without the configured list Nia is no coordinator.
    expect(
      await decideAccess({ directory: deps.directory }, history, incident, person('nia-nhft')),
    ).toMatchObject({ allowed: false });
  });

  it('shows a configured coordinator the incident channel and marks them as a coordinator', () => {
    expect(canSeeChannel(deps.directory, channel, 'nia-nhft', deps.coordinators)).toBe(true);
    expect(canSeeChannel(deps.directory, channel, 'sam-school', deps.coordinators)).toBe(false);
    expect(person('nia-nhft').coordinator).toBe(true);
    expect(person('sam-school').coordinator).toBe(false);
  });
});
