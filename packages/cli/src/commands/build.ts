import { availableParallelism } from 'node:os';
import { buildCorpus, type CorpusSummary } from '../corpus/build-corpus.js';
import type { Partition } from '../corpus/work.js';
import { readDatasetManifest } from '../dataset.js';
import { parseCommandArgs } from '../args.js';
import { UsageError } from '../errors.js';
import { EXIT, type Io } from '../io.js';
import { DEFAULT_MAX_INPUT_MB } from '../read-input.js';

function parseJobs(value: string | undefined): number {
  if (value === undefined) return availableParallelism();
  if (!/^[1-9]\d*$/.test(value)) throw new UsageError(`--jobs must be a whole number of at least 1, not "${value}".`);
  return Number(value);
}

function parsePartition(value: string | undefined): { partition?: Partition } {
  if (value === undefined) return {};
  if (value !== 'year' && value !== 'origin') throw new UsageError(`--partition must be year or origin, not "${value}".`);
  return { partition: value };
}

function parseMaxInputMb(value: string | undefined): number {
  if (value === undefined) return DEFAULT_MAX_INPUT_MB * 1024 * 1024;
  if (!/^\d+(\.\d+)?$/.test(value) || Number(value) <= 0) throw new UsageError(`--max-input-mb must be a positive number of megabytes, not "${value}".`);
  return Math.floor(Number(value) * 1024 * 1024);
}

function reportCorpus(summary: CorpusSummary, io: Io, json: boolean, quiet: boolean, exitCode: number): void {
  if (json) {
    io.stdout(`${JSON.stringify({ ok: exitCode === EXIT.ok, exitCode, ...summary })}\n`);
    return;
  }
  if (quiet) return;
  const counts = Object.entries(summary.rows).map(([t, n]) => `${t} ${n}`).join(', ');
  io.stdout(`built ${summary.dataset} ${summary.version} from ${summary.cables} cable(s) in ${summary.files} file(s): ${counts}\n`);
  io.stdout(
    `${summary.seconds.toFixed(2)} s with ${summary.jobs} worker(s): ${Math.round(summary.cablesPerSecond)} cables/s, ${summary.mbPerSecond.toFixed(1)} MB/s; ${summary.warnings} warning(s) (see validation.json)\n`,
  );
  if (summary.failed > 0) {
    io.stdout(`${summary.failed} file(s) failed and are listed in ${summary.out}/failures.json:\n`);
    for (const f of summary.failures.slice(0, 20)) io.stdout(`  ${f.file}: ${f.code}: ${f.message}\n`);
    if (summary.failed > 20) io.stdout(`  ... and ${summary.failed - 20} more\n`);
  }
}

export async function run(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('build', args, {
    paper: { type: 'string', default: 'a4' },
    json: { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
    corpus: { type: 'string' },
    out: { type: 'string' },
    jobs: { type: 'string' },
    partition: { type: 'string' },
    'max-input-mb': { type: 'string' },
  });
  const maxInputBytes = parseMaxInputMb(values['max-input-mb']);
  if (values.corpus !== undefined || values.out !== undefined || values.jobs !== undefined || values.partition !== undefined) {
    if (values.corpus === undefined || values.out === undefined || positionals.length > 0) {
      throw new UsageError('corpus mode takes --corpus <dir-or-glob> and --out <dataset-dir>, e.g. `cablepress build --corpus cables/ --out datasets/tip-corpus`.');
    }
    const summary = await buildCorpus(
      { corpus: values.corpus, out: values.out, jobs: parseJobs(values.jobs), maxInputBytes, progress: !values.quiet && !values.json, ...parsePartition(values.partition) },
      io,
    );
    const exitCode = summary.failed > 0 ? EXIT.partial : EXIT.ok;
    reportCorpus(summary, io, values.json, values.quiet, exitCode);
    return exitCode;
  }
  if (positionals.length !== 1) throw new UsageError('build takes one dataset folder, e.g. `cablepress build datasets/laos-tip-2008`.');
  if (values.paper !== 'a4' && values.paper !== 'letter') throw new UsageError(`--paper must be a4 or letter, not "${values.paper}".`);
  const manifest = await readDatasetManifest(positionals[0]!, io.cwd);
  const { buildDataset } = await import('../pipeline.js');
  const summary = await buildDataset(manifest, { paper: values.paper, env: io.env, maxInputBytes });
  if (values.json) {
    io.stdout(`${JSON.stringify({ ok: true, exitCode: EXIT.ok, ...summary })}\n`);
  } else if (!values.quiet) {
    const counts = Object.entries(summary.rows).map(([t, n]) => `${t} ${n}`).join(', ');
    io.stdout(`built ${summary.dataset} ${summary.version} from ${summary.cable_id}: ${counts}\n`);
    io.stdout(`checks: ${summary.errors} error(s), ${summary.warnings} warning(s)\n`);
    for (const f of summary.findings) io.stdout(`  ${f.severity} ${f.code}: ${f.message}\n`);
  }
  return EXIT.ok;
}
