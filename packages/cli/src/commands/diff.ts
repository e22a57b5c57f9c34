import path from 'node:path';
import { diffDatasets, formatDiff } from '@cablepress/publish';
import { parseCommandArgs } from '../args.js';
import { UsageError } from '../errors.js';
import { EXIT, type Io } from '../io.js';

/**
 * `cablepress diff <old> <new> [--json] [--check] [--rows N]`: compares two dataset folders or release bundles
 * (tables, columns, rows by primary key) and suggests the version bump. With --check, exits 1 when the new
 * version bumps less than the changes require.
 */
export async function run(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('diff', args, {
    json: { type: 'boolean', default: false },
    check: { type: 'boolean', default: false },
    rows: { type: 'string', default: '5' },
  });
  if (positionals.length !== 2) throw new UsageError('diff takes two datasets (folders or .tar.gz/.zip bundles): `cablepress diff <old> <new>`.');
  const maxRows = Number(values.rows);
  if (!Number.isInteger(maxRows) || maxRows < 0) throw new UsageError(`--rows must be a whole number, not "${values.rows}".`);
  const [oldPath, newPath] = positionals.map((p) => path.resolve(io.cwd, p)) as [string, string];
  const diff = await diffDatasets(oldPath, newPath);
  const exitCode = values.check && !diff.versionOk ? EXIT.invalid : EXIT.ok;
  if (values.json) io.stdout(`${JSON.stringify({ ok: exitCode === EXIT.ok, exitCode, ...diff })}\n`);
  else io.stdout(formatDiff(diff, { maxRows }));
  return exitCode;
}
