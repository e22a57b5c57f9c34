import { InputError } from '../errors/index.js';
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { open, realpath } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';

type EntryInfo = {
  isDirectory(): boolean;
  isFIFO(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
  isSocket(): boolean;
  isSymbolicLink(): boolean;
};

/** What a file system entry is, in words, for a message about an entry that is not a regular file. */
export function entryKind(info: EntryInfo): string {
  if (info.isSymbolicLink()) return 'a symbolic link';
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a FIFO (named pipe)';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isSocket()) return 'a socket';
  return 'not a regular file';
}

const CABLE_HINT = 'Check that it is a cable; if it really is one, raise the cap with --max-input-mb.';

export function tooLarge(file: string, bytes: number, maxBytes: number, hint = CABLE_HINT): InputError {
  return new InputError('INPUT_TOO_LARGE', `the file has ${bytes} bytes, more than the ${maxBytes} an input may have; it was not read.`, { file }, hint);
}

/** Options of `readInside`: the cap in bytes, and what to say when a file passes it. */
export interface ReadBound {
  maxBytes?: number;
  tooLargeHint?: string;
  /** A file the person named themselves may have other names; one a dataset folder refers to may not (the default). */
  hardLinks?: 'allow' | 'refuse';
}

/** The largest file of each kind read beside a dataset: far above any real one, small enough to read whole. */
export const LIMITS = {
  packageJson: 1024 * 1024,
  changelog: 4 * 1024 * 1024,
  recipe: 1024 * 1024,
  releaseLog: 16 * 1024 * 1024,
  descriptor: 64 * 1024 * 1024,
  /** A published data file, read whole to be checked: a release bundle may not inflate to more than this either. */
  dataFile: 512 * 1024 * 1024,
} as const;

/** The most one read call asks for: Node's file read takes a 32-bit length. */
const READ_CHUNK = 64 * 1024 * 1024;

/** What a hash reads at a time. */
const HASH_CHUNK = 1024 * 1024;

const DATA_FILE_HINT = 'A data file this large cannot be checked or released whole; build the dataset with --partition to split its tables.';

/** The caps, with what to say past them, of the files beside a dataset's data that cablepress reads whole. */
export const BOUNDS = {
  descriptor: { maxBytes: LIMITS.descriptor, tooLargeHint: 'A descriptor this large is not one cablepress wrote; rebuild the dataset.' },
  changelog: { maxBytes: LIMITS.changelog, tooLargeHint: 'A changelog this long is not one changesets wrote; restore it from git.' },
  report: { maxBytes: LIMITS.dataFile, tooLargeHint: 'A fact sheet this large is not one cablepress wrote; rebuild the dataset.' },
} as const satisfies Record<string, ReadBound>;

type FileHandle = Awaited<ReturnType<typeof open>>;

/**
 * Opens `file` only when it is a regular file inside `root` (a symbolic link may point elsewhere inside it, never out
 * of it), has no other name (a hard link may be a file outside `root`) and is at most `maxBytes` long, and hands the
 * open file and its size to `use`: the size is checked on the open file before a byte is read (the default cap is
 * `LIMITS.dataFile`), and a FIFO or a device is refused without blocking (`INPUT_OUTSIDE`, `INPUT_HARD_LINK`,
 * `INPUT_NOT_FILE`, `INPUT_TOO_LARGE`). Returns undefined when the file does not exist. Errors name the file given,
 * never what a link points at.
 */
async function withFileInside<T>(
  file: string,
  root: string,
  bound: number | ReadBound,
  use: (handle: FileHandle, size: number) => Promise<T>,
): Promise<T | undefined> {
  const given = typeof bound === 'number' ? { maxBytes: bound } : bound;
  const { maxBytes = LIMITS.dataFile, tooLargeHint = given.maxBytes === undefined ? DATA_FILE_HINT : undefined, hardLinks = 'refuse' } = given;
  let real: string;
  try {
    real = await realpath(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const top = await realpath(root);
  if (real !== top && !real.startsWith(top + sep)) {
    throw new InputError(
      'INPUT_OUTSIDE',
      `the file is a link to a place outside ${root}; it was not read.`,
      { file },
      'Copy the file into the folder instead of linking to it.',
    );
  }
  const handle = await open(real, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  try {
    const info = await handle.stat();
    if (!info.isFile())
      throw new InputError('INPUT_NOT_FILE', `the file is ${entryKind(info)}, not a regular file; it was not read.`, { file }, 'Give a regular file.');
    if (info.nlink > 1 && hardLinks === 'refuse')
      throw new InputError(
        'INPUT_HARD_LINK',
        `the file has ${info.nlink} names (a hard link), so it may be a file outside ${root}; it was not read.`,
        { file },
        'Replace it with a copy of its own.',
      );
    if (info.size > maxBytes) throw tooLarge(file, info.size, maxBytes, tooLargeHint);
    return await use(handle, info.size);
  } finally {
    await handle.close();
  }
}

/** The whole of `file`, read under the checks of `withFileInside`; undefined when it does not exist. */
export function readInside(file: string, root: string, bound: number | ReadBound = {}): Promise<Uint8Array | undefined> {
  return withFileInside(file, root, bound, async (handle, size) => {
    const bytes = Buffer.alloc(size);
    let done = 0;
    while (done < bytes.length) {
      const { bytesRead } = await handle.read(bytes, done, Math.min(bytes.length - done, READ_CHUNK), done);
      if (bytesRead === 0) break;
      done += bytesRead;
    }
    return new Uint8Array(bytes.buffer, bytes.byteOffset, done);
  });
}

/** The sha256 (hex) of `file`, read in chunks under the checks of `withFileInside` (no size cap); undefined when it does not exist. */
export function hashInside(file: string, root: string): Promise<string | undefined> {
  return withFileInside(file, root, { maxBytes: Number.MAX_SAFE_INTEGER }, async (handle) => {
    const hash = createHash('sha256');
    const chunk = Buffer.alloc(HASH_CHUNK);
    for (;;) {
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) return hash.digest('hex');
      hash.update(chunk.subarray(0, bytesRead));
    }
  });
}

/** `readInside` of a UTF-8 text file (invalid bytes become U+FFFD), undefined when it does not exist. */
export async function readTextInside(file: string, root: string, bound: ReadBound): Promise<string | undefined> {
  const bytes = await readInside(file, root, bound);
  return bytes === undefined ? undefined : new TextDecoder().decode(bytes);
}

/** The dataset's CHANGELOG.md (written by changesets), read inside the folder and bounded; undefined when it has none. */
export function readChangelog(dir: string): Promise<string | undefined> {
  return readTextInside(join(dir, 'CHANGELOG.md'), dir, BOUNDS.changelog);
}

function resourceMissing(path: string, file: string): InputError {
  return new InputError('RESOURCE_MISSING', `${path} is listed in datapackage.json but missing.`, { file }, 'Rebuild the dataset with `cablepress build`.');
}

/** A file a dataset publishes (path relative to `dir`), read inside the folder; a missing one is RESOURCE_MISSING. */
export async function readDatasetFile(dir: string, path: string): Promise<Uint8Array> {
  const file = join(dir, ...path.split('/'));
  const bytes = await readInside(file, dir);
  if (bytes === undefined) throw resourceMissing(path, file);
  return bytes;
}

/** The sha256 (hex) of a file a dataset publishes, streamed (any size); a missing one is RESOURCE_MISSING. */
export async function hashDatasetFile(dir: string, path: string): Promise<string> {
  const file = join(dir, ...path.split('/'));
  const hash = await hashInside(file, dir);
  if (hash === undefined) throw resourceMissing(path, file);
  return hash;
}

/** The fact sheet, read inside its own folder (never through a link out of it); a missing one is REPORT_MISSING. */
export async function readReport(reportFile: string): Promise<Uint8Array> {
  const bytes = await readInside(reportFile, dirname(reportFile), BOUNDS.report);
  if (bytes === undefined)
    throw new InputError('REPORT_MISSING', `the fact sheet ${reportFile} does not exist`, { file: reportFile }, 'build the dataset first (`cablepress build`)');
  return bytes;
}
