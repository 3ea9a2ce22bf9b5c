/**
 * The directory in force, kept live in this process: the file loaded at
 * start with every chat change in the Store applied on top, in order.
 *
 * `deps.directory` is one plain object that many parts of Muster captured
 * when they were wired (the platforms' contexts, notifiers, the scheduler's
 * deps, spreads of `deps`). So a refresh never swaps the object: it replaces
 * the contents of its arrays and its properties in place, and every holder
 * sees the new directory on its next read.
 *
 * `refreshDirectory` reads only the changes after the last one this process
 * applied to that object. It runs at start, after this process's own edit,
 * and on every scheduler tick (app-runtime.ts), so another replica's edit is
 * in force here within a tick: a minute by default. Refreshes of one
 * directory run one at a time, so a change is never applied twice.
 */
import { applyDirectoryChanges, type SkippedChange } from '../../core/directory/apply-directory-changes.js';
import type { Directory } from '../../core/directory/directory-schema.js';
import type { Store } from '../../ports.js';

export interface LiveDirectoryDeps {
  store: Pick<Store, 'listDirectoryChanges'>;
  directory: Directory;
}

export interface DirectoryRefresh {
  /** The seqs applied by this refresh, in order. */
  applied: number[];
  /** Changes that would have made the directory invalid: left out, the rest applied. */
  skipped: SkippedChange[];
}

interface LiveState {
  /** The last change this process applied to the directory object (0: none yet, only the file). */
  seq: number;
  running: Promise<unknown>;
}

// Keyed by the directory object itself: the one thing every copy of `deps` shares.
const STATES = new WeakMap<Directory, LiveState>();

export function refreshDirectory(deps: LiveDirectoryDeps): Promise<DirectoryRefresh> {
  const state = STATES.get(deps.directory) ?? { seq: 0, running: Promise.resolve() };
  STATES.set(deps.directory, state);
  const refresh = state.running.then(() => catchUp(deps, state));
  // A failed refresh (the store unreachable) must not block the next one.
  state.running = refresh.catch(() => undefined);
  return refresh;
}

/** The seq of the last change in force in this directory object (0 when only the file is). */
export function appliedSeq(directory: Directory): number {
  return STATES.get(directory)?.seq ?? 0;
}

async function catchUp(deps: LiveDirectoryDeps, state: LiveState): Promise<DirectoryRefresh> {
  const changes = await deps.store.listDirectoryChanges(state.seq);
  if (changes.length === 0) return { applied: [], skipped: [] };
  const { directory, skipped } = applyDirectoryChanges(structuredClone(deps.directory), changes);
  replaceInPlace(deps.directory, directory);
  state.seq = changes.at(-1)?.seq ?? state.seq;
  const left = new Set(skipped.map((s) => s.seq));
  return { applied: changes.map((c) => c.seq).filter((seq) => !left.has(seq)), skipped };
}

function replaceInPlace(target: Directory, source: Directory): void {
  target.version = source.version;
  target.partnership = source.partnership;
  target.areas.splice(0, target.areas.length, ...source.areas);
  target.agencies.splice(0, target.agencies.length, ...source.agencies);
  target.memberships.splice(0, target.memberships.length, ...source.memberships);
  target.contacts.splice(0, target.contacts.length, ...source.contacts);
}

/** Where `keepDirectoryLive` reports: the runtime's logger. */
export interface DirectoryLog {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
}

/**
 * `refreshDirectory` for the runtime (at start and on each tick), reporting
 * what it did by seq only (changes name people). Never throws: a store that
 * cannot be read leaves the directory as it was until the next tick.
 */
export async function keepDirectoryLive(deps: LiveDirectoryDeps, log: DirectoryLog): Promise<void> {
  try {
    const { applied, skipped } = await refreshDirectory(deps);
    if (applied.length > 0)
      log.info('directory changes applied', { seqs: applied, inForce: appliedSeq(deps.directory) });
    for (const { seq } of skipped) {
      log.warn(`directory change ${seq} was not applied: it would make the directory invalid`, { seq });
    }
  } catch (error) {
    log.warn('could not read the directory changes; the directory stays as it was until the next tick', {
      error: (error as Error).message,
    });
  }
}
