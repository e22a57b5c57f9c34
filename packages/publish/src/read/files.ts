import { BOUNDS, InputError, readInside, tooLarge, type ReadBound } from '@cablepress/core';
import { readFile, readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import {
  BUNDLE_FILE_MAX,
  BundleTooLarge,
  bundleTooLargeError,
  declaredSizes,
  descriptorOnly,
  EntryTooLarge,
  entryTooLargeError,
  readTarGz,
  readZip,
  type EntryRule,
} from './bundle-read.js';

/** The files of a dataset, from a folder or a release bundle, addressed by package-relative paths with `/`. */
export interface PackageFiles {
  /** Where the files come from, for messages. */
  origin: string;
  read(path: string): Promise<Uint8Array | undefined>;
  list(): Promise<string[]>;
}

async function walk(root: string, dir: string, out: string[]): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) await walk(root, full, out);
    else if (entry.isFile()) out.push(relative(root, full).split(sep).join('/'));
  }
}

/** The caps of the files that are not data files (those take `readInside`'s default cap, `LIMITS.dataFile`). */
const FILE_BOUNDS: Record<string, ReadBound> = { 'datapackage.json': BOUNDS.descriptor, 'CHANGELOG.md': BOUNDS.changelog };

/**
 * The files of a dataset folder (hidden entries and node_modules are skipped). A file is read only when it is a
 * regular file inside the folder and within its cap: a link out of it, a FIFO, a device or a file over the cap is a
 * typed error, never a read.
 */
export function folderFiles(dir: string): PackageFiles {
  return {
    origin: dir,
    read: (path) => readInside(join(dir, ...path.split('/')), dir, FILE_BOUNDS[path] ?? {}),
    async list() {
      const out: string[] = [];
      await walk(dir, dir, out);
      return out.sort();
    },
  };
}

/** Drops the one top-level folder a bundle keeps its files in (`<name>-<version>/`). */
function stripTopFolder(files: Map<string, Uint8Array>): Map<string, Uint8Array> {
  const tops = new Set([...files.keys()].map((p) => p.split('/')[0]));
  const [top] = tops;
  if (tops.size !== 1 || [...files.keys()].some((p) => !p.includes('/'))) return files;
  return new Map([...files].map(([p, b]) => [p.slice(top!.length + 1), b]));
}

function memoryFiles(origin: string, files: Map<string, Uint8Array>): PackageFiles {
  return {
    origin,
    read: async (path) => files.get(path),
    list: async () => [...files.keys()].sort(),
  };
}

/** The bytes each resource path declares in the datapackage.json found by the first pass (none when it is broken). */
function resourceSizes(found: Map<string, Uint8Array>): Map<string, number> {
  const [bytes] = found.values();
  try {
    const descriptor = JSON.parse(new TextDecoder().decode(bytes)) as { resources?: { path?: unknown; bytes?: unknown }[] };
    return new Map(
      (descriptor.resources ?? []).flatMap((r) => (typeof r.path === 'string' && typeof r.bytes === 'number' ? [[r.path, r.bytes] as const] : [])),
    );
  } catch {
    return new Map();
  }
}

/**
 * Opens a dataset folder, or a release bundle (`.tar.gz`, `.tgz` or `.zip`), reading a bundle in two streamed
 * passes: the first finds datapackage.json, the second keeps each entry only up to the bytes it declares, so a
 * decompression bomb costs no more memory than a normal bundle (`BUNDLE_ENTRY_SIZE`). Throws InputError when there
 * is nothing there.
 */
export async function openPackage(source: string): Promise<PackageFiles> {
  let info;
  try {
    info = await stat(source);
  } catch {
    throw new InputError('PACKAGE_NOT_FOUND', `${source} does not exist`, { file: source }, 'give a dataset folder or a release bundle (.tar.gz or .zip)');
  }
  if (info.isDirectory()) return folderFiles(source);
  const read = /\.(tar\.gz|tgz)$/.test(source)
    ? (bytes: Uint8Array, rule: (path: string) => EntryRule) => readTarGz(bytes, rule)
    : source.endsWith('.zip')
      ? async (bytes: Uint8Array, rule: (path: string) => EntryRule) => readZip(bytes, rule)
      : undefined;
  if (read && info.isFile()) {
    if (info.size > BUNDLE_FILE_MAX)
      throw tooLarge(source, info.size, BUNDLE_FILE_MAX, 'A release bundle this large is not one cablepress wrote; read the dataset from its folder.');
    const bytes = new Uint8Array(await readFile(source));
    try {
      const descriptor = await read(bytes, descriptorOnly());
      return memoryFiles(source, stripTopFolder(await read(bytes, declaredSizes(resourceSizes(descriptor)))));
    } catch (error) {
      if (error instanceof EntryTooLarge) throw entryTooLargeError(source, error);
      if (error instanceof BundleTooLarge) throw bundleTooLargeError(source, error);
      throw new InputError(
        'BUNDLE_UNREADABLE',
        `${source} is not a readable bundle: ${(error as Error).message}`,
        { file: source },
        'download it again and check it against SHA256SUMS',
      );
    }
  }
  throw new InputError(
    'PACKAGE_KIND',
    `${source} is neither a dataset folder nor a .tar.gz or .zip bundle`,
    { file: source },
    'give a dataset folder or a release bundle (.tar.gz or .zip)',
  );
}
