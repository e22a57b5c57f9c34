import path from 'node:path';
import { diffDatasets, formatDiff } from '@cablepress/publish';
import { EXIT } from '../io.js';
import type { RunCommand } from '../program.js';

/**
 * `cablepress diff <old> <new> [--json] [--check] [--rows N]`: compares two dataset folders or release bundles
 * (tables, columns, rows by primary key) and suggests the version bump. With --check, exits 1 when the new
 * version bumps less than the changes require.
 */
export const run: RunCommand<'diff'> = async ([oldArg, newArg], values, io) => {
  const [oldPath, newPath] = [path.resolve(io.cwd, oldArg), path.resolve(io.cwd, newArg)];
  const diff = await diffDatasets(oldPath, newPath);
  const exitCode = values.check && !diff.versionOk ? EXIT.invalid : EXIT.ok;
  if (values.json) io.stdout(`${JSON.stringify({ ok: exitCode === EXIT.ok, exitCode, ...diff })}\n`);
  else io.stdout(formatDiff(diff, { maxRows: values.rows }));
  return exitCode;
};
