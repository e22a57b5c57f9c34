import { copyFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { datasetPageUrl, epochDate, UsageError } from '@cablepress/core';
import { checkDrift, holdDataset, recordRelease, writeReleaseBundle } from '@cablepress/publish';
import { readDatasetManifest } from '../dataset.js';
import { datasetPackages } from '../datasets.js';
import { EXIT, type Io } from '../io.js';
import type { RunCommand } from '../program.js';
import { buildDataset, isoSeconds } from '../build-dataset.js';
import { DEFAULT_MAX_INPUT_MB } from '../read-input.js';
import { findRepository } from '../repository.js';

type ReleaseValues = Parameters<RunCommand<'release'>>[1];

/** The date a release records: SOURCE_DATE_EPOCH when set (a reproducible release), else now. */
function releaseDate(env: Io['env']): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  return isoSeconds(epoch ? epochDate(epoch) : new Date());
}

/**
 * `cablepress release <dataset-dir> | --all [--out releases] [--paper a4|letter] [--skip-rebuild] [--dry-run] [--json]`:
 * checks the dataset against a fresh rebuild from its source and against releases.json (drift guard); dates a version
 * not released yet (rebuilt in place with the release date, which datapackage.json, the README and CITATION.cff then
 * carry), writes `<out>/<name>-<version>.tar.gz`, `.zip` and `SHA256SUMS` and records the version in releases.json.
 * Exit 0 released, 1 drift or invalid data, 2 bad input.
 */
export const run: RunCommand<'release'> = async ([datasetDir], values, io) => {
  const hint = 'Run `cablepress help release` to see its arguments and options.';
  if (values.all && datasetDir !== undefined) throw new UsageError('release takes a dataset folder or --all, not both.', hint);
  if (!values.all && datasetDir === undefined)
    throw new UsageError('release takes one dataset folder, e.g. `cablepress release datasets/laos-tip-2008`, or --all.', hint);
  const dirs = values.all ? await datasetPackages(await findRepository(io.cwd)) : [datasetDir!];
  const summaries = [];
  for (const dir of dirs) summaries.push(await releaseOne(dir, values, io));
  if (values.json) io.stdout(`${JSON.stringify(values.all ? { ok: true, exitCode: EXIT.ok, datasets: summaries } : summaries[0])}\n`);
  return EXIT.ok;
};

/** The release date the dataset's files already carry (datapackage.json `created`), if any. */
async function datedAs(datasetDir: string): Promise<string | undefined> {
  return (JSON.parse(await readFile(path.join(datasetDir, 'datapackage.json'), 'utf8')) as { created?: string }).created;
}

async function releaseOne(datasetDir: string, values: ReleaseValues, io: Io): Promise<Record<string, unknown>> {
  const paper = values.paper;
  const manifest = await readDatasetManifest(datasetDir, io.cwd);
  const options = { paper, env: io.env, maxInputBytes: DEFAULT_MAX_INPUT_MB * 1024 * 1024 };
  const rebuild = async (out: string) => {
    await copyFile(path.join(manifest.dir, 'CHANGELOG.md'), path.join(out, 'CHANGELOG.md')).catch(() => undefined);
    const reportFile = path.join(out, path.basename(manifest.report));
    await buildDataset({ ...manifest, dir: out, report: reportFile }, { ...options, sourceRoot: manifest.dir });
    return { reportFile };
  };
  // The release holds the dataset's write lock from the drift check to the record, so a build started meanwhile waits
  // (or is DATASET_BUSY) and the files checked, bundled and recorded are one state.
  const released = await holdDataset(manifest.dir, async () => {
    const drift = await checkDrift(manifest.dir, { reportFile: manifest.report, ...(values.skipRebuild ? {} : { rebuild }) });
    if (values.dryRun) return { drift };
    const date = drift.released ? null : releaseDate(io.env);
    if (date && (await datedAs(manifest.dir)) !== date) await buildDataset(manifest, { ...options, releaseDate: date });
    const bundle = await writeReleaseBundle({
      datasetDir: manifest.dir,
      reportFile: manifest.report,
      outDir: path.resolve(io.cwd, values.out),
      pageUrl: datasetPageUrl(manifest.homepage, manifest.name),
    });
    return { drift, bundle, record: await recordRelease(manifest.dir, { reportFile: manifest.report }) };
  });
  const { drift, bundle, record } = released;
  if (!bundle || !record) {
    const summary = { ok: true, exitCode: EXIT.ok, dataset: manifest.name, version: drift.version, released: drift.released, rebuilt: !values.skipRebuild };
    if (!values.json) io.stdout(`${manifest.name} ${drift.version}: no drift${drift.released ? ' (already released)' : ''}; nothing written (--dry-run).\n`);
    return summary;
  }
  const page = path.join('site', manifest.name, 'index.html');
  if (!values.json) {
    io.stdout(
      `released ${manifest.name} ${drift.version} on ${record.created.slice(0, 10)}${drift.released ? ' (same files as the recorded release)' : ''}:\n`,
    );
    for (const [name, hash] of Object.entries(bundle.hashes)) io.stdout(`  ${path.join(values.out, name)}  sha256 ${hash}\n`);
    io.stdout(`  ${path.join(values.out, 'SHA256SUMS')}\n`);
    io.stdout(`  ${page}  the dataset's page with every file of the release (\`cablepress site\` writes it)\n`);
  }
  return { ok: true, exitCode: EXIT.ok, dataset: manifest.name, version: drift.version, created: record.created, ...bundle, page };
}
