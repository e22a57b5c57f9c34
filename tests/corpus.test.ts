import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyDataset } from '@cablepress/publish';
import { cli, corpusDir, filesOf, readCsv, scratchFolder, seedDataset, type CliResult } from './helpers.js';

const SEED = path.join(seedDataset, 'source/08VIENTIANE145.txt');

/** The dev corpus and the seed cable copied into a fresh folder, plus any extra files. */
async function corpusCopy(extra: Record<string, Uint8Array | string> = {}): Promise<string> {
  const dir = await scratchFolder('corpus');
  const cables = path.join(dir, 'cables');
  await cp(corpusDir, cables, { recursive: true });
  await cp(SEED, path.join(cables, '08VIENTIANE145.txt'));
  for (const [name, content] of Object.entries(extra)) await writeFile(path.join(cables, name), content);
  return dir;
}

async function cableFiles(): Promise<string[]> {
  return (await readdir(corpusDir)).filter((f) => /\.(txt|html)$/.test(f));
}

async function build(root: string, out: string, jobs: number): Promise<CliResult> {
  return cli(['build', '--corpus', path.join(root, 'cables'), '--out', out, '--jobs', String(jobs), '--json']);
}

describe('cablepress build --corpus over the dev corpus and the seed', () => {
  let root: string;
  let out: string;
  let result: CliResult;

  beforeAll(async () => {
    root = await corpusCopy();
    out = path.join(root, 'one', 'tip-corpus');
    result = await build(root, out, 2);
  });

  it('exits 0 with a JSON summary of 23 cables', () => {
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary).toMatchObject({ ok: true, exitCode: 0, dataset: 'tip-corpus', files: 23, cables: 23, failed: 0, jobs: 2 });
    expect(summary.rows.indicators).toBeGreaterThan(0); // the generic TIP recipe over its TIP report cables, as a dataset build
  });

  it('writes one dataset that verifyDataset accepts', async () => {
    expect((await verifyDataset(out)).filter((f) => f.severity === 'error')).toEqual([]);
    const descriptor = JSON.parse(await readFile(path.join(out, 'datapackage.json'), 'utf8'));
    expect(descriptor.resources.find((r: { path: string }) => r.path === 'failures.json')).toMatchObject({ mediatype: 'application/json', encoding: 'utf-8' });
    expect(descriptor.resources.filter((r: { format: string }) => r.format === 'parquet')).toHaveLength(13);
    const validation = JSON.parse(await readFile(path.join(out, 'validation.json'), 'utf8'));
    expect(validation.cables).toBe(23);
    expect(validation.warnings).toBe(Object.values(validation.by_code as Record<string, number>).reduce((a, b) => a + b, 0));
  });

  it('has one cables row per cable file, each with its paragraphs keyed by cable_id', async () => {
    const cables = await readCsv(path.join(out, 'data/cables.csv'));
    const ids = cables.map((c) => c.cable_id);
    expect(cables).toHaveLength(23);
    expect(new Set(ids).size).toBe(23);
    for (const file of await cableFiles()) {
      const row = cables.find((c) => c.source_file === file);
      expect(row, file).toBeDefined();
    }
    expect(ids).toContain('08VIENTIANE145');
    expect(ids).toContain('09CAIRO2205');
    const paragraphs = await readCsv(path.join(out, 'data/paragraphs.csv'));
    const perCable = new Map<string, number>();
    for (const p of paragraphs) perCable.set(p.cable_id!, (perCable.get(p.cable_id!) ?? 0) + 1);
    for (const cable of cables) expect(perCable.get(cable.cable_id!) ?? 0, cable.cable_id).toBe(Number(cable.paragraph_count));
    expect(paragraphs.every((p) => p.paragraph_id!.startsWith(`${p.cable_id}-p`))).toBe(true);
    expect(perCable.get('08VIENTIANE145')).toBeGreaterThan(20);
  });

  it('keeps the seed cable as the single-cable build reads it', async () => {
    const [seed] = (await readCsv(path.join(out, 'data/cables.csv'))).filter((c) => c.cable_id === '08VIENTIANE145');
    expect(seed).toMatchObject({ subject: 'EIGHTH ANNUAL TIP REPORT FOR LAOS', source_file: '08VIENTIANE145.txt', dtg: '290544Z FEB 08' });
  });

  it('merges organizations across cables', async () => {
    const orgs = await readCsv(path.join(out, 'data/organizations.csv'));
    const mentions = await readCsv(path.join(out, 'data/organization_mentions.csv'));
    expect(new Set(orgs.map((o) => o.org_id)).size).toBe(orgs.length);
    for (const org of orgs) expect(Number(org.mention_count), org.org_id).toBe(mentions.filter((m) => m.org_id === org.org_id).length);
    const spread = orgs.filter((o) => new Set(mentions.filter((m) => m.org_id === o.org_id).map((m) => m.cable_id)).size > 1);
    expect(spread.length).toBeGreaterThan(0);
  });

  it('writes identical bytes with --jobs 1 and --jobs 2', async () => {
    const other = path.join(root, 'two', 'tip-corpus');
    const single = await build(root, other, 1);
    expect(single.code).toBe(0);
    const [a, b] = [await filesOf(out), await filesOf(other)];
    expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
    for (const [file, bytes] of Object.entries(a)) expect(bytes.equals(b[file]!), file).toBe(true);
  });
});

describe('cablepress build --corpus with bad files in the folder', () => {
  let root: string;
  let out: string;
  let result: CliResult;

  beforeAll(async () => {
    const png = Buffer.from(
      '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000a49444154789c6360000000020001e221bc330000000049454e44ae426082',
      'hex',
    );
    const cairo = await readFile(path.join(corpusDir, '09CAIRO1222.txt'), 'latin1');
    // the same cable again, once byte for byte and once with its id as a publisher misspelt it (station garbled)
    root = await corpusCopy({
      'scan.png': png,
      'empty.txt': '',
      'zz-09CAIRO1222-copy.txt': Buffer.from(cairo, 'latin1'),
      'zz-09CAIRRO1222.txt': Buffer.from(cairo.replace(/^09CAIRO1222/, '09CAIRRO1222'), 'latin1'),
    });
    out = path.join(root, 'out', 'tip-corpus');
    await mkdir(path.dirname(out), { recursive: true });
    result = await build(root, out, 2);
  });

  it('exits 3 and lists every bad file in the failures report', async () => {
    expect(result.code).toBe(3);
    expect(result.stderr).toBe('');
    const report = JSON.parse(await readFile(path.join(out, 'failures.json'), 'utf8'));
    expect(report).toMatchObject({ files: 27, cables: 23, failed: 4 });
    expect(report.failures.map((f: { file: string; code: string }) => `${f.file} ${f.code}`)).toEqual([
      'empty.txt EMPTY_INPUT',
      'scan.png NOT_TEXT',
      'zz-09CAIRO1222-copy.txt DUPLICATE_CABLE',
      'zz-09CAIRRO1222.txt DUPLICATE_CABLE',
    ]);
    for (const duplicate of report.failures.slice(2))
      expect(duplicate.message).toBe('cable 09CAIRO1222 was already read from 09CAIRO1222.txt; this copy is left out.');
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: false, exitCode: 3, failed: 4 });
  });

  it('still builds every good cable into a valid dataset', async () => {
    expect((await verifyDataset(out)).filter((f) => f.severity === 'error')).toEqual([]);
    const cables = await readCsv(path.join(out, 'data/cables.csv'));
    expect(cables).toHaveLength(23);
    expect(cables.find((c) => c.cable_id === '09CAIRO1222')?.source_file).toBe('09CAIRO1222.txt');
  });

  it('says in plain text where the failures are', async () => {
    const text = await cli(['build', '--corpus', path.join(root, 'cables'), '--out', path.join(root, 'text', 'tip-corpus'), '--jobs', '1']);
    expect(text.code).toBe(3);
    expect(text.stdout).toContain('4 file(s) failed');
    expect(text.stdout).toContain('scan.png: NOT_TEXT');
    expect(text.stderr).not.toMatch(/at .*\.js:\d+/);
  });
});

describe('cablepress build --corpus with a glob', () => {
  it('reads exactly the files the glob matches', async () => {
    const root = await corpusCopy({ 'notes.md': '# not a cable\n' });
    const out = path.join(root, 'txt-only');
    const result = await cli(['build', '--corpus', path.join(root, 'cables', '*.txt'), '--out', out, '--quiet']);
    expect(result.code).toBe(0);
    const txt = (await cableFiles()).filter((f) => f.endsWith('.txt'));
    const cables = await readCsv(path.join(out, 'data/cables.csv'));
    expect(cables.map((c) => c.source_file).sort()).toEqual([...txt, '08VIENTIANE145.txt'].sort());
  });
});

describe('cablepress build --corpus usage', () => {
  it('rejects a missing --out and a bad --jobs with exit code 2', async () => {
    expect((await cli(['build', '--corpus', corpusDir])).code).toBe(2);
    expect((await cli(['build', '--corpus', corpusDir, '--out', os.tmpdir(), '--jobs', '0'])).code).toBe(2);
  });

  it('reports a corpus path that does not exist', async () => {
    const missing = await cli(['build', '--corpus', path.join(os.tmpdir(), 'no-such-corpus-dir'), '--out', path.join(os.tmpdir(), 'x-corpus')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('CORPUS_MISSING');
  });
});
