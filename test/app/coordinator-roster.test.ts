/**
 * The configured coordinators' list: MUSTER_COORDINATORS and the members of
 * the coordinator groups, in the one array deps.coordinators holds, updated
 * in place on each refresh; a group that cannot be read keeps its last known
 * members and a warning that names the group and no person.
 */
import { describe, expect, it } from 'vitest';
import { isCoordinator } from '../../src/app/access.js';
import { createCoordinatorRoster, keepRosterFresh } from '../../src/app/coordinator-roster.js';
import { testDirectory } from '../fakes/test-directory.js';

function group(id: string, initial: string[]) {
  const state = { members: initial, fail: false, reads: 0 };
  return {
    state,
    group: {
      id,
      members: async () => {
        state.reads += 1;
        if (state.fail) throw new Error('missing_scope');
        return state.members;
      },
    },
  };
}

describe('coordinator roster', () => {
  it('folds the configured ids and every group’s members into one list that access checks use', async () => {
    const slack = group('slack:S0COORD', ['slack:UBOSS', 'slack:UDEP']);
    const teams = group('teams:0d5e3c1a-1111-2222-3333-444455556666', ['teams:aad-1']);
    const warnings: unknown[] = [];
    const roster = createCoordinatorRoster({
      configured: ['console:cara-csp', 'slack:UDEP'],
      groups: [slack.group, teams.group],
      onWarning: (...args) => warnings.push(args),
    });
    expect(roster.ids).toEqual(['console:cara-csp', 'slack:UDEP']);

    await roster.refresh();

    expect([...roster.ids].sort()).toEqual(['console:cara-csp', 'slack:UBOSS', 'slack:UDEP', 'teams:aad-1']);
    expect(isCoordinator(testDirectory(), { actorId: 'slack:UBOSS' }, roster.ids)).toBe(true);
    expect(isCoordinator(testDirectory(), { actorId: 'slack:UOUT' }, roster.ids)).toBe(false);
    expect(warnings).toEqual([]);
  });

  it('updates the same array in place, so deps spread before the refresh see the new members', async () => {
    const slack = group('slack:S0COORD', ['slack:UBOSS']);
    const roster = createCoordinatorRoster({ configured: [], groups: [slack.group], onWarning: () => {} });
    const deps = { coordinators: roster.ids };
    const copy = { ...deps };
    await roster.refresh();
    expect(copy.coordinators).toContain('slack:UBOSS');

    slack.state.members = ['slack:UNEW'];
    await roster.refresh();
    expect(copy.coordinators).toEqual(['slack:UNEW']);
    expect(copy.coordinators).toBe(roster.ids);
  });

  it('keeps a group’s last known members when it cannot be read, and warns without naming anyone', async () => {
    const slack = group('slack:S0COORD', ['slack:UBOSS']);
    const warnings: [string, Record<string, unknown>][] = [];
    const roster = createCoordinatorRoster({
      configured: ['slack:UCONF'],
      groups: [slack.group],
      onWarning: (message, details) => warnings.push([message, details]),
    });
    await roster.refresh();
    slack.state.fail = true;
    await roster.refresh();

    expect([...roster.ids].sort()).toEqual(['slack:UBOSS', 'slack:UCONF']);
    expect(warnings).toHaveLength(1);
    const [message, details] = warnings[0]!;
    expect(message).toContain('slack:S0COORD');
    expect(message).toContain('keeping the 1 known before');
    expect(JSON.stringify([message, details])).not.toContain('UBOSS');
    expect(details).toEqual({ group: 'slack:S0COORD', error: 'missing_scope' });
  });

  it('starts with the configured ids alone when a group cannot be read at start', async () => {
    const slack = group('slack:S0COORD', ['slack:UBOSS']);
    slack.state.fail = true;
    const roster = createCoordinatorRoster({
      configured: ['slack:UCONF'],
      groups: [slack.group],
      onWarning: () => {},
    });
    const refresh = await keepRosterFresh(roster, 1, 60_000);
    expect(roster.ids).toEqual(['slack:UCONF']);
    await refresh.stop();
  });

  it('reads the groups at start and again every refresh interval until stopped', async () => {
    const slack = group('slack:S0COORD', ['slack:UBOSS']);
    const roster = createCoordinatorRoster({ configured: [], groups: [slack.group], onWarning: () => {} });
    const refresh = await keepRosterFresh(roster, 1, 10);
    expect(roster.ids).toEqual(['slack:UBOSS']);

    slack.state.members = ['slack:UNEW'];
    await expect.poll(() => [...roster.ids], { timeout: 2000, interval: 5 }).toEqual(['slack:UNEW']);
    await refresh.stop();
    const reads = slack.state.reads;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(slack.state.reads).toBe(reads);
  });

  it('sets no timer and reads nothing when no group is configured', async () => {
    const roster = createCoordinatorRoster({ configured: ['slack:U1'], groups: [], onWarning: () => {} });
    const refresh = await keepRosterFresh(roster, 0, 10);
    expect(roster.ids).toEqual(['slack:U1']);
    await refresh.stop();
  });
});
