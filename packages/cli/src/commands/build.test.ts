import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { repoRoot } from '../../test-support/paths.js';
import { readDatasetManifest } from '../dataset.js';
import type { Io } from '../io.js';
import { main } from '../main.js';

const roots: string[] = [];
afterEach(async () => {
  for (const dir of roots.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** The inputs of the seed dataset copied to `<root>/datasets/laos-tip-2008`, with its package.json changed by `edit`. */
async function seedCopy(edit: (pkg: { cablepress: Record<string, string> }) => void = () => undefined): Promise<{ root: string; dir: string }> {
  const root = await mkdtemp(path.join(tmpdir(), 'cablepress-build-'));
  roots.push(root);
  const dir = path.join(root, 'datasets', 'laos-tip-2008');
  await mkdir(dir, { recursive: true });
  for (const entry of ['source', 'indicators.json', 'CHANGELOG.md']) await cp(path.join(repoRoot, 'datasets/laos-tip-2008', entry), path.join(dir, entry), { recursive: true });
  const pkg = JSON.parse(await readFile(path.join(repoRoot, 'datasets/laos-tip-2008/package.json'), 'utf8'));
  edit(pkg);
  await writeFile(path.join(dir, 'package.json'), JSON.stringify(pkg));
  return { root, dir };
}

function captureIo(cwd: string): Io & { out: () => string } {
  const out: string[] = [];
  return { stdout: (s) => out.push(s), stderr: () => undefined, cwd, env: {}, out: () => out.join('') };
}

describe('cablepress build', () => {
  it('prints every path it wrote, the fact sheet last, and the findings in one line', async () => {
    const { root } = await seedCopy();
    const io = captureIo(root);
    expect(await main(['build', 'datasets/laos-tip-2008'], io)).toBe(0);
    const lines = io.out().split('\n');
    expect(lines[0]).toMatch(/^built laos-tip-2008 0\.1\.0 from 08VIENTIANE145: cables 1, paragraphs 92, /);
    expect(lines[1]).toBe('wrote:');
    expect(lines.slice(2, 4)).toEqual(['  datasets/laos-tip-2008/data/cables.{csv,arrow,parquet}', '  datasets/laos-tip-2008/data/paragraphs.{csv,arrow,parquet}']);
    expect(lines).toContain('  datasets/laos-tip-2008/datapackage.json');
    expect(lines).toContain('  datasets/laos-tip-2008/README.md');
    expect(lines).toContain('  datasets/laos-tip-2008/validation.json');
    const sheet = lines.indexOf('  reports/laos-tip-2008/laos-tip-2008-fact-sheet.pdf  (fact sheet)');
    expect(sheet).toBeGreaterThan(2);
    expect(lines[sheet + 1]).toBe('findings: 0 errors, 3 warnings (CONFLICTING_FIGURES 1, CONVERSION_RATES_DISAGREE 1, TRUNCATED 1); each is kept in validation.json:');
    expect((await readFile(path.join(root, 'reports/laos-tip-2008/laos-tip-2008-fact-sheet.pdf'))).subarray(0, 5).toString()).toBe('%PDF-');
  }, 60_000);
});

describe('default fact sheet path', () => {
  const noReport = (pkg: { cablepress: Record<string, string> }) => {
    delete pkg.cablepress.report;
  };

  it('is reports/<name>/ of the repository the dataset lives in', async () => {
    const { root, dir } = await seedCopy(noReport);
    await writeFile(path.join(root, 'package.json'), JSON.stringify({ name: 'x', private: true, workspaces: ['packages/*', 'datasets/*'] }));
    expect((await readDatasetManifest(dir, root)).report).toBe(path.join(root, 'reports/laos-tip-2008/laos-tip-2008-fact-sheet.pdf'));
  });

  it('is inside the dataset folder outside a repository, never above it', async () => {
    const { dir } = await seedCopy(noReport);
    expect((await readDatasetManifest(dir, dir)).report).toBe(path.join(dir, 'laos-tip-2008-fact-sheet.pdf'));
  });
});
