import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { checkDrift, recordRelease, writeReleaseBundle } from '@cablepress/publish';
import { readDatasetManifest } from '../dataset.js';
import { EXIT } from '../io.js';
import type { RunCommand } from '../program.js';
import { buildDataset } from '../build-dataset.js';
import { DEFAULT_MAX_INPUT_MB } from '../read-input.js';

/**
 * `cablepress release <dataset-dir> [--out releases] [--paper a4|letter] [--skip-rebuild] [--dry-run] [--json]`:
 * checks the dataset against a fresh rebuild from its source and against releases.json (drift guard), then writes
 * `<out>/<name>-<version>.tar.gz`, `.zip` and `SHA256SUMS` and records the version in releases.json.
 * Exit 0 released, 1 drift or invalid data, 2 bad input.
 */
export const run: RunCommand<'release'> = async ([datasetDir], values, io) => {
  const paper = values.paper;
  const manifest = await readDatasetManifest(datasetDir, io.cwd);
  const rebuild = async (out: string) => {
    await copyFile(path.join(manifest.dir, 'CHANGELOG.md'), path.join(out, 'CHANGELOG.md')).catch(() => undefined);
    const reportFile = path.join(out, path.basename(manifest.report));
    await buildDataset({ ...manifest, dir: out, report: reportFile }, { paper, env: io.env, maxInputBytes: DEFAULT_MAX_INPUT_MB * 1024 * 1024, sourceRoot: manifest.dir });
    return { reportFile };
  };
  const drift = await checkDrift(manifest.dir, { reportFile: manifest.report, ...(values.skipRebuild ? {} : { rebuild }) });
  if (values.dryRun) {
    const summary = { ok: true, exitCode: EXIT.ok, dataset: manifest.name, version: drift.version, released: drift.released, rebuilt: !values.skipRebuild };
    io.stdout(values.json ? `${JSON.stringify(summary)}\n` : `${manifest.name} ${drift.version}: no drift${drift.released ? ' (already released)' : ''}; nothing written (--dry-run).\n`);
    return EXIT.ok;
  }
  const outDir = path.resolve(io.cwd, values.out);
  const bundle = await writeReleaseBundle({ datasetDir: manifest.dir, reportFile: manifest.report, outDir });
  await recordRelease(manifest.dir, { reportFile: manifest.report });
  const page = path.join('site', manifest.name, 'index.html');
  if (values.json) {
    io.stdout(`${JSON.stringify({ ok: true, exitCode: EXIT.ok, dataset: manifest.name, version: drift.version, ...bundle, page })}\n`);
  } else {
    io.stdout(`released ${manifest.name} ${drift.version}${drift.released ? ' (same files as the recorded release)' : ''}:\n`);
    for (const [name, hash] of Object.entries(bundle.hashes)) io.stdout(`  ${path.join(values.out, name)}  sha256 ${hash}\n`);
    io.stdout(`  ${path.join(values.out, 'SHA256SUMS')}\n`);
    io.stdout(`  ${page}  the dataset's page with every file of the release (\`cablepress site\` writes it)\n`);
  }
  return EXIT.ok;
};
