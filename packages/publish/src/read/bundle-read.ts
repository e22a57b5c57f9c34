import { InputError } from '@cablepress/core';
import { createGunzip, inflateRawSync } from 'node:zlib';
import { extract } from 'tar-stream';

/** datapackage.json inside a bundle may inflate to at most this many bytes. */
const DESCRIPTOR_MAX = 16 * 1024 * 1024;
/** An entry no resource declares (README.md, CHANGELOG.md, the fact sheet, a stray file) may inflate to at most this. */
const UNDECLARED_MAX = 64 * 1024 * 1024;

/**
 * All entries of a bundle together may inflate to at most this many bytes in one pass, whatever each may: the bound on
 * what reading a bundle costs (entries on one shared deflate stream, or a descriptor declaring huge sizes, stop here).
 */
export const BUNDLE_INFLATED_MAX = 512 * 1024 * 1024;

/** The largest bundle file opened: it is read whole, and Node cannot hold a file over 2 GiB in one buffer. */
export const BUNDLE_FILE_MAX = BUNDLE_INFLATED_MAX;

/** How to read one entry of a bundle, by its path inside the package (the bundle's top folder left out). */
export type EntryRule = { keep: boolean; max: number } | 'stop';

/** An entry inflated to more bytes than it may have: refused before more is inflated. */
export class EntryTooLarge extends Error {
  constructor(
    readonly entry: string,
    readonly max: number,
  ) {
    super(`${entry} inflates to more than ${max} bytes`);
  }
}

/** A bundle whose entries together inflate to more than `BUNDLE_INFLATED_MAX`: refused before more is inflated. */
export class BundleTooLarge extends Error {
  constructor(readonly max: number) {
    super(`the entries inflate to more than ${max} bytes together`);
  }
}

/** Counts the inflated bytes of one pass over a bundle; throws BundleTooLarge past the cap. */
function inflatedBudget(max: number): { take(bytes: number): void; left(): number } {
  let used = 0;
  return {
    take(bytes) {
      used += bytes;
      if (used > max) throw new BundleTooLarge(max);
    },
    left: () => max - used,
  };
}

/** The path of a bundle entry inside the package: bundles keep their files in one `<name>-<version>/` folder. */
export function packagePath(name: string): string {
  const slash = name.indexOf('/');
  return slash < 0 ? name : name.slice(slash + 1);
}

/**
 * The rule of the second pass: a resource may inflate to the bytes datapackage.json declares for it, the descriptor
 * and undeclared files to a fixed cap. So a decompression bomb is stopped after at most that many bytes.
 */
export function declaredSizes(declared: ReadonlyMap<string, number>): (path: string) => EntryRule {
  return (path) => ({ keep: true, max: path === 'datapackage.json' ? DESCRIPTOR_MAX : (declared.get(path) ?? UNDECLARED_MAX) });
}

/** The rule of the first pass: only datapackage.json is kept, and reading stops right after it. */
export function descriptorOnly(): (path: string) => EntryRule {
  let found = false;
  return (path) => {
    if (found) return 'stop';
    found = path === 'datapackage.json';
    return found ? { keep: true, max: DESCRIPTOR_MAX } : { keep: false, max: UNDECLARED_MAX * 16 };
  };
}

/** Streams a .tar.gz through gunzip and tar, entry by entry, holding only the kept entries in memory. */
export async function readTarGz(bytes: Uint8Array, rule: (path: string) => EntryRule, inflatedMax = BUNDLE_INFLATED_MAX): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  const budget = inflatedBudget(inflatedMax);
  const gunzip = createGunzip();
  const tar = extract();
  await new Promise<void>((resolve, reject) => {
    const stop = (error?: unknown) => {
      gunzip.unpipe(tar);
      gunzip.destroy();
      tar.destroy();
      if (error) reject(error);
      else resolve();
    };
    tar.on('entry', (header, stream, next) => {
      const path = packagePath(header.name);
      const r: EntryRule = header.type === 'file' ? rule(path) : { keep: false, max: 0 };
      if (r === 'stop') return stop();
      if ((header.size ?? 0) > r.max) return stop(new EntryTooLarge(path, r.max));
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (data: unknown) => {
        const chunk = data as Buffer;
        size += chunk.length;
        try {
          budget.take(chunk.length);
        } catch (error) {
          return stop(error);
        }
        if (size > r.max) stop(new EntryTooLarge(path, r.max));
        else if (r.keep) chunks.push(chunk);
      });
      stream.on('end', () => {
        if (r.keep) files.set(header.name, new Uint8Array(Buffer.concat(chunks)));
        next();
      });
      stream.on('error', stop);
    });
    tar.on('finish', () => stop());
    tar.on('error', stop);
    gunzip.on('error', stop);
    gunzip.pipe(tar);
    gunzip.end(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length));
  });
  return files;
}

type ZipEntry = { name: string; method: number; compressed: number; offset: number };

/**
 * Refuses a central directory whose entries share bytes: each local header and its data must end before the next
 * entry's local header and before the directory (a zip bomb points many entries at one deflate stream).
 */
function checkNoOverlap(zip: Buffer, entries: readonly ZipEntry[], directoryStart: number): void {
  const byOffset = [...entries].sort((a, b) => a.offset - b.offset);
  for (const [i, entry] of byOffset.entries()) {
    if (entry.offset + 30 > directoryStart || zip.readUInt32LE(entry.offset) !== 0x04034b50) throw new Error(`broken local header of ${entry.name}`);
    const end = entry.offset + 30 + zip.readUInt16LE(entry.offset + 26) + zip.readUInt16LE(entry.offset + 28) + entry.compressed;
    const next = byOffset[i + 1]?.offset ?? directoryStart;
    if (end > next) throw new Error(`entries overlap: ${entry.name} runs into the bytes of another entry`);
  }
}

/** The entries of a zip's central directory: name, method, compressed size and where the local header is. */
function zipDirectory(zip: Buffer): ZipEntry[] {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > zip.length) throw new Error('no end of central directory');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== 0x02014b50) throw new Error('broken central directory');
    const nameLength = zip.readUInt16LE(at + 28);
    entries.push({
      method: zip.readUInt16LE(at + 10),
      compressed: zip.readUInt32LE(at + 20),
      offset: zip.readUInt32LE(at + 42),
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  checkNoOverlap(zip, entries, zip.readUInt32LE(eocd + 16));
  return entries;
}

/** Reads the entries of a .zip one by one, inflating each only up to its rule's cap. */
export function readZip(bytes: Uint8Array, rule: (path: string) => EntryRule, inflatedMax = BUNDLE_INFLATED_MAX): Map<string, Uint8Array> {
  const zip = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const files = new Map<string, Uint8Array>();
  const budget = inflatedBudget(inflatedMax);
  for (const entry of zipDirectory(zip)) {
    if (entry.name.endsWith('/')) continue;
    const path = packagePath(entry.name);
    const r = rule(path);
    if (r === 'stop') break;
    if (!r.keep) continue;
    if (zip.readUInt32LE(entry.offset) !== 0x04034b50) throw new Error(`broken local header of ${entry.name}`);
    const start = entry.offset + 30 + zip.readUInt16LE(entry.offset + 26) + zip.readUInt16LE(entry.offset + 28);
    const data = zip.subarray(start, start + entry.compressed);
    if (entry.method === 0) {
      if (data.length > r.max) throw new EntryTooLarge(path, r.max);
      budget.take(data.length);
      files.set(entry.name, new Uint8Array(data));
    } else if (entry.method === 8) {
      const cap = Math.min(r.max, budget.left());
      try {
        const inflated = inflateRawSync(data, { maxOutputLength: Math.max(cap, 1) });
        if (inflated.length > r.max) throw new EntryTooLarge(path, r.max);
        budget.take(inflated.length);
        files.set(entry.name, new Uint8Array(inflated));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ERR_BUFFER_TOO_LARGE') throw error;
        throw cap < r.max ? new BundleTooLarge(inflatedMax) : new EntryTooLarge(path, r.max);
      }
    } else throw new Error(`${entry.name} uses compression method ${entry.method}`);
  }
  return files;
}

/** The refusal of a bundle whose entries together inflate past `BUNDLE_INFLATED_MAX`. */
export function bundleTooLargeError(source: string, error: BundleTooLarge): InputError {
  return new InputError(
    'BUNDLE_TOO_LARGE',
    `the entries of ${source} ${error.message}, the cap for one bundle; it was not read further.`,
    { file: source },
    'Do not use this bundle: download it again and check it against SHA256SUMS; read a dataset this large from its folder.',
  );
}

/** The refusal of an entry that inflates past its declared size, as a typed error naming the bundle and the entry. */
export function entryTooLargeError(source: string, error: EntryTooLarge): InputError {
  return new InputError(
    'BUNDLE_ENTRY_SIZE',
    `${error.entry} in ${source} inflates to more than ${error.max} bytes, ${error.entry === 'datapackage.json' ? 'the cap for a descriptor' : 'the size datapackage.json declares or the cap for an undeclared file'}; it was not read further.`,
    { file: source },
    'Do not use this bundle: download it again and check it against SHA256SUMS.',
  );
}
