import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { announceIncident } from '../../../src/app/announce-incident.js';
import type { CommandDeps } from '../../../src/app/commands/command-outcome.js';
import {
  type IncidentScopedCommand,
  parseIncidentCommand,
} from '../../../src/app/commands/parse-incident-command.js';
import { runIncidentCommand } from '../../../src/app/commands/run-incident-command.js';
import { openIncident } from '../../../src/app/open-incident.js';
import type { Store } from '../../../src/ports.js';
import { RecordingPlatform } from '../../fakes/recording-platform.js';
import { COORDINATOR, SIO, STORES, testDeps, validForm } from '../harness.js';
import { refusalEvents, snapshotApartFromRefusals } from '../store-snapshot.js';

const STRANGER = { id: 'recording:sam', name: 'Sam School', contactId: 'sam-school' };

function scoped(text: string): IncidentScopedCommand {
  const command = parseIncidentCommand(text);
  if (['new', 'status', 'list', 'help', 'unknown', 'invalid'].includes(command.kind))
    throw new Error(`"${text}" is not an incident command`);
  return command as IncidentScopedCommand;
}

describe.each(STORES)('runIncidentCommand ($name)', (factory) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let platform: RecordingPlatform;
  let deps: CommandDeps;

  beforeEach(async () => {
    ({ store, cleanup } = await factory.open());
    platform = new RecordingPlatform();
    deps = { ...testDeps(store), platform };
    await openIncident(deps, validForm());
    await announceIncident(deps, 'SV-2027-0001');
  });
  afterEach(() => cleanup());

  it('acts on the incident whose space the command was typed in', async () => {
    const outcome = await runIncidentCommand(deps, {
      command: scoped('timeline'),
      spaceId: 'S1',
      spaceName: 'sv-2027-0001',
      by: SIO,
      requester: { isSpaceMember: false },
    });
    expect(outcome.reference).toBe('SV-2027-0001');
    expect(outcome.refused).toBeUndefined();
    expect(outcome.card?.kind).toBe('timeline');
  });

  it('acts on the incident named anywhere, for a coordinator outside its space', async () => {
    const outcome = await runIncidentCommand(deps, {
      command: scoped('timeline sv-2027-0001'),
      spaceId: 'C-elsewhere',
      by: COORDINATOR,
      requester: { contactId: COORDINATOR.contactId, isSpaceMember: false },
    });
    expect(outcome.reference).toBe('SV-2027-0001');
    expect(outcome.card?.kind).toBe('timeline');
  });

  it('refuses someone who is neither in the space nor a coordinator, changing nothing but the audit', async () => {
    const before = await snapshotApartFromRefusals(store, 'SV-2027-0001');
    let asked = 0;
    const outcome = await runIncidentCommand(deps, {
      command: scoped('close SV-2027-0001'),
      spaceId: 'C-elsewhere',
      by: STRANGER,
      requester: async () => {
        asked += 1;
        return { contactId: STRANGER.contactId, isSpaceMember: false };
      },
    });
    expect(asked).toBe(1);
    expect(outcome).toMatchObject({ reference: 'SV-2027-0001', refused: true });
    expect(outcome.message).toContain("Only members of SV-2027-0001's channel and CSP coordinators");
    expect(await snapshotApartFromRefusals(store, 'SV-2027-0001')).toEqual(before);
    expect(await refusalEvents(store, 'SV-2027-0001')).toMatchObject([
      { actor: { id: STRANGER.id }, data: { asked: 'run /incident close' } },
    ]);
  });

  it('says how to name the incident when typed outside an incident space without a reference', async () => {
    await expect(
      runIncidentCommand(deps, {
        command: scoped('actions'),
        spaceId: 'C-general',
        spaceName: 'general',
        by: SIO,
        requester: { isSpaceMember: true },
      }),
    ).rejects.toThrow(/not an incident channel.*SV-2027-0042/);
  });

  it('says when the reference names no incident', async () => {
    await expect(
      runIncidentCommand(deps, {
        command: scoped('timeline SV-2027-0099'),
        by: SIO,
        requester: { isSpaceMember: true },
      }),
    ).rejects.toThrow('There is no incident SV-2027-0099');
  });
});
