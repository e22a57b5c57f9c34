import { CablepressError, InputError, makeDirs, removeStaleTemps, writeFailure } from '@cablepress/core';
import { access, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { writeReleaseBundle } from '@cablepress/publish';
import { buildSite, type SiteDatasetInput } from '@cablepress/report';
import { readDatasetManifest, type DatasetManifest } from '../dataset.js';
import { EXIT } from '../io.js';
import type { RunCommand } from '../program.js';

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

/** Every published dataset folder under `<cwd>/datasets` (one with a datapackage.json), in name order. */
async function allDatasets(cwd: string): Promise<string[]> {
  const root = path.join(cwd, 'datasets');
  const entries = await readdir(root, { withFileTypes: true }).catch(() => []);
  const dirs = entries
    .filter((d) => d.isDirectory())
    .map((d) => path.join(root, d.name))
    .sort();
  const published = await Promise.all(dirs.map((d) => exists(path.join(d, 'datapackage.json'))));
  return dirs.filter((_, i) => published[i]);
}

/**
 * What the site needs of one dataset: a dataset package (package.json with a `cablepress` section) offers its fact
 * sheet and release bundles; a corpus build (`build --corpus --out`, no package.json) only its data files.
 */
async function siteInput(dir: string, cwd: string, outDir: string): Promise<SiteDatasetInput> {
  const filesDir = path.join(outDir, path.basename(path.resolve(cwd, dir)), 'files');
  let manifest: DatasetManifest;
  try {
    manifest = await readDatasetManifest(dir, cwd);
  } catch (error) {
    if (error instanceof InputError && error.code === 'DATASET_MISSING') return { dir: path.resolve(cwd, dir) };
    throw error;
  }
  return { dir: manifest.dir, reportFile: manifest.report, bundleFiles: await bundlesFor(manifest, filesDir) };
}

/** Writes the dataset's release bundles (and SHA256SUMS) into the page's download folder. */
async function bundlesFor(manifest: DatasetManifest, filesDir: string): Promise<string[]> {
  const bundle = await writeReleaseBundle({ datasetDir: manifest.dir, reportFile: manifest.report, outDir: filesDir });
  return [bundle.tarGz, bundle.zip, bundle.sha256sums];
}

/** The error as a typed one naming the file in the site it was writing, not that file's staged copy. */
function named(error: unknown, staging: string, outDir: string): unknown {
  const real = (text: string) => text.split(staging).join(outDir);
  if (!(error instanceof CablepressError)) {
    const { dest, path: file } = error as NodeJS.ErrnoException & { dest?: string };
    const target = dest ?? file;
    return typeof target === 'string' ? writeFailure(error, real(target), outDir, 'the site is as it was') : error;
  }
  if (!error.location.file?.startsWith(staging)) return error;
  const Kind = error.constructor as new (...args: ConstructorParameters<typeof InputError>) => CablepressError;
  return new Kind(error.code, real(error.message), { ...error.location, file: real(error.location.file) }, error.hint);
}

/**
 * Writes the site into a staging folder inside `outDir`, then switches each page folder and the catalog into place:
 * a failure (a full disk) leaves the site as it was and no staged file; a killed run's staging folder is deleted by
 * the next run.
 */
async function writeStaged(outDir: string, write: (staging: string) => Promise<string[]>): Promise<string[]> {
  await makeDirs(outDir);
  await removeStaleTemps(outDir);
  const staging = path.join(outDir, `.site.tmp-${process.pid}`);
  try {
    await rm(staging, { recursive: true, force: true });
    await makeDirs(staging);
    const pages = await write(staging);
    for (const entry of (await readdir(staging)).sort()) {
      const target = path.join(outDir, entry);
      const aside = path.join(outDir, `.${entry}.old.tmp-${process.pid}`);
      await rename(target, aside).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
      await rename(path.join(staging, entry), target);
      await rm(aside, { recursive: true, force: true });
    }
    return pages;
  } catch (error) {
    throw named(error, staging, outDir);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/**
 * `cablepress site [dataset-dir...] [--out site] [--json]`: builds the static site (a catalog page and one page per
 * dataset with its release files) from every published dataset under `datasets/`, or from the folders given.
 */
export const run: RunCommand<'site'> = async ([positionals], values, io) => {
  const outDir = path.resolve(io.cwd, values.out);
  const dirs = positionals.length > 0 ? positionals : await allDatasets(io.cwd);
  const pages = await writeStaged(outDir, async (staging) => {
    const datasets: SiteDatasetInput[] = [];
    for (const dir of dirs) datasets.push(await siteInput(dir, io.cwd, staging));
    return buildSite({ outDir: staging, datasets });
  });
  if (values.json) io.stdout(`${JSON.stringify({ ok: true, exitCode: EXIT.ok, out: outDir, pages })}\n`);
  else io.stdout(`site written to ${path.relative(io.cwd, outDir) || '.'}: ${pages.join(', ')}\n`);
  return EXIT.ok;
};
