import { InputError, makeDirs, writing } from '@cablepress/core';
import { createHash } from 'node:crypto';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SITE_SCRIPT, SITE_STYLE } from './assets.js';
import { catalogBody, type CatalogEntry } from './catalog.js';
import { datasetPageBody, type Download } from './dataset-page.js';
import { pageHtml } from './html.js';
import { readPublishedDataset, type PublishedDataset } from './published.js';

export interface SiteDatasetInput {
  /** The dataset folder publish wrote (datapackage.json, data/, README.md, validation.json, releases.json, source/). */
  dir: string;
  /** The dataset's PDF fact sheet, when it has one (a corpus build has none). */
  reportFile?: string;
  /** Release bundles (and their SHA256SUMS) to offer for download, when they were built. */
  bundleFiles?: readonly string[];
}

export interface SiteOptions {
  outDir: string;
  datasets: readonly SiteDatasetInput[];
}

interface FileToCopy {
  from: string;
  rel: string;
  what: string;
}

const FORMAT_NAMES: Record<string, string> = { csv: 'CSV', arrow: 'Arrow IPC file', parquet: 'Parquet', json: 'JSON' };

/** A package-relative path from datapackage.json, refused when it would leave the files folder. */
function safeRelative(rel: string, file: string): string {
  const normal = path.posix.normalize(rel);
  if (path.posix.isAbsolute(normal) || normal.startsWith('..') || normal.includes('\\')) {
    throw new InputError('SITE_UNSAFE_PATH', `the resource path "${rel}" leaves the dataset folder.`, { file }, 'Rebuild the dataset with `cablepress build`.');
  }
  return normal;
}

function releaseFiles(dataset: PublishedDataset, input: SiteDatasetInput): FileToCopy[] {
  const dir = dataset.dir;
  const descriptorFile = path.join(dir, 'datapackage.json');
  const resources = dataset.descriptor.resources.map((r) => ({
    from: path.join(dir, safeRelative(r.path, descriptorFile)),
    rel: safeRelative(r.path, descriptorFile),
    what: `${r.name.replace(/-(arrow|parquet)$/, '')} (${FORMAT_NAMES[r.format ?? ''] ?? r.format ?? 'file'})`,
  }));
  return [
    ...resources,
    { from: descriptorFile, rel: 'datapackage.json', what: 'Frictionless Data Package descriptor: every file, its schema, size and hash' },
    { from: path.join(dir, 'README.md'), rel: 'README.md', what: 'Dataset README: sources, preparation, codebook' },
    ...(input.reportFile ? [{ from: input.reportFile, rel: path.basename(input.reportFile), what: 'PDF fact sheet' }] : []),
    ...(input.bundleFiles ?? []).map((f) => ({
      from: f,
      rel: path.basename(f),
      what: f.endsWith('SHA256SUMS') ? 'sha256 of the bundles (sha256sum -c)' : `the whole release as one ${f.endsWith('.zip') ? 'zip' : 'tar.gz'} file`,
    })),
  ];
}

/** Copies the release files next to the page (`<out>/<name>/files/`) and lists them with size and sha256. */
async function copyDownloads(files: readonly FileToCopy[], filesDir: string): Promise<Download[]> {
  const downloads: Download[] = [];
  for (const f of files) {
    const bytes = await readFile(f.from).catch(() => {
      throw new InputError('SITE_FILE_MISSING', `${f.from} does not exist, so the site cannot offer it.`, { file: f.from }, 'Build the dataset first (`cablepress build`).');
    });
    const target = path.join(filesDir, f.rel);
    await makeDirs(path.dirname(target));
    if (path.resolve(f.from) !== path.resolve(target)) await writing(target, filesDir, () => copyFile(f.from, target));
    downloads.push({ href: `files/${f.rel}`, label: f.rel, what: f.what, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
  }
  return downloads;
}

/**
 * Builds the static site: `<out>/index.html` (the catalog) and `<out>/<name>/index.html` with the release files under
 * `<out>/<name>/files/`. The same datasets give the same bytes. Returns the pages written, relative to `outDir`.
 */
export async function buildSite({ outDir, datasets }: SiteOptions): Promise<string[]> {
  const entries: CatalogEntry[] = [];
  const written: string[] = [];
  const ordered = [...datasets].sort((a, b) => path.basename(a.dir).localeCompare(path.basename(b.dir)));
  for (const input of ordered) {
    const dataset = await readPublishedDataset(input.dir);
    const name = dataset.descriptor.name;
    const pageDir = path.join(outDir, name);
    const downloads = await copyDownloads(releaseFiles(dataset, input), path.join(pageDir, 'files'));
    const d = dataset.descriptor;
    const html = pageHtml({
      title: `${d.title ?? name} · cablepress`,
      description: d.description ?? name,
      style: SITE_STYLE,
      script: SITE_SCRIPT,
      body: datasetPageBody(dataset, downloads),
    });
    await writing(path.join(pageDir, 'index.html'), pageDir, () => writeFile(path.join(pageDir, 'index.html'), html));
    written.push(`${name}/index.html`);
    const sheet = input.reportFile ? path.basename(input.reportFile) : null;
    entries.push({ dataset, factSheet: downloads.find((x) => x.label === sheet) ?? null });
  }
  await makeDirs(outDir);
  const catalog = pageHtml({
    title: 'cablepress datasets',
    description: 'Open datasets built from US diplomatic cables, with every figure linked to the sentence it came from.',
    style: SITE_STYLE,
    script: null,
    body: catalogBody(entries),
  });
  await writing(path.join(outDir, 'index.html'), outDir, () => writeFile(path.join(outDir, 'index.html'), catalog));
  written.push('index.html');
  return written;
}
