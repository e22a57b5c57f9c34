import { randomBytes } from 'node:crypto';
import { lstat, mkdir, readdir, readFile, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { isSafePath } from './datapackage.js';
import { InputError, InternalError } from '@cablepress/extract';

/** Work folders live in `<dir>/.tmp/` (same file system as the target, so renames are atomic; ignored by git). */
const WORK = '.tmp';
const PREFIX = 'cablepress-write-';
const JOURNAL = 'swap.json';
const LOCK = 'cablepress-write.lock';

async function exists(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    () => false,
  );
}

async function removeWorkRoot(dir: string): Promise<void> {
  try {
    await rmdir(join(dir, WORK));
  } catch {
    // not empty (a lock or another tool's files) or already gone
  }
}

/**
 * Puts back the state from before an interrupted write. A work folder without a journal was never swapped in
 * (the previous files are untouched): it is deleted. With a journal, entries that were moved aside are moved back.
 */
async function recoverInterruptedWrites(dir: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(join(dir, WORK));
  } catch {
    return;
  }
  for (const name of names.filter((n) => n.startsWith(PREFIX)).sort()) {
    const work = join(dir, WORK, name);
    let entries: string[] | undefined;
    try {
      entries = JSON.parse(await readFile(join(work, JOURNAL), 'utf8')) as string[];
    } catch {
      entries = undefined;
    }
    if (entries) {
      const pending = new Set(await readdir(join(work, 'new')).catch(() => []));
      const done = entries.every((e) => !pending.has(e));
      if (!done) {
        const old = new Set(await readdir(join(work, 'old')).catch(() => []));
        for (const entry of entries) {
          if (pending.has(entry)) {
            if (old.has(entry) && !(await exists(join(dir, entry)))) await rename(join(work, 'old', entry), join(dir, entry));
            continue;
          }
          await rm(join(dir, entry), { recursive: true, force: true });
          if (old.has(entry)) await rename(join(work, 'old', entry), join(dir, entry));
        }
      }
    }
    await rm(work, { recursive: true, force: true });
  }
  await removeWorkRoot(dir);
}

/** A staging folder inside `dir` that becomes the live files of `dir` only when `commit` is called. */
export interface Staging {
  /** The folder to write new files into. */
  root: string;
  /** Writes one file into the staging folder (path relative to the package, `/`-separated). */
  write(path: string, content: string | Uint8Array): Promise<void>;
  /** Moves the named top-level entries into place, replacing the old ones; on failure the old ones are put back. */
  commit(entries: string[], replaced: string[]): Promise<void>;
  /** Deletes the staging folder (after a failure or a commit). */
  discard(): Promise<void>;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes `<dir>/.tmp/cablepress-write.lock` (our pid); a lock left by a process that no longer runs is taken over. */
async function lock(dir: string): Promise<() => Promise<void>> {
  const file = join(dir, WORK, LOCK);
  await mkdir(join(dir, WORK), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(file, String(process.pid), { flag: 'wx' });
      return () => rm(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(await readFile(file, 'utf8').catch(() => 'NaN'));
      if (Number.isInteger(owner) && owner > 0 && alive(owner)) {
        throw new InputError('DATASET_BUSY', `another cablepress process (pid ${owner}) is writing this dataset`, { file: dir }, `wait for it to finish; if it is gone, delete ${file}`);
      }
      await rm(file, { force: true });
    }
  }
  throw new InputError('DATASET_BUSY', `cannot take the write lock ${file}`, { file: dir }, `wait for the other build to finish; if none runs, delete ${file}`);
}

export async function stage(dir: string): Promise<Staging> {
  const unlock = await lock(dir);
  try {
    await recoverInterruptedWrites(dir);
  } catch (error) {
    await unlock();
    throw error;
  }
  const work = join(dir, WORK, PREFIX + randomBytes(6).toString('hex'));
  const root = join(work, 'new');
  await mkdir(root, { recursive: true });
  return {
    root,
    async write(path, content) {
      if (!isSafePath(path)) throw new InternalError('UNSAFE_PATH', `refusing to write outside the dataset folder: ${path}`);
      const target = join(root, ...path.split('/'));
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, content);
    },
    async commit(entries, replaced) {
      const all = [...new Set([...entries, ...replaced])].sort();
      await writeFile(join(work, JOURNAL), JSON.stringify(all));
      await mkdir(join(work, 'old'));
      const movedAside: string[] = [];
      const movedIn: string[] = [];
      try {
        for (const entry of all) {
          if (await exists(join(dir, entry))) {
            await rename(join(dir, entry), join(work, 'old', entry));
            movedAside.push(entry);
          }
        }
        for (const entry of entries) {
          await rename(join(root, entry), join(dir, entry));
          movedIn.push(entry);
        }
      } catch (error) {
        for (const entry of movedIn) await rm(join(dir, entry), { recursive: true, force: true });
        for (const entry of movedAside) await rename(join(work, 'old', entry), join(dir, entry));
        throw error;
      }
    },
    async discard() {
      await rm(work, { recursive: true, force: true });
      await unlock();
      await removeWorkRoot(dir);
    },
  };
}
