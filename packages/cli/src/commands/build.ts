import { parseArgs } from 'node:util';
import { readDatasetManifest } from '../dataset.js';
import { UsageError } from '../errors.js';
import { EXIT, type Io } from '../io.js';
import { buildDataset } from '../pipeline.js';

export async function run(args: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { paper: { type: 'string', default: 'a4' }, json: { type: 'boolean', default: false }, quiet: { type: 'boolean', default: false } },
    });
  } catch (error) {
    throw new UsageError(`build: ${(error as Error).message}.`);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError('build takes one dataset folder, e.g. `cablepress build datasets/laos-tip-2008`.');
  if (values.paper !== 'a4' && values.paper !== 'letter') throw new UsageError(`--paper must be a4 or letter, not "${values.paper}".`);
  const manifest = await readDatasetManifest(positionals[0]!, io.cwd);
  const summary = await buildDataset(manifest, { paper: values.paper, env: io.env });
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
