/**
 * One process per data directory. Two processes appending to the same logs
 * and renaming the same incident files would each lose the other's updates,
 * so the first to open writes `muster.lock` (its pid and host) and the second
 * is refused. A lock left by a process that has since died is taken over.
 * A read-only open (`read-only-store.ts`) takes no lock: it writes nothing,
 * so it cannot lose anyone's updates, and it must work while the bot runs.
 */

import { link, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { ErrorCode, MusterError } from '../../../core/errors.js';
import { isErrno, tempPathFor } from './atomic-file.js';

interface LockOwner {
  pid: number;
  host: string;
}

export interface DataDirLock {
  release(): Promise<void>;
}

export async function acquireDataDirLock(dir: string, lockFile: string): Promise<DataDirLock> {
  const me: LockOwner = { pid: process.pid, host: hostname() };
  // Two attempts: the second follows the removal of a stale lock.
  for (let attempt = 0; attempt < 2; attempt += 1) {
    if (await tryCreate(lockFile, me)) return { release: () => releaseIfOurs(lockFile, me) };
    const holder = await readOwner(lockFile);
    if (holder === 'gone') continue;
    if (holder !== 'unreadable' && isAlive(holder, me.host)) {
      throw new MusterError(
        ErrorCode.StoreLocked,
        `The data directory ${dir} is in use by another Muster process (pid ${holder.pid} on ${holder.host}). ` +
          `Stop that process first. If you are sure it is not running, delete ${lockFile} and start again.`,
      );
    }
    await rm(lockFile, { force: true });
  }
  throw new MusterError(
    ErrorCode.StoreLocked,
    `The data directory ${dir} is being opened by another Muster process at the same moment. Start only one.`,
  );
}

/** Creates the lock with its contents in one step (link fails if the name exists), so no one reads a half-written lock. */
async function tryCreate(lockFile: string, me: LockOwner): Promise<boolean> {
  const temp = tempPathFor(lockFile);
  await writeFile(temp, `${JSON.stringify(me)}\n`, 'utf8');
  try {
    await link(temp, lockFile);
    return true;
  } catch (error) {
    if (isErrno(error, 'EEXIST')) return false;
    // Some network and FUSE filesystems have no hard links; exclusive create is the next best thing.
    if (isErrno(error, 'EPERM') || isErrno(error, 'ENOTSUP') || isErrno(error, 'ENOSYS')) {
      return createExclusive(lockFile, me);
    }
    throw error;
  } finally {
    await rm(temp, { force: true });
  }
}

async function createExclusive(lockFile: string, me: LockOwner): Promise<boolean> {
  try {
    await writeFile(lockFile, `${JSON.stringify(me)}\n`, { encoding: 'utf8', flag: 'wx' });
    return true;
  } catch (error) {
    if (isErrno(error, 'EEXIST')) return false;
    throw error;
  }
}

async function readOwner(lockFile: string): Promise<LockOwner | 'gone' | 'unreadable'> {
  let text: string;
  try {
    text = await readFile(lockFile, 'utf8');
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return 'gone';
    throw error;
  }
  try {
    const parsed = JSON.parse(text) as Partial<LockOwner>;
    if (typeof parsed.pid === 'number' && Number.isInteger(parsed.pid) && typeof parsed.host === 'string') {
      return { pid: parsed.pid, host: parsed.host };
    }
  } catch {
    // fall through: an unreadable lock protects nothing, so it counts as stale
  }
  return 'unreadable';
}

function isAlive(owner: LockOwner, thisHost: string): boolean {
  // A pid from another machine (a shared network drive) cannot be checked here; assume it is running.
  if (owner.host !== thisHost) return true;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return isErrno(error, 'EPERM');
  }
}

async function releaseIfOurs(lockFile: string, me: LockOwner): Promise<void> {
  const holder = await readOwner(lockFile);
  if (typeof holder === 'object' && holder.pid === me.pid && holder.host === me.host) {
    await rm(lockFile, { force: true });
  }
}
