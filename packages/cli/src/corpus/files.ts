import { InputError, entryKind, tooLarge } from '@cablepress/core';
import { lstatSync, type Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/** A file of the corpus: its absolute path, its path relative to the corpus root (with `/`) and its size. */
export interface CorpusFile {
  file: string;
  label: string;
  bytes: number;
}

/** Files that sit next to cables in a corpus folder but are not cables: documentation and manifests. */
const SIDECAR = /\.(md|json)$/i;

/** Compares by UTF-16 code units, the same on every machine and locale. */
function byLabel(a: CorpusFile, b: CorpusFile): number {
  return a.label < b.label ? -1 : a.label > b.label ? 1 : 0;
}

/** An entry of the corpus that is not read: a symbolic link, FIFO, device or socket, or a file above the size cap. */
export interface SkippedEntry {
  file: string;
  code: string;
  message: string;
}

export interface ListOptions {
  /** Folders never to enter: the dataset being written, and the cache of a corpus build. */
  skip?: readonly string[];
  /** Files larger than this are skipped with `INPUT_TOO_LARGE`, before they are read. */
  maxBytes?: number;
  /** Receives the entries that were not listed, so they can be reported instead of dropped silently. */
  skipped?: SkippedEntry[];
}

interface Walk extends ListOptions {
  root: string;
  keep: (label: string) => boolean;
}

/** The entry as a corpus file, or the reason it is skipped: only regular files within the size cap are read. */
function classify(w: ListOptions, file: string, label: string, info: Stats): CorpusFile | SkippedEntry {
  if (!info.isFile()) {
    return { file: label, code: 'INPUT_NOT_FILE', message: `${entryKind(info)}, not a regular file: skipped without reading it.` };
  }
  if (w.maxBytes !== undefined && info.size > w.maxBytes) {
    const error = tooLarge(file, Number(info.size), w.maxBytes);
    return { file: label, code: error.code, message: error.message };
  }
  return { file, label, bytes: Number(info.size) };
}

/** A name as bytes, its valid UTF-8 sequences decoded and every other byte written `\xNN`. */
export function nameLabel(name: Buffer): string {
  return name
    .toString('latin1')
    .replace(
      /[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2}|[\x80-\xff]/g,
      (s) => (s.length > 1 ? Buffer.from(s, 'latin1').toString('utf8') : `\\x${s.charCodeAt(0).toString(16)}`),
    );
}

/** An entry whose name is not UTF-8 can be neither named in the tables nor opened by its decoded name: it is skipped. */
function badName(label: string, folder: boolean): SkippedEntry {
  const what = folder ? 'folder' : 'file';
  return { file: label, code: 'INPUT_BAD_NAME', message: `the ${what}'s name is not valid UTF-8, so no table could name it: skipped without reading it.` };
}

async function walk(w: Walk, dir: string, out: CorpusFile[]): Promise<void> {
  const { root, keep } = w;
  const folder = path.relative(root, dir).split(path.sep).join('/');
  const labelOf = (name: string) => (folder === '' ? name : `${folder}/${name}`);
  for (const raw of await readdir(dir, { withFileTypes: true, encoding: 'buffer' })) {
    const name = raw.name.toString('utf8');
    if (name.startsWith('.') || name === 'node_modules') continue;
    if (!Buffer.from(name, 'utf8').equals(raw.name)) {
      const label = labelOf(nameLabel(raw.name));
      if (raw.isDirectory() || keep(label)) w.skipped?.push(badName(label, raw.isDirectory()));
      continue;
    }
    const file = path.join(dir, name);
    if (raw.isDirectory()) {
      if (!w.skip?.includes(file)) await walk(w, file, out);
      continue;
    }
    const label = labelOf(name);
    if (!keep(label)) continue;
    // Synchronous: a promise and a thread-pool round trip per file cost more than the system call (250,000 files: 6 s).
    const item = classify(w, file, label, lstatSync(file));
    if ('label' in item) out.push(item);
    else w.skipped?.push(item);
  }
}

/** A glob as a regular expression over `/`-separated relative paths: `**` spans folders, `*` and `?` do not. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      re += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '{') {
      const end = glob.indexOf('}', i);
      if (end < 0) re += '\\{';
      else {
        re += `(?:${glob
          .slice(i + 1, end)
          .split(',')
          .map((s) => s.replace(/[.+^$()|[\]\\]/g, '\\$&'))
          .join('|')})`;
        i = end;
      }
    } else if (c === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end < 0) re += '\\[';
      else {
        re += `[${glob
          .slice(i + 1, end)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else re += c.replace(/[.+^$()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/**
 * The folder a listing starts from, refused when it is one of the folders never to enter: the dataset or the cache the
 * build writes there would be read as cables by the next build (a folder inside the corpus is fine: it is skipped).
 */
function notSkipped(root: string, pattern: string, options: ListOptions): string {
  if (!options.skip?.includes(root)) return root;
  throw new InputError(
    'CORPUS_OVERLAP',
    `the corpus (${pattern}) is read from this folder, which the build also writes into (its --out or --cache): the next build would read what it writes as cables.`,
    { file: root },
    'Give --out and --cache folders outside the corpus folder, or inside it (the listing skips them), e.g. --out datasets/tip-corpus.',
  );
}

/**
 * The cable files of a corpus, sorted by relative path. A folder gives every regular file below it except hidden
 * entries and `.md`/`.json` sidecars (a README or manifest); a glob gives exactly the files it matches; a file
 * gives itself. The format of each file is detected from its content later, so anything else is read as a cable.
 * Symbolic links, FIFOs, devices and files above `maxBytes` are never read: they go to `skipped`.
 */
export async function listCorpusFiles(pattern: string, cwd: string, options: ListOptions = {}): Promise<CorpusFile[]> {
  const target = path.resolve(cwd, pattern);
  const info = await stat(target).catch(() => undefined);
  const out: CorpusFile[] = [];
  if (info?.isFile()) {
    const item = classify(options, target, path.basename(target), lstatSync(target));
    if ('label' in item) return [item];
    options.skipped?.push(item);
  } else if (info?.isDirectory()) {
    await walk({ ...options, root: notSkipped(target, pattern, options), keep: (label) => !SIDECAR.test(label) }, target, out);
  } else if (/[*?[{]/.test(pattern)) {
    const parts = target.split(path.sep);
    const first = parts.findIndex((p) => /[*?[{]/.test(p));
    const root = parts.slice(0, first).join(path.sep) || path.sep;
    const matcher = globToRegExp(parts.slice(first).join('/'));
    const rootInfo = await stat(root).catch(() => undefined);
    if (rootInfo?.isDirectory()) await walk({ ...options, root: notSkipped(root, pattern, options), keep: (label) => matcher.test(label) }, root, out);
  } else {
    throw new InputError('CORPUS_MISSING', `${pattern} does not exist.`, { file: target }, 'Give a folder of cables or a glob such as "cables/**/*.txt".');
  }
  if (out.length === 0 && options.skipped?.length) {
    const shown = options.skipped
      .slice(0, 3)
      .map((f) => `${f.file}: ${f.code}`)
      .join('; ');
    throw new InputError(
      'CORPUS_NO_CABLES',
      `none of the ${options.skipped.length} file(s) of ${pattern} could be read (${shown}).`,
      { file: target },
      'Give regular files within the size cap; docs/errors.md explains each code.',
    );
  }
  if (out.length === 0) {
    throw new InputError('CORPUS_EMPTY', `${pattern} holds no cable files.`, { file: target }, 'Give a folder of cables or a glob such as "cables/**/*.txt".');
  }
  return out.sort(byLabel);
}
