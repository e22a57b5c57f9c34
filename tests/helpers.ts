import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import Papa from 'papaparse';
import { main } from '@cablepress/cli';
import { repoRoot } from './test-utils.js';

export { corpusDir, corpusExtraDir, repoRoot, scratchDataset, scratchFolder, seedDataset } from './test-utils.js';

export const cliBin = path.join(repoRoot, 'packages/cli/bin/cablepress.js');
export const seedReport = path.join(repoRoot, 'reports/laos-tip-2008/laos-tip-2008-fact-sheet.pdf');

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

/**
 * Runs a cablepress command in this process: the code the binary runs, without the start of a new node process,
 * for the many cases where starting node would cost more than the command. Same exit code, stdout and stderr.
 */
export async function cliInProcess(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const io = {
    stdout: (t: string) => void out.push(t),
    stderr: (t: string) => void err.push(t),
    cwd: options.cwd ?? repoRoot,
    env: { ...process.env, ...options.env },
    isTTY: false,
  };
  const code = await main(args, io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

/** Reads a CSV file with every value kept as a string (never let a parser turn ids into numbers). */
export async function readCsv(file: string): Promise<Record<string, string>[]> {
  const parsed = Papa.parse<Record<string, string>>(await readFile(file, 'utf8'), { header: true, skipEmptyLines: true, dynamicTyping: false });
  if (parsed.errors.length > 0) throw new Error(`${file}: ${parsed.errors[0]!.message}`);
  return parsed.data;
}

/** Every file under a folder by relative path, with its bytes: equal results mean byte-identical trees. */
export async function filesOf(dir: string, prefix = ''): Promise<Record<string, Buffer>> {
  const out: Record<string, Buffer> = {};
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const rel = path.join(prefix, entry.name);
    if (entry.isDirectory()) Object.assign(out, await filesOf(path.join(dir, entry.name), rel));
    else out[rel] = await readFile(path.join(dir, entry.name));
  }
  return out;
}
