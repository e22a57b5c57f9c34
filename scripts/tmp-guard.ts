import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Vitest global setup shared by every test suite of the repository: the run gets a temp folder of its own (TMPDIR,
 * inherited by the test workers and every process they start) and fails when a test left anything in it. The folder
 * is removed either way, so a run never leaves files in the system temp folder.
 */
export default function setup(): () => void {
  const previous = process.env.TMPDIR;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cablepress-run-'));
  process.env.TMPDIR = dir;
  return () => {
    const left = readdirSync(dir);
    rmSync(dir, { recursive: true, force: true });
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    if (left.length === 0) return;
    // vitest reports an error thrown here but keeps its exit code: set it, so the run fails
    process.exitCode = 1;
    throw new Error(`the tests left ${left.length} entr${left.length === 1 ? 'y' : 'ies'} in the temp folder: ${left.sort().join(', ')}`);
  };
}
