import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { writeReleaseBundle } from '@cablepress/publish';
import { buildSite } from '@cablepress/report';
import { readDatasetManifest, type DatasetManifest } from '../dataset.js';
import { EXIT } from '../io.js';
import type { RunCommand } from '../program.js';

/** Every dataset folder under `<root>/datasets` (a folder with a package.json), in name order. */
async function allDatasets(cwd: string): Promise<string[]> {
  const root = path.join(cwd, 'datasets');
  const entries = await readdir(root, { withFileTypes: true }).catch(() => []);
  return entries.filter((d) => d.isDirectory()).map((d) => path.join(root, d.name)).sort();
}

/** Writes the dataset's release bundles (and SHA256SUMS) into the page's download folder. */
async function bundlesFor(manifest: DatasetManifest, filesDir: string): Promise<string[]> {
  const bundle = await writeReleaseBundle({ datasetDir: manifest.dir, reportFile: manifest.report, outDir: filesDir });
  return [bundle.tarGz, bundle.zip, bundle.sha256sums];
}

/**
 * `cablepress site [dataset-dir...] [--out site] [--json]`: builds the static site (a catalog page and one page per
 * dataset with its release files) from every dataset under `datasets/`, or from the folders given.
 */
export const run: RunCommand<'site'> = async ([positionals], values, io) => {
  const outDir = path.resolve(io.cwd, values.out);
  const dirs = positionals.length > 0 ? positionals : await allDatasets(io.cwd);
  const datasets = [];
  for (const dir of dirs) {
    const manifest = await readDatasetManifest(dir, io.cwd);
    const filesDir = path.join(outDir, manifest.name, 'files');
    await rm(filesDir, { recursive: true, force: true });
    datasets.push({ dir: manifest.dir, reportFile: manifest.report, bundleFiles: await bundlesFor(manifest, filesDir) });
  }
  const pages = await buildSite({ outDir, datasets });
  if (values.json) io.stdout(`${JSON.stringify({ ok: true, exitCode: EXIT.ok, out: outDir, pages })}\n`);
  else io.stdout(`site written to ${path.relative(io.cwd, outDir) || '.'}: ${pages.join(', ')}\n`);
  return EXIT.ok;
};
