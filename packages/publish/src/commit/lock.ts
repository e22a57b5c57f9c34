import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import { constants, readFileSync } from 'node:fs';
import { link, lstat, open, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { InputError, processAlive, writeFailure } from '@cablepress/core';

/** What a lock file holds: the owner's pid and when its process started, so that a reused pid is not taken for the owner. */
interface Owner {
  pid: number;
  start: string | null;
}

/** When a process started, as the kernel counts it (Linux: field 22 of /proc/<pid>/stat); null where that is not known. */
export function processStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

/** True while the owner's process runs: the pid is alive and, where the start time is known, it is the same process. */
function ownerAlive(owner: Owner): boolean {
  if (!processAlive(owner.pid)) return false;
  const start = processStart(owner.pid);
  return owner.start === null || start === null || start === owner.start;
}

/** The owner a lock's text names (`{"pid":…,"start":…}`, or a bare pid from an older cablepress); null for anything else. */
function parseOwner(text: string): Owner | null {
  if (/^\d{1,10}$/.test(text.trim())) return { pid: Number(text), start: null };
  try {
    const value = JSON.parse(text) as { pid?: unknown; start?: unknown };
    if (!Number.isInteger(value.pid) || (value.pid as number) <= 0) return null;
    return { pid: value.pid as number, start: typeof value.start === 'string' ? value.start : null };
  } catch {
    return null;
  }
}

/** The lock at `file` (its inode and owner, null when unreadable), or undefined when there is none. Never blocks, never follows a link. */
async function readLock(file: string): Promise<{ ino: number; owner: Owner | null } | undefined> {
  let handle;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    return code === 'ELOOP' ? { ino: (await lstat(file)).ino, owner: null } : undefined;
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return { ino: info.ino, owner: null };
    const buffer = Buffer.alloc(256);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return { ino: info.ino, owner: parseOwner(buffer.toString('utf8', 0, bytesRead)) };
  } finally {
    await handle.close();
  }
}

/**
 * Clears a stale lock, and only that one: it is renamed aside and its inode compared with the stale lock's. When
 * another process cleared it first and took the lock, the lock moved aside is that live one: it is linked back.
 */
async function clearStale(file: string, ino: number): Promise<void> {
  const aside = `${file}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await rename(file, aside);
  } catch {
    return;
  }
  if ((await lstat(aside)).ino !== ino) await link(aside, file).catch(() => undefined);
  await rm(aside, { force: true });
}

/** Deletes the temporary lock files (`<lock>.<pid>-<id>`, `<lock>.stale-<pid>-<id>`) of processes that no longer run. */
async function removeStaleLockTemps(file: string): Promise<void> {
  const prefix = `${basename(file)}.`;
  for (const name of await readdir(dirname(file)).catch(() => [] as string[])) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(/^(?:stale-)?(\d+)-/.exec(name.slice(prefix.length))?.[1]);
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && !processAlive(pid)) await rm(join(dirname(file), name), { force: true });
  }
}

function busy(dir: string, file: string, owner?: number): InputError {
  return owner === undefined
    ? new InputError('DATASET_BUSY', `cannot take the write lock ${file}`, { file: dir }, `wait for the other build to finish; if none runs, delete ${file}`)
    : new InputError(
        'DATASET_BUSY',
        `another cablepress process (pid ${owner}) is writing this dataset`,
        { file: dir },
        `wait for it to finish; if it is gone, delete ${file}`,
      );
}

/** The locks the running call chain holds through `withLock`: a write inside it finds its lock already its own. */
const held = new AsyncLocalStorage<ReadonlySet<string>>();

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `task` holding the lock `file` of `dir` (see `takeLock`), waiting up to `waitMs` while another live process
 * holds it (then DATASET_BUSY). Writes that `task` makes to the same dataset take the lock as their own instead of
 * finding it busy; other call chains of this process, and other processes, still find it taken.
 */
export async function withLock<T>(dir: string, file: string, ready: () => Promise<void>, task: () => Promise<T>, waitMs: number): Promise<T> {
  const deadline = Date.now() + waitMs;
  let release: () => Promise<void>;
  for (;;) {
    try {
      release = await takeLock(dir, file, ready);
      break;
    } catch (error) {
      if ((error as InputError).code !== 'DATASET_BUSY' || Date.now() >= deadline) throw error;
      await pause(100);
    }
  }
  try {
    return await held.run(new Set([...(held.getStore() ?? []), file]), task);
  } finally {
    await release();
  }
}

/**
 * Takes the lock `file` of the dataset `dir`: the owner (pid and start time) is written whole into a temporary file,
 * which is then hard-linked into place, so a lock is complete or absent, never empty. A lock whose owner no longer
 * runs (or that is unreadable) is cleared with `clearStale`, so two processes never both take it over. Returns the
 * release, which removes the lock only while it is still ours. `ready` makes the lock's folder. Inside `withLock` of
 * the same lock it is already ours: the release given back leaves it to `withLock`.
 */
export async function takeLock(dir: string, file: string, ready: () => Promise<void>): Promise<() => Promise<void>> {
  if (held.getStore()?.has(file)) return async () => undefined;
  const record = JSON.stringify({ pid: process.pid, start: processStart(process.pid) });
  const temp = `${file}.${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      await ready();
      try {
        await writeFile(temp, record, { flag: 'wx' });
        await link(temp, file);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        await rm(temp, { force: true });
        if (code === 'ENOENT') continue;
        if (code !== 'EEXIST') throw writeFailure(error, file, dir, 'the previous release is intact');
        const found = await readLock(file);
        if (found === undefined) continue;
        if (found.owner && ownerAlive(found.owner)) throw busy(dir, file, found.owner.pid);
        await clearStale(file, found.ino);
        continue;
      }
      const { ino } = await lstat(file);
      await removeStaleLockTemps(file);
      return async () => {
        if ((await lstat(file).catch(() => undefined))?.ino === ino) await rm(file, { force: true });
      };
    }
    throw busy(dir, file);
  } finally {
    await rm(temp, { force: true });
  }
}
