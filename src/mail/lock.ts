/**
 * One `send` at a time per send log: a lock file beside the log (`<log>.lock`), created with
 * O_EXCL and holding the owner's pid, host and start time. Two overlapping runs on one log
 * would otherwise both read "not yet sent" and both deliver. A lock whose process is gone
 * (same host, pid no longer running) is stale and taken over; a live one is refused with
 * `mail/busy`, naming its pid.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync, constants, fstatSync, linkSync, openSync, readSync, renameSync, rmSync, statSync, writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { UserError, diag } from '../diag/index.js';
import { makeDir } from '../util/index.js';

/** What a lock file says about its owner. */
export interface LockOwner {
  readonly pid: number;
  readonly host: string;
  /** ISO time the lock was taken. */
  readonly startedAt: string;
  /** Random, so a release removes only its own lock. */
  readonly token: string;
}

/** A held lock on a send log; `release` is idempotent and also runs when the process exits. */
export interface SendLock {
  readonly logFile: string;
  readonly lockFile: string;
  readonly owner: LockOwner;
  release(): void;
}

/** An unreadable lock file older than this is a leftover, not a run still writing it. */
const UNREADABLE_STALE_MS = 10_000;

function ageMs(file: string): number {
  try {
    return Date.now() - statSync(file).mtimeMs;
  } catch {
    return Infinity;
  }
}

/** The lock file of a send log. */
export function lockFileOf(logFile: string): string {
  return `${logFile}.lock`;
}

function readOwner(file: string): LockOwner | 'unreadable' | 'gone' {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    return (e as { code?: string }).code === 'ENOENT' ? 'gone' : 'unreadable';
  }
  try {
    if (!fstatSync(fd).isFile()) return 'unreadable';
    const buf = Buffer.alloc(4096);
    const n = readSync(fd, buf, 0, buf.length, 0);
    const v = JSON.parse(buf.subarray(0, n).toString('utf8')) as Partial<LockOwner>;
    if (typeof v.pid !== 'number' || !Number.isInteger(v.pid) || v.pid <= 0 || typeof v.host !== 'string' ||
      typeof v.startedAt !== 'string' || typeof v.token !== 'string') return 'unreadable';
    return { pid: v.pid, host: v.host, startedAt: v.startedAt, token: v.token };
  } catch {
    return 'unreadable';
  } finally {
    closeSync(fd);
  }
}

/** True unless the owner is on this host and its pid runs no process. */
function ownerAlive(o: LockOwner): boolean {
  if (o.host !== hostname()) return true;
  if (o.pid === process.pid) return true;
  try {
    process.kill(o.pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: string }).code === 'EPERM';
  }
}

function busy(logFile: string, owner: LockOwner | undefined): UserError {
  const lockFile = lockFileOf(logFile);
  const who = owner
    ? `pid ${owner.pid}${owner.host !== hostname() ? ` on ${owner.host}` : ''}, since ${owner.startedAt}`
    : 'a process that is still writing its lock file';
  return new UserError([diag('mail/busy', `another briefkit send (${who}) is using the send log ${logFile}; nothing was sent`, {
    hint: 'wait for it to finish, then run the same command again: it sends only what the other run did not. ' +
      `If no such process is running any more (it was on another machine, or the pid was reused), remove ${lockFile}`,
  })]);
}

function lockIoError(logFile: string, e: unknown): UserError {
  const code = (e as { code?: string }).code ?? String(e);
  return new UserError([diag('mail/log', `cannot lock the send log ${logFile} (${code}); nothing was sent`, {
    hint: 'the log folder must be writable: choose another --log, or fix its permissions',
  })]);
}

/**
 * Takes the lock of a send log, or throws a UserError: `mail/busy` when another live run holds
 * it, `mail/log` when the lock file cannot be written. Never waits.
 */
export function lockSendLog(logFile: string): SendLock {
  const lockFile = lockFileOf(logFile);
  try {
    // Not mkdirSync's recursive mode: it loops forever under /proc.
    makeDir(dirname(lockFile));
  } catch (e) {
    throw lockIoError(logFile, e);
  }
  const owner: LockOwner = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString(), token: randomBytes(8).toString('hex') };
  // A few rounds: each either takes the lock, finds a live owner, or clears a stale lock.
  for (let round = 0; round < 4; round++) {
    let fd: number | undefined;
    try {
      fd = openSync(lockFile, 'wx', 0o644);
    } catch (e) {
      if ((e as { code?: string }).code !== 'EEXIST') throw lockIoError(logFile, e);
    }
    if (fd !== undefined) {
      try {
        writeSync(fd, `${JSON.stringify(owner)}\n`);
      } catch (e) {
        closeSync(fd);
        rmSync(lockFile, { force: true });
        throw lockIoError(logFile, e);
      }
      closeSync(fd);
      return held(logFile, lockFile, owner);
    }
    const found = readOwner(lockFile);
    if (found === 'gone') continue;
    if (found === 'unreadable') {
      // Another run between creating and writing it: busy. Left like that for a while (a
      // crash right after creating it, or a damaged file): stale.
      if (ageMs(lockFile) < UNREADABLE_STALE_MS) throw busy(logFile, undefined);
      clearStale(logFile, lockFile, undefined);
      continue;
    }
    if (ownerAlive(found)) throw busy(logFile, found);
    clearStale(logFile, lockFile, found);
  }
  throw busy(logFile, undefined);
}

/**
 * Removes a stale lock without removing a fresh one another run made meanwhile: the file is
 * first renamed aside (atomic), then checked; if it is not the stale lock, it is put back.
 */
function clearStale(logFile: string, lockFile: string, stale: LockOwner | undefined): void {
  const aside = `${lockFile}.${process.pid}.${randomBytes(4).toString('hex')}.stale`;
  try {
    renameSync(lockFile, aside);
  } catch (e) {
    if ((e as { code?: string }).code === 'ENOENT') return;
    throw lockIoError(logFile, e);
  }
  const moved = readOwner(aside);
  if (moved !== 'gone' && moved !== 'unreadable' && moved.token !== stale?.token) {
    try {
      linkSync(aside, lockFile);
    } catch { /* a third run took it: it holds the lock now */ }
    rmSync(aside, { force: true });
    throw busy(logFile, moved);
  }
  rmSync(aside, { force: true });
}

function held(logFile: string, lockFile: string, owner: LockOwner): SendLock {
  let done = false;
  const release = (): void => {
    if (done) return;
    done = true;
    process.removeListener('exit', release);
    const now = readOwner(lockFile);
    if (now !== 'gone' && now !== 'unreadable' && now.token === owner.token) rmSync(lockFile, { force: true });
  };
  process.on('exit', release);
  return { logFile, lockFile, owner, release };
}
