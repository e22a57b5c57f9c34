import { availableParallelism } from 'node:os';
import { buildCorpus, type CorpusSummary } from '../corpus/build-corpus.js';
import { printBuild } from '../build-report.js';
import { readDatasetManifest } from '../dataset.js';
import { datasetPackages } from '../datasets.js';
import type { BuildSummary } from '@cablepress/pipeline';
import { findRepository } from '../repository.js';
import { UsageError } from '@cablepress/core';
import { EXIT, type Io } from '../io.js';
import type { RunCommand } from '../program.js';

function reportCorpus(summary: CorpusSummary, io: Io, json: boolean, quiet: boolean, exitCode: number): void {
  if (json) {
    io.stdout(`${JSON.stringify({ ok: exitCode === EXIT.ok, exitCode, ...summary })}\n`);
    return;
  }
  if (quiet) return;
  const counts = Object.entries(summary.rows)
    .map(([t, n]) => `${t} ${n}`)
    .join(', ');
  io.stdout(`built ${summary.dataset} ${summary.version} from ${summary.cables} cable(s) in ${summary.files} file(s): ${counts}\n`);
  io.stdout(
    `${summary.seconds.toFixed(2)} s with ${summary.jobs} worker(s): ${Math.round(summary.cablesPerSecond)} cables/s, ${summary.mbPerSecond.toFixed(1)} MB/s; ${summary.warnings} warning(s) (see validation.json)\n`,
  );
  if (summary.cache) {
    const { chunks, found, cablesBuilt } = summary.cache;
    io.stdout(
      `cache: ${found} of ${chunks} chunk(s) of cables found in the cache, ${chunks - found} built; ${cablesBuilt} cable(s) built, the rest found in the cache\n`,
    );
  }
  if (summary.failed > 0) {
    io.stdout(`${summary.failed} file(s) failed and are listed in ${summary.out}/failures.json:\n`);
    for (const f of summary.failures.slice(0, 20)) io.stdout(`  ${f.file}: ${f.code}: ${f.message}\n`);
    if (summary.failed > 20) io.stdout(`  ... and ${summary.failed - 20} more\n`);
  }
}

/** `cablepress build <dataset-dir>`, `cablepress build --all`, or `cablepress build --corpus <dir-or-glob> --out <dataset-dir>` (options: see program.ts). */
export const run: RunCommand<'build'> = async ([datasetDir], values, io) => {
  const maxInputBytes = Math.floor(values.maxInputMb * 1024 * 1024);
  if (values.corpus !== undefined || values.out !== undefined || values.jobs !== undefined || values.partition !== undefined || values.cache !== undefined) {
    if (values.corpus === undefined || values.out === undefined || datasetDir !== undefined || values.all) {
      throw new UsageError(
        'corpus mode takes --corpus <dir-or-glob> and --out <dataset-dir>, e.g. `cablepress build --corpus cables/ --out datasets/tip-corpus`.',
      );
    }
    const summary = await buildCorpus(
      {
        corpus: values.corpus,
        out: values.out,
        jobs: values.jobs ?? availableParallelism(),
        maxInputBytes,
        progress: !values.quiet && !values.json,
        ...(values.partition ? { partition: values.partition } : {}),
        ...(values.cache ? { cache: values.cache } : {}),
      },
      io,
    );
    const exitCode = summary.failed > 0 ? EXIT.partial : EXIT.ok;
    reportCorpus(summary, io, values.json, values.quiet, exitCode);
    return exitCode;
  }
  const hint = 'Run `cablepress help build` to see its arguments and options.';
  if (values.all) {
    if (datasetDir !== undefined) throw new UsageError('build takes a dataset folder or --all, not both.', hint);
    const dirs = await datasetPackages(await findRepository(io.cwd));
    const summaries = [];
    for (const dir of dirs) summaries.push(await buildOne(dir, values, maxInputBytes, io));
    if (values.json) io.stdout(`${JSON.stringify({ ok: true, exitCode: EXIT.ok, datasets: summaries })}\n`);
    return EXIT.ok;
  }
  if (datasetDir === undefined) throw new UsageError('build takes one dataset folder, e.g. `cablepress build datasets/laos-tip-2008`, or --all.', hint);
  const summary = await buildOne(datasetDir, values, maxInputBytes, io);
  if (values.json) io.stdout(`${JSON.stringify({ ok: true, exitCode: EXIT.ok, ...summary })}\n`);
  return EXIT.ok;
};

/** Builds one dataset folder and, unless --json or --quiet, prints what it wrote. */
async function buildOne(
  datasetDir: string,
  values: { paper: 'a4' | 'letter'; json: boolean; quiet: boolean },
  maxInputBytes: number,
  io: Io,
): Promise<BuildSummary> {
  const manifest = await readDatasetManifest(datasetDir, io.cwd);
  const { buildDataset } = await import('../build-dataset.js');
  const summary = await buildDataset(manifest, { paper: values.paper, env: io.env, maxInputBytes });
  if (!values.json && !values.quiet) printBuild(summary, manifest.dir, io);
  return summary;
}
