import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { main } from '@cablepress/cli';

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

/**
 * Runs a cablepress command in this process: the code the binary runs, without the start of a new node process,
 * for the many cases where starting node would cost more than the command. Same exit code, stdout and stderr.
 */
export async function cliInProcess(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const io = { stdout: (t: string) => void out.push(t), stderr: (t: string) => void err.push(t), cwd: options.cwd ?? repoRoot, env: { ...process.env, ...options.env }, isTTY: false };
  const code = await main(args, io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

const scratch = { test: [] as string[], file: [] as string[], scope: 'file' as 'test' | 'file' };

/** Where the scratch folders made from now on belong: the running test, or the test file (beforeAll). */
export function scratchScope(scope: 'test' | 'file'): void {
  scratch.scope = scope;
}

/** Removes the scratch folders of a scope (tests/setup.ts calls it after every test and after every file). */
export async function removeScratch(scope: 'test' | 'file'): Promise<void> {
  for (const root of scratch[scope].splice(0)) await rm(root, { recursive: true, force: true });
  if (scope === 'test') scratch.scope = 'file';
}

/** A fresh folder in the temp folder, removed after the test (or, made in a beforeAll, after the file). */
export async function scratchFolder(label: string): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), `cablepress-${label}-`));
  scratch[scratch.scope].push(root);
  return root;
}

/**
 * Copies the inputs of a dataset (not its built files) into a fresh workspace laid out like the repo; the
 * workspace is removed after the test (see `scratchFolder`).
 */
export async function scratchDataset(name = 'laos-tip-2008'): Promise<{ root: string; dir: string; report: string }> {
  const root = await scratchFolder('test');
  const dir = path.join(root, 'datasets', name);
  await mkdir(dir, { recursive: true });
  for (const entry of ['package.json', 'source', 'indicators.json', 'CHANGELOG.md']) {
    await cp(path.join(repoRoot, 'datasets', name, entry), path.join(dir, entry), { recursive: true }).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }
  return { root, dir, report: path.join(root, 'reports', name, `${name}-fact-sheet.pdf`) };
}

/**
 * A scratch dataset inside a scratch repository: a root package.json with the datasets workspace and this
 * repository's `cablepress` settings (the homepage the fact sheet links), so a build there makes the committed bytes.
 */
export async function scratchRepositoryDataset(name = 'laos-tip-2008'): Promise<{ root: string; dir: string; report: string }> {
  const scratch = await scratchDataset(name);
  const { cablepress } = JSON.parse(await readFile(path.join(repoRoot, 'package.json'), 'utf8')) as { cablepress?: unknown };
  await writeFile(path.join(scratch.root, 'package.json'), `${JSON.stringify({ private: true, workspaces: ['datasets/*'], cablepress }, null, 2)}\n`);
  return scratch;
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
