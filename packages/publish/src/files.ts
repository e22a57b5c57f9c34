import { readFile, readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import { extract } from 'tar-stream';
import { InputError } from '@cablepress/extract';

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

/** The files of a dataset folder (hidden entries and node_modules are skipped). */
export function folderFiles(dir: string): PackageFiles {
  return {
    origin: dir,
    async read(path) {
      try {
        return new Uint8Array(await readFile(join(dir, ...path.split('/'))));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    async list() {
      const out: string[] = [];
      await walk(dir, dir, out);
      return out.sort();
    },
  };
}

async function untar(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  const ex = extract();
  const done = new Promise<void>((resolve, reject) => {
    ex.on('entry', (header, stream, next) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: unknown) => chunks.push(c as Buffer));
      stream.on('end', () => {
        if (header.type === 'file') files.set(header.name, new Uint8Array(Buffer.concat(chunks)));
        next();
      });
      stream.on('error', reject);
    });
    ex.on('finish', resolve);
    ex.on('error', reject);
  });
  ex.end(Buffer.from(bytes));
  await done;
  return files;
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

/** Opens a dataset folder, or a release bundle (`.tar.gz`, `.tgz` or `.zip`). Throws InputError when there is nothing there. */
export async function openPackage(source: string): Promise<PackageFiles> {
  let info;
  try {
    info = await stat(source);
  } catch {
    throw new InputError('PACKAGE_NOT_FOUND', `${source} does not exist`, { file: source }, 'give a dataset folder or a release bundle (.tar.gz or .zip)');
  }
  if (info.isDirectory()) return folderFiles(source);
  const bytes = new Uint8Array(await readFile(source));
  try {
    if (/\.(tar\.gz|tgz)$/.test(source)) return memoryFiles(source, stripTopFolder(await untar(gunzipSync(bytes))));
    if (source.endsWith('.zip')) return memoryFiles(source, stripTopFolder(new Map(Object.entries(unzipSync(bytes)).filter(([p]) => !p.endsWith('/')))));
  } catch (error) {
    throw new InputError('BUNDLE_UNREADABLE', `${source} is not a readable bundle: ${(error as Error).message}`, { file: source }, 'download it again and check it against SHA256SUMS');
  }
  throw new InputError('PACKAGE_KIND', `${source} is neither a dataset folder nor a .tar.gz or .zip bundle`, { file: source }, 'give a dataset folder or a release bundle (.tar.gz or .zip)');
}
