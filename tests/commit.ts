import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { cli, cliBin, repoRoot, scratchDataset } from './helpers.js';

export type Scratch = Awaited<ReturnType<typeof scratchDataset>>;

const preload = path.join(repoRoot, 'tests/support/kill-at-rename.mjs');
const SEED_FILE = '08VIENTIANE145.txt';

/** sha256 of every file under `dir` by relative path, without the `.tmp` work folder and without hidden files. */
export async function publishedFiles(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (d: string): Promise<void> => {
    for (const entry of await readdir(d, { withFileTypes: true }).catch(() => [])) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) await walk(full);
      else
        out[path.relative(dir, full)] = createHash('sha256')
          .update(await readFile(full))
          .digest('hex');
    }
  };
  await walk(dir);
  return out;
}

/** What a user sees of a dataset: its folder and its fact sheet folder. */
export async function releaseState(s: Scratch): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const [f, h] of Object.entries(await publishedFiles(s.dir))) files[`dataset/${f}`] = h;
  for (const [f, h] of Object.entries(await publishedFiles(path.dirname(s.report)))) files[`reports/${f}`] = h;
  return files;
}

/** Hidden entries left in the dataset folder and beside the fact sheet (work folders, staged files). */
export async function leftovers(s: Scratch): Promise<string[]> {
  const hidden = async (d: string) => (await readdir(d).catch(() => [] as string[])).filter((n) => n.startsWith('.'));
  return [...(await hidden(s.dir)), ...(await hidden(path.dirname(s.report)))];
}

/** A dataset with the seed release built and a changed source in place, and the release a build of it gives. */
export async function oldAndNew(): Promise<{ template: Scratch; oldFiles: Record<string, string>; newFiles: Record<string, string> }> {
  const seed = await readFile(path.join(repoRoot, 'datasets/laos-tip-2008/source', SEED_FILE), 'utf8');
  const changed = seed.replace('1. (SBU) Laos is overwhelmingly', '1. (SBU) Laos is, on the whole, overwhelmingly');
  const other = await scratchDataset();
  await writeFile(path.join(other.dir, 'source', SEED_FILE), changed);
  const builtNew = await cli(['build', '--quiet', other.dir]);
  if (builtNew.code !== 0) throw new Error(builtNew.stderr);
  const template = await scratchDataset();
  const builtOld = await cli(['build', '--quiet', template.dir]);
  if (builtOld.code !== 0) throw new Error(builtOld.stderr);
  await writeFile(path.join(template.dir, 'source', SEED_FILE), changed);
  return { template, oldFiles: await releaseState(template), newFiles: await releaseState(other) };
}

/** A fresh copy of a scratch dataset. */
export async function copyOf(template: Scratch): Promise<Scratch> {
  const s = await scratchDataset();
  await cp(template.root, s.root, { recursive: true, force: true });
  return {
    root: s.root,
    dir: path.join(s.root, path.relative(template.root, template.dir)),
    report: path.join(s.root, path.relative(template.root, template.report)),
  };
}

/** Runs the cablepress binary with the rename hook preloaded; resolves with the exit code and signal. */
export function cliWithRenameHook(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', preload, cliBin, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code, signal) => resolve({ code, signal, stderr }));
  });
}
