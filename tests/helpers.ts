import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const cliBin = path.join(repoRoot, 'packages/cli/bin/cablepress.js');
export const seedDataset = path.join(repoRoot, 'datasets/laos-tip-2008');
export const seedReport = path.join(repoRoot, 'reports/laos-tip-2008/laos-tip-2008-fact-sheet.pdf');
export const corpusDir = path.resolve(repoRoot, '../shared/corpus');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built cablepress binary, as a user would. */
export function cli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [cliBin, ...args],
      { cwd: options.cwd ?? repoRoot, env: { ...process.env, ...options.env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const scratchRoots: string[] = [];
process.on('exit', () => {
  for (const root of scratchRoots) rmSync(root, { recursive: true, force: true });
});

/**
 * Copies the inputs of a dataset (not its built files) into a fresh workspace laid out like the repo; the
 * workspace is removed when the test process ends.
 */
export async function scratchDataset(name = 'laos-tip-2008'): Promise<{ root: string; dir: string; report: string }> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'cablepress-test-'));
  scratchRoots.push(root);
  const dir = path.join(root, 'datasets', name);
  await mkdir(dir, { recursive: true });
  for (const entry of ['package.json', 'source', 'indicators.json', 'CHANGELOG.md']) {
    await cp(path.join(repoRoot, 'datasets', name, entry), path.join(dir, entry), { recursive: true }).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }
  return { root, dir, report: path.join(root, 'reports', name, `${name}-fact-sheet.pdf`) };
}

/** Reads a CSV file with every value kept as a string (never let a parser turn ids into numbers). */
export async function readCsv(file: string): Promise<Record<string, string>[]> {
  const parsed = Papa.parse<Record<string, string>>(await readFile(file, 'utf8'), { header: true, skipEmptyLines: true, dynamicTyping: false });
  if (parsed.errors.length > 0) throw new Error(`${file}: ${parsed.errors[0]!.message}`);
  return parsed.data;
}
