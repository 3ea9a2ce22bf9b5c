/**
 * The configured CSP coordinators (issue 8): the platform user ids of
 * MUSTER_COORDINATORS and the members of the user groups named in
 * MUSTER_COORDINATOR_GROUPS (a Slack user group, an Entra group), asked of
 * their platform at start and again every few minutes, so someone added to or
 * removed from the group is a coordinator, or not, without a restart.
 *
 * Everything is folded into one list, the very array `deps.coordinators`
 * holds, updated in place: every access check that already passes the
 * configured coordinators sees today's group members without knowing that
 * groups exist. A group that cannot be read keeps its last known members and
 * a warning is logged naming the group, never its members.
 */

/** A group of coordinators on a platform, and how to read its members' platform-qualified ids. */
export interface CoordinatorGroup {
  /** As configured: `slack:S0123ABCD`, `teams:<Entra group object id>`. */
  id: string;
  members: () => Promise<readonly string[]>;
}

export interface CoordinatorRosterOptions {
  /** MUSTER_COORDINATORS: always coordinators, whatever the groups say. */
  configured: readonly string[];
  groups: readonly CoordinatorGroup[];
  /** A group could not be read; `details` never holds a person's id. */
  onWarning: (message: string, details: Record<string, unknown>) => void;
}

export interface CoordinatorRoster {
  /** The live list for `deps.coordinators`: changes in place on every refresh. */
  readonly ids: readonly string[];
  /** Reads every group again; concurrent calls share one refresh. Never throws. */
  refresh(): Promise<void>;
  /** Resolves once no refresh is running. */
  idle(): Promise<void>;
}

/** How often the groups are read again: a removed coordinator loses the role within this time. */
export const GROUP_REFRESH_MS = 5 * 60_000;

export function createCoordinatorRoster(options: CoordinatorRosterOptions): CoordinatorRoster {
  const ids: string[] = [...options.configured];
  const known = new Map<string, readonly string[]>();
  let running: Promise<void> | undefined;

  const rebuild = () => {
    const all = new Set([...options.configured, ...[...known.values()].flat()]);
    // In place: deps (and every copy spread from it) hold this array.
    ids.splice(0, ids.length, ...all);
  };
  const readGroup = async (group: CoordinatorGroup) => {
    try {
      known.set(group.id, [...(await group.members())]);
    } catch (error) {
      const kept = known.get(group.id)?.length ?? 0;
      options.onWarning(
        `could not read the members of coordinator group ${group.id}; keeping the ${kept} known before, and trying again in a few minutes`,
        { group: group.id, error: (error as Error).message },
      );
    }
  };
  const refresh = (): Promise<void> => {
    running ??= Promise.all(options.groups.map(readGroup))
      .then(rebuild)
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  return { ids, refresh, idle: async () => await running };
}

export interface RosterRefresh {
  stop(): Promise<void>;
}

/**
 * Reads the groups once (a failure leaves the configured ids and a warning:
 * Muster still starts) and then every `refreshMs`. With no groups there is
 * nothing to read and no timer.
 */
export async function keepRosterFresh(
  roster: CoordinatorRoster,
  groups: number,
  refreshMs = GROUP_REFRESH_MS,
): Promise<RosterRefresh> {
  if (groups === 0) return { stop: async () => {} };
  await roster.refresh();
  const timer = setInterval(() => void roster.refresh(), refreshMs);
  // The refresh alone must not keep a process alive.
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await roster.idle();
    },
  };
}
