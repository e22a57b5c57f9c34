import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFile, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, cliInProcess, readCsv, scratchDataset, seedDataset, seedReport } from './helpers.js';

const SEED_SHA256 = 'ec69ad48d707088705fdf30426f7f88538659908c058e5738abfb7424e005fc0';

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const rel = path.join(prefix, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(path.join(dir, entry.name), rel)));
    else out.push(rel);
  }
  return out.sort();
}

describe('cablepress build on the seed cable', () => {
  let scratch: Awaited<ReturnType<typeof scratchDataset>>;

  beforeAll(async () => {
    scratch = await scratchDataset();
    // the release log dates the build (datapackage.json created, README, CITATION.cff): copied, so the build is the committed one
    await copyFile(path.join(seedDataset, 'releases.json'), path.join(scratch.dir, 'releases.json'));
    const result = await cliInProcess(['build', scratch.dir]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('keeps the seed byte-identical to the shipped one', async () => {
    const bytes = await readFile(path.join(seedDataset, 'source/08VIENTIANE145.txt'));
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(SEED_SHA256);
  });

  it('writes the cable row with its header metadata', async () => {
    const [cable] = await readCsv(path.join(scratch.dir, 'data/cables.csv'));
    expect(cable).toMatchObject({
      cable_id: '08VIENTIANE145',
      created: '2008-02-29T05:44:00Z',
      classification: 'UNCLASSIFIED//FOR OFFICIAL USE ONLY',
      origin: 'Embassy Vientiane',
      subject: 'EIGHTH ANNUAL TIP REPORT FOR LAOS',
      precedence: 'PRIORITY',
      dtg: '290544Z FEB 08',
      sender: 'AMEMBASSY VIENTIANE',
      source_file: '08VIENTIANE145.txt',
      source_sha256: SEED_SHA256,
      truncated: 'true',
    });
    expect(cable!.handling.split('; ')).toEqual(expect.arrayContaining(['SIPDIS', 'SENSITIVE', 'STATE ALSO PASS TO USAID', 'DEPT FOR G/TIP']));
  });

  it('lists the 10 tags in order', async () => {
    const tags = await readCsv(path.join(scratch.dir, 'data/tags.csv'));
    expect(tags.map((t) => t.tag)).toEqual(['KCRM', 'PHUM', 'KWMN', 'ELAB', 'SMIG', 'ASEC', 'PREF', 'KFRD', 'PREL', 'LA']);
    expect(tags.find((t) => t.tag === 'LA')?.description).toBe('Country: Laos');
  });

  it('lists the 7 recipients with their routing indicators', async () => {
    const recipients = await readCsv(path.join(scratch.dir, 'data/recipients.csv'));
    expect(recipients.map((r) => `${r.role} ${r.routing_indicator}/${r.name}`)).toEqual([
      'to RUEHC/SECSTATE WASHDC',
      'info RUCNASE/ASEAN MEMBER COLLECTIVE',
      'info RUEAWJA/DEPT OF JUSTICE WASHDC',
      'info RHEFHLC/DEPT OF HOMELAND SECURITY WASHDC',
      'info RUEATRS/DEPT OF TREASURY WASHDC',
      'info RUEHC/DEPT OF LABOR WASHDC',
      'info RUEHBJ/AMEMBASSY BEIJING',
    ]);
    expect(recipients[0]).toMatchObject({ precedence: 'PRIORITY', serial: '1866' });
    expect(recipients[6]).toMatchObject({ serial: '2266' });
  });

  it('resolves the reference to its canonical cable id', async () => {
    const refs = await readCsv(path.join(scratch.dir, 'data/cable_references.csv'));
    expect(refs).toEqual([expect.objectContaining({ text: 'STATE 2731', kind: 'cable', referenced_cable_id: '08STATE2731' })]);
  });

  it('finds the numbered paragraphs with clean text and true offsets', async () => {
    const paragraphs = await readCsv(path.join(scratch.dir, 'data/paragraphs.csv'));
    const source = await readFile(path.join(scratch.dir, 'source/08VIENTIANE145.txt'), 'utf8');
    const five = paragraphs.find((p) => p.number === '5');
    expect(five?.text.startsWith('The penal code was amended')).toBe(true);
    expect(five?.classification_marking).toBe('SBU');
    expect(paragraphs[0]).toMatchObject({ paragraph_id: '08VIENTIANE145-p001', section: 'SUMMARY', number: '1' });
    for (const p of paragraphs) {
      expect(p.text).not.toMatch(/\bSIPDIS\b|Share this cable|VIENTIANE 0000/);
      const slice = source.slice(Number(p.char_start), Number(p.char_end));
      expect(slice.replace(/\s+/g, ' ')).toContain(p.text.slice(0, 20).replace(/\s+/g, ' '));
    }
    expect(paragraphs.find((p) => p.text.includes('presided over by the Director of Investigations, Ministry of Public Security'))).toBeDefined();
  });

  it('reproduces the committed release byte for byte', async () => {
    const committed = await listFiles(path.join(seedDataset, 'data'));
    expect(await listFiles(path.join(scratch.dir, 'data'))).toEqual(committed);
    for (const file of [...committed.map((f) => path.join('data', f)), 'datapackage.json', 'README.md', 'LICENSE.md', 'CITATION.cff', 'validation.json']) {
      const built = await readFile(path.join(scratch.dir, file));
      expect(built.equals(await readFile(path.join(seedDataset, file))), `${file} differs from the committed file: run npm run pipeline`).toBe(true);
    }
    expect((await readFile(scratch.report)).equals(await readFile(seedReport)), 'the fact sheet differs from the committed one').toBe(true);
  });

  it('validates the committed release against its files and releases.json (drift guard)', async () => {
    const result = await cliInProcess(['validate', seedDataset]);
    expect(result.stderr).toBe('');
    expect(result.code, result.stdout).toBe(0);
  });

  it('writes a fact sheet that passes qpdf and names the cable', async () => {
    execFileSync('qpdf', ['--check', scratch.report]);
    const text = execFileSync('pdftotext', [scratch.report, '-']).toString();
    expect(text).toContain('08VIENTIANE145');
    expect(text.replace(/\s+/g, ' ').toUpperCase()).toContain('EIGHTH ANNUAL TIP REPORT FOR LAOS');
  });
});

describe('cablepress build on bad input', () => {
  it('names a missing source file, exits 2 and writes nothing', async () => {
    const scratch = await scratchDataset();
    await rm(path.join(scratch.dir, 'source/08VIENTIANE145.txt'));
    const result = await cliInProcess(['build', scratch.dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/SOURCE_MISSING: .*08VIENTIANE145\.txt: the source cable does not exist\./);
    expect((await readdir(scratch.dir)).sort()).toEqual(['CHANGELOG.md', 'indicators.json', 'package.json', 'source'].filter(Boolean).sort());
  });

  it('refuses an empty file and a file that is not a cable', async () => {
    for (const [content, code] of [
      ['', /EMPTY_INPUT/],
      ['Dear diary,\nnothing happened today.\n', /NOT_A_CABLE/],
    ] as const) {
      const scratch = await scratchDataset();
      await writeFile(path.join(scratch.dir, 'source/08VIENTIANE145.txt'), content);
      const result = await cliInProcess(['build', scratch.dir]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(code);
      expect(result.stderr).toContain('08VIENTIANE145.txt');
      expect(result.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    }
  });

  it('rejects an unknown command with usage help', async () => {
    const result = await cli(['frobnicate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown command "frobnicate"');
  });
});
