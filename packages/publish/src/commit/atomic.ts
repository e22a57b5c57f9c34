import { InputError, InternalError } from '@cablepress/core';
import { randomBytes } from 'node:crypto';
import { lstat, open, readdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { isSafePath } from '../describe/datapackage.js';
import { attachedStagingPath, checkAttached, checkJournal, isEntryName, PREFIX, stagedEntryPath, WORK, type Journal } from './journal.js';
import { entryKind, makeDirs, processAlive, readInside, writing as writingStep } from '@cablepress/core';
import { takeLock, withLock } from './lock.js';

/** The commit record: its appearance (one rename) is the moment the new release replaces the old one. */
const JOURNAL = 'commit.json';
/** Files staged outside the work folder (beside a companion's target), so an uncommitted write can delete them. */
const ATTACHED = 'attached.json';
const LOCK = 'cablepress-write.lock';

async function exists(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    () => false,
  );
}

/** What a failed dataset write leaves: the release before it. */
const INTACT = 'the previous release is intact';

/** Runs one write step of a dataset; a system error becomes a typed error naming the file (see `writeFailure`). */
const writing = <T>(file: string, folder: string, step: () => Promise<T>) => writingStep(file, folder, step, INTACT);

/** Writes a small file and flushes it to the disk, so a rename that follows never publishes an empty file. */
async function writeDurable(file: string, text: string): Promise<void> {
  const handle = await open(file, 'w');
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Rebuild folders of `release` (`cablepress-rebuild-<pid>-<id>`), removed once their process no longer runs. */
export const REBUILD_PREFIX = 'cablepress-rebuild-';

/** Deletes the rebuild folders that a killed `release` left in `<dir>/.tmp/`. */
export async function removeStaleRebuilds(dir: string): Promise<void> {
  const names = await readdir(join(dir, WORK)).catch(() => [] as string[]);
  for (const name of names.filter((n) => n.startsWith(REBUILD_PREFIX))) {
    const pid = Number(name.slice(REBUILD_PREFIX.length).split('-')[0]);
    if (!(Number.isInteger(pid) && pid > 0 && processAlive(pid))) await rm(join(dir, WORK, name), { recursive: true, force: true });
  }
}

async function removeWorkRoot(dir: string): Promise<void> {
  try {
    await rmdir(join(dir, WORK));
  } catch {
    // not empty (a lock or another tool's files) or already gone
  }
}

/**
 * Finishes a committed write: every staged path still waiting is moved onto its live path (the old one is moved
 * aside first), then retired paths are moved aside. Each step is one rename and is skipped when already done, so a
 * write killed at any point is finished by running this again.
 */
async function rollForward(dir: string, work: string, journal: Journal): Promise<void> {
  const aside = join(work, 'old');
  await makeDirs(aside);
  for (const [i, move] of journal.moves.entries()) {
    const from = resolve(dir, move.from);
    const to = resolve(dir, move.to);
    if (!(await exists(from))) continue;
    if (await exists(to)) await rename(to, join(aside, `m${i}`));
    await rename(from, to);
  }
  for (const [i, gone] of journal.removes.entries()) {
    const path = resolve(dir, gone);
    if (await exists(path)) await rename(path, join(aside, `r${i}`));
  }
}

/** The largest commit record or staged-file list read: a real one names a few dozen paths. */
const MAX_RECORD_BYTES = 1024 * 1024;

/** A record of a work folder, parsed; undefined when it is absent or not JSON (a record is renamed into place whole, so that means none). */
async function readRecord(file: string, dir: string): Promise<unknown> {
  const bytes = await readInside(file, dir, MAX_RECORD_BYTES);
  if (bytes === undefined) return undefined;
  try {
    return JSON.parse(Buffer.from(bytes).toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** `<dir>/.tmp` when it is a real folder, undefined when absent; a link or a file there is JOURNAL_UNSAFE (nothing is followed). */
async function workRoot(dir: string): Promise<string | undefined> {
  const root = join(dir, WORK);
  const info = await lstat(root).catch(() => undefined);
  if (info === undefined || info.isDirectory()) return info && root;
  throw new InputError(
    'JOURNAL_UNSAFE',
    `${root} is ${entryKind(info)}, not the folder cablepress writes in; nothing in it was replayed or deleted.`,
    { file: root },
    `Check how it got there; delete ${root} and run again.`,
  );
}

/** An interrupted write, checked: its committed journal (to finish) or the companion copies it staged (to delete). */
interface Interrupted {
  work: string;
  journal?: Journal;
  attached: string[];
}

/** Every interrupted write in `<dir>/.tmp/`, each record checked before anything is touched (see `checkJournal`). */
async function interruptedWrites(dir: string, companions: readonly string[]): Promise<Interrupted[]> {
  const root = await workRoot(dir);
  if (root === undefined) return [];
  const found: Interrupted[] = [];
  for (const name of (await readdir(root)).filter((n) => n.startsWith(PREFIX)).sort()) {
    const work = join(root, name);
    const info = await lstat(work);
    if (!info.isDirectory())
      throw new InputError(
        'JOURNAL_UNSAFE',
        `${work} is ${entryKind(info)}, not a work folder; nothing was replayed or deleted.`,
        { file: work },
        `Check how it got there; delete ${work} and run again.`,
      );
    const record = join(work, JOURNAL);
    const journal = await readRecord(record, dir);
    if (journal !== undefined) {
      found.push({ work, journal: checkJournal(journal, dir, name, companions, record), attached: [] });
      continue;
    }
    const list = join(work, ATTACHED);
    found.push({ work, attached: checkAttached((await readRecord(list, dir)) ?? [], dir, name, companions, list) });
  }
  return found;
}

/**
 * Settles writes a killed process left: a work folder with a commit record is finished (the new release), one without
 * is deleted with the files it staged beside their targets (the old release stays). Every record is checked first
 * (`companions` are the files outside the folder a write of this dataset may publish); one that names anything else
 * stops the settling with JOURNAL_UNSAFE before a file is touched. Call it holding the lock.
 */
async function recoverInterruptedWrites(dir: string, companions: readonly string[]): Promise<void> {
  for (const { work, journal, attached } of await interruptedWrites(dir, companions)) {
    if (journal) await rollForward(dir, work, journal);
    for (const staged of attached) await rm(staged, { force: true });
    await rm(work, { recursive: true, force: true });
  }
  await removeStaleRebuilds(dir);
  await removeWorkRoot(dir);
}

/** A staging folder inside `dir` that becomes the live files of `dir` only when `commit` is called. */
export interface Staging {
  /** The folder to write new files into. */
  root: string;
  /** Writes one file into the staging folder (path relative to the package, `/`-separated). */
  write(path: string, content: string | Uint8Array): Promise<void>;
  /**
   * Stages a file published outside the dataset folder (the fact sheet, at an absolute path), beside its target so
   * the final rename stays on one file system; the same commit switches it in with the dataset.
   */
  attach(target: string, content: Uint8Array): Promise<void>;
  /**
   * Switches the release: the named top-level entries and every attached file replace the live ones, and `replaced`
   * entries that are not staged are retired. The switch is one rename (the commit record); a process killed after it
   * is finished by the next writer or `settleDataset`, one killed before it leaves the old release untouched.
   */
  commit(entries: string[], replaced: string[]): Promise<void>;
  /** Deletes the staging folder (after a failure or a commit) and releases the lock. */
  discard(): Promise<void>;
}

/**
 * Takes `<dir>/.tmp/cablepress-write.lock` (see `takeLock`); a lock left by a process that no longer runs is taken
 * over. Another writer that removes `.tmp` or its lock between our steps costs a retry, never a crash. When the lock
 * cannot be taken (a full disk fails its write), the `.tmp` folder made for it is removed again if nothing is in it.
 */
async function lock(dir: string): Promise<() => Promise<void>> {
  try {
    return await takeLock(dir, join(dir, WORK, LOCK), () => makeDirs(join(dir, WORK)));
  } catch (error) {
    await removeWorkRoot(dir);
    throw error;
  }
}

/**
 * Runs `task` holding the write lock of `dir` for its whole length, so that no other process writes the dataset
 * meanwhile (a release reads, bundles and records one state); the writes `task` itself makes take the lock as theirs.
 * Another writer is waited for up to `waitMs`, then DATASET_BUSY.
 */
export async function holdDataset<T>(dir: string, task: () => Promise<T>, waitMs = 120_000): Promise<T> {
  try {
    return await withLock(dir, join(dir, WORK, LOCK), () => makeDirs(join(dir, WORK)), task, waitMs);
  } finally {
    await removeWorkRoot(dir);
  }
}

/**
 * Finishes or undoes what an interrupted write left in `dir`, under the write lock; does nothing when another writer
 * holds it. `companions` are the files outside the folder that a write of this dataset may publish (the fact sheet):
 * a record naming any other path is JOURNAL_UNSAFE and nothing is replayed.
 */
export async function settleDataset(dir: string, companions: readonly string[] = []): Promise<void> {
  if (!(await exists(join(dir, WORK)))) return;
  let unlock: () => Promise<void>;
  try {
    unlock = await lock(dir);
  } catch {
    return;
  }
  try {
    await recoverInterruptedWrites(dir, companions);
  } finally {
    await unlock();
    await removeWorkRoot(dir);
  }
}

/**
 * Takes the write lock of `dir`, settles what interrupted writes left (see `settleDataset`) and opens a staging folder.
 * `companions` are the only files outside `dir` that `attach` may publish (absolute paths).
 */
export async function stage(dir: string, companions: readonly string[] = []): Promise<Staging> {
  const unlock = await lock(dir);
  const id = randomBytes(6).toString('hex');
  const work = join(dir, WORK, PREFIX + id);
  const root = join(work, 'new');
  try {
    await recoverInterruptedWrites(dir, companions);
    await makeDirs(root);
  } catch (error) {
    await rm(work, { recursive: true, force: true });
    await unlock();
    await removeWorkRoot(dir);
    throw error;
  }
  const attached: { staged: string; target: string }[] = [];
  let unfinished = false;
  return {
    root,
    async write(path, content) {
      if (!isSafePath(path)) throw new InternalError('UNSAFE_PATH', `refusing to write outside the dataset folder: ${path}`);
      const target = join(root, ...path.split('/'));
      await makeDirs(dirname(target));
      await writing(join(dir, path), dir, async () => {
        await writeFile(target, content);
      });
    },
    async attach(target, content) {
      if (!companions.some((c) => resolve(c) === resolve(target)))
        throw new InternalError('UNSAFE_PATH', `refusing to publish a file that is not a companion of the dataset: ${target}`);
      const folder = dirname(target);
      const staged = attachedStagingPath(resolve(target), PREFIX + id);
      attached.push({ staged, target });
      await writing(target, folder, async () => {
        await writeDurable(join(work, ATTACHED), JSON.stringify(attached.map((a) => relative(dir, a.staged))));
        await makeDirs(folder);
        await writeFile(staged, content);
      });
    },
    async commit(entries, replaced) {
      const bad = [...entries, ...replaced].find((entry) => !isEntryName(entry));
      if (bad !== undefined) throw new InternalError('UNSAFE_PATH', `refusing to switch a path that is not a top-level entry of the dataset: ${bad}`);
      const journal: Journal = {
        moves: [
          ...entries.map((entry) => ({ from: stagedEntryPath(PREFIX + id, entry), to: entry })),
          ...attached.map((a) => ({ from: relative(dir, a.staged), to: relative(dir, a.target) })),
        ],
        removes: [...new Set(replaced)].filter((entry) => !entries.includes(entry)).sort(),
      };
      const record = join(work, JOURNAL);
      await writing(record, dir, () => writeDurable(`${record}.part`, JSON.stringify(journal)));
      await rename(`${record}.part`, record);
      unfinished = true;
      await rollForward(dir, work, journal);
      unfinished = false;
    },
    async discard() {
      if (!unfinished) {
        await rm(work, { recursive: true, force: true });
        for (const a of attached) await rm(a.staged, { force: true });
      }
      await unlock();
      await removeWorkRoot(dir);
    },
  };
}

/** How the committed release of `dir` looks now: the identity of its datapackage.json, and whether a commit is under way. */
async function commitState(dir: string): Promise<{ descriptor: string; committing: boolean }> {
  const info = await lstat(join(dir, 'datapackage.json')).catch(() => undefined);
  const works = (await readdir(join(dir, WORK)).catch(() => [] as string[])).filter((n) => n.startsWith(PREFIX));
  const journals = await Promise.all(works.map((n) => exists(join(dir, WORK, n, JOURNAL))));
  return { descriptor: info ? `${info.ino}:${info.mtimeMs}:${info.size}` : 'none', committing: journals.some(Boolean) };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `read` on the last committed release of `dir` without blocking writers: interrupted writes are settled first,
 * a commit under way (a commit record present) is waited for, and a read during which a commit switched the files
 * (datapackage.json is replaced by every commit) is done again. After `waitMs` the last read is returned as it is.
 */
export async function readCommitted<T>(dir: string, companions: readonly string[], read: () => Promise<T>, waitMs = 120_000): Promise<T> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    await settleDataset(dir, companions);
    const before = await commitState(dir);
    if (before.committing && Date.now() < deadline) {
      await pause(50);
      continue;
    }
    const result = await read();
    const after = await commitState(dir);
    if ((after.descriptor === before.descriptor && !after.committing) || Date.now() >= deadline) return result;
    await pause(50);
  }
}
