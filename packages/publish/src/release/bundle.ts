import { InputError, makeDirs, readDatasetFile, readReport, removeStaleTemps, ValidationError, writeAllOrNone } from '@cablepress/core';
import { readFile, readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { constants, gzipSync } from 'node:zlib';
import { pack } from 'tar-stream';
import yazl from 'yazl';
import { folderFiles } from '../read/files.js';
import { sha256 } from '../encode/hash.js';
import { readDescriptor } from '../read/open-dataset.js';
import { verifyDataset } from '../read/verify.js';
import { DOCUMENTS } from '../describe/documents.js';
import { bundleReadme } from '../describe/readme-sections.js';

/** The source cables of a dataset (`source/`, as the build read them), package-relative and sorted. */
async function sourceFiles(datasetDir: string): Promise<string[]> {
  const entries = await readdir(join(datasetDir, 'source'), { withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => `source/${e.name}`)
    .sort();
}

export interface ReleaseBundleOptions {
  /** The dataset folder (with datapackage.json). */
  datasetDir: string;
  /** The fact sheet PDF, put at the top of the bundle under its own file name. */
  reportFile: string;
  /** Where the bundles and SHA256SUMS go, e.g. `<repo>/releases`. */
  outDir: string;
  /** The dataset's published page (under the configured homepage), linked from the bundle's README; null when none is configured. */
  pageUrl?: string | null;
}

export interface ReleaseBundle {
  /** Absolute paths of the two bundles. */
  tarGz: string;
  zip: string;
  sha256sums: string;
  /** Bundle-relative paths of the files in each bundle, sorted, under the `<name>-<version>/` folder. */
  entries: string[];
  /** sha256 of each bundle, by file name. */
  hashes: Record<string, string>;
}

const FILE_MODE = 0o644;
/** ZIP times cannot be before 1980 (MS-DOS epoch). */
const DOS_EPOCH = Date.UTC(1980, 0, 1, 0, 0, 2);

/**
 * The files a release publishes, package-relative and sorted: datapackage.json, every resource, and README.md,
 * LICENSE.md, CITATION.cff and CHANGELOG.md where the dataset has them.
 */
export async function publishedFiles(datasetDir: string): Promise<string[]> {
  const files = folderFiles(datasetDir);
  const { descriptor, findings } = await readDescriptor(files);
  if (!descriptor) throw new ValidationError('DATASET_INVALID', findings.map((f) => f.message).join('; '), findings, { file: datasetDir });
  const paths = new Set(['datapackage.json', ...descriptor.resources.map((r) => r.path)]);
  for (const extra of [...DOCUMENTS, 'CHANGELOG.md']) if (await files.read(extra)) paths.add(extra);
  return [...paths].sort();
}

async function tarGz(files: [string, Uint8Array][], mtime: Date): Promise<Uint8Array> {
  const tar = pack();
  const chunks: Buffer[] = [];
  tar.on('data', (c: unknown) => chunks.push(c as Buffer));
  const done = new Promise<void>((resolve, reject) => {
    tar.on('end', resolve);
    tar.on('error', reject);
  });
  for (const [name, content] of files) {
    tar.entry({ name, size: content.length, mode: FILE_MODE, mtime, uid: 0, gid: 0, uname: '', gname: '', type: 'file' }, Buffer.from(content));
  }
  tar.finalize();
  await done;
  const gz = gzipSync(Buffer.concat(chunks), { level: constants.Z_BEST_COMPRESSION });
  // zlib leaves MTIME at 0 and writes no name; its OS byte depends on the platform zlib was built for: fix it to Unix.
  gz[9] = 3;
  return gz;
}

async function zip(files: [string, Uint8Array][], mtime: Date): Promise<Uint8Array> {
  const archive = new yazl.ZipFile();
  const ms = Math.max(mtime.getTime(), DOS_EPOCH);
  const local = new Date(ms + new Date(ms).getTimezoneOffset() * 60_000);
  for (const [name, content] of files) {
    archive.addBuffer(Buffer.from(content), name, { mtime: local, mode: 0o100000 | FILE_MODE, compress: true, forceDosTimestamp: true });
  }
  archive.end();
  const chunks: Buffer[] = [];
  for await (const chunk of archive.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** SHA256SUMS for every bundle in the folder with the new ones (`<hex>  <file>`, sorted by file name, as `sha256sum -c` reads it). */
async function sums(outDir: string, fresh: ReadonlyMap<string, Uint8Array>): Promise<string> {
  const names = [...new Set([...(await readdir(outDir)).filter((n) => /\.(tar\.gz|zip)$/.test(n)), ...fresh.keys()])].sort();
  const lines = await Promise.all(names.map(async (n) => `${sha256(fresh.get(n) ?? (await readFile(join(outDir, n))))}  ${n}\n`));
  return lines.join('');
}

/**
 * Writes `<outDir>/<name>-<version>.tar.gz` and `.zip` and refreshes `<outDir>/SHA256SUMS`. A bundle stands alone
 * under its `<name>-<version>/` folder: the published files (data/, datapackage.json, README.md, LICENSE.md,
 * CITATION.cff, CHANGELOG.md, extra files), the source cables (source/) and the fact sheet, with a README whose links
 * all resolve inside the unpacked folder (plus the published page, when a homepage is configured). The dataset is
 * verified first. Bundles are byte-identical across runs: sorted entries, mode 0644, every mtime set to the dataset's
 * `created` (1980-01-01 for a build not released yet), no owner names, and a gzip header without time or file name.
 */
export async function writeReleaseBundle({ datasetDir, reportFile, outDir, pageUrl = null }: ReleaseBundleOptions): Promise<ReleaseBundle> {
  const problems = (await verifyDataset(datasetDir)).filter((f) => f.severity === 'error');
  if (problems.length > 0) {
    throw new ValidationError(
      'RELEASE_INVALID_DATASET',
      `${datasetDir} does not verify, so it cannot be released: ${problems
        .slice(0, 3)
        .map((f) => f.message)
        .join('; ')}`,
      problems,
      { file: datasetDir },
      'rebuild the dataset with `cablepress build` and run `cablepress validate`',
    );
  }
  const { descriptor } = await readDescriptor(folderFiles(datasetDir));
  const report = await readReport(reportFile);
  const prefix = `${descriptor!.name}-${descriptor!.version}`;
  const files: [string, Uint8Array][] = [];
  const reportName = basename(reportFile);
  for (const path of [...(await publishedFiles(datasetDir)), ...(await sourceFiles(datasetDir))]) {
    const bytes = await readDatasetFile(datasetDir, path);
    files.push([
      `${prefix}/${path}`,
      path === 'README.md' ? Buffer.from(bundleReadme(Buffer.from(bytes).toString('utf8'), { factSheet: reportName, pageUrl })) : bytes,
    ]);
  }
  if (files.some(([name]) => name === `${prefix}/${reportName}`)) {
    throw new InputError(
      'REPORT_NAME',
      `the fact sheet name ${reportName} clashes with a dataset file`,
      { file: reportFile },
      'rename the fact sheet in "cablepress.report"',
    );
  }
  files.push([`${prefix}/${reportName}`, new Uint8Array(report)]);
  files.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const mtime = new Date(descriptor!.created ?? DOS_EPOCH);

  await makeDirs(outDir);
  await removeStaleTemps(outDir);
  const tarPath = join(outDir, `${prefix}.tar.gz`);
  const zipPath = join(outDir, `${prefix}.zip`);
  const tarBytes = await tarGz(files, mtime);
  const zipBytes = await zip(files, mtime);
  const sumsPath = join(outDir, 'SHA256SUMS');
  const sumsText = await sums(
    outDir,
    new Map([
      [basename(tarPath), tarBytes],
      [basename(zipPath), zipBytes],
    ]),
  );
  await writeAllOrNone([
    [tarPath, tarBytes],
    [zipPath, zipBytes],
    [sumsPath, sumsText],
  ]);
  return {
    tarGz: tarPath,
    zip: zipPath,
    sha256sums: sumsPath,
    entries: files.map(([name]) => name),
    hashes: { [basename(tarPath)]: sha256(tarBytes), [basename(zipPath)]: sha256(zipBytes) },
  };
}
