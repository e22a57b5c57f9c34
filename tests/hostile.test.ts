import { existsSync } from 'node:fs';
import { readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { decodeCableBytes } from '@cablepress/extract';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkProvenance, runPipeline, type Tables } from './fuzz/pipeline.js';
import { cliWithRenameHook, copyOf, leftovers, oldAndNew, releaseState, type Scratch } from './commit.js';
import { cliInProcess as cli, corpusDir, readCsv, repoRoot, scratchDataset } from './helpers.js';
import { expectLongLineRead, expectPersonError, png, publishedText, SEED_FILE, seedText, snapshot, useSource, withoutOffsets } from './hostile-helpers.js';

describe('named hostile inputs, through the real CLI', () => {
  it('an empty file: exit 2, EMPTY_INPUT at line 1 column 1, nothing written', async () => {
    const scratch = await scratchDataset();
    const file = await useSource(scratch, 'empty.txt', '');
    const result = await cli(['build', scratch.dir]);
    expectPersonError(result, 'EMPTY_INPUT', file);
    expect(result.stderr).toContain('line 1, column 1');
    expect(existsSync(path.join(scratch.dir, 'data'))).toBe(false);
    expect(existsSync(path.join(scratch.dir, 'datapackage.json'))).toBe(false);
    expect(existsSync(scratch.report)).toBe(false);
  });

  it('a PNG image: exit 2, NOT_TEXT naming the file', async () => {
    const scratch = await scratchDataset();
    const image = png();
    expect(image.subarray(1, 4).toString('ascii')).toBe('PNG');
    const file = await useSource(scratch, 'photo.txt', image);
    const result = await cli(['build', scratch.dir]);
    expectPersonError(result, 'NOT_TEXT', file);
    expect(result.stderr).toMatch(/not a text file/);
    expect(existsSync(path.join(scratch.dir, 'data'))).toBe(false);
  });

  it('invalid UTF-8 throughout: exit 2, NOT_TEXT; a few bad bytes in a real cable: built, with U+FFFD in their place', async () => {
    const scratch = await scratchDataset();
    const garbage = Buffer.from(Array.from({ length: 3000 }, (_, i) => (i % 3 === 0 ? 0xc3 : i % 3 === 1 ? 0x28 : 0x41)));
    const file = await useSource(scratch, 'latin.txt', garbage);
    expectPersonError(await cli(['build', scratch.dir]), 'NOT_TEXT', file);

    const bytes = Buffer.from(seedText, 'utf8');
    const at = bytes.indexOf('overwhelmingly');
    bytes[at] = 0xff;
    bytes[at + 1] = 0xfe;
    const decoded = decodeCableBytes(bytes, 'seed.txt');
    expect(decoded).toContain('\ufffd\ufffderwhelmingly');
    const { text, cable, tables } = runPipeline({ label: 'seed-bad-bytes.txt', bytes });
    checkProvenance(text, cable, tables);
    expect(tables.paragraphs!.some((p) => String(p.text).includes('\ufffd\ufffderwhelmingly'))).toBe(true);
  });

  it('UTF-16 with a BOM (LE and BE) gives the same rows and offsets as UTF-8', () => {
    const utf8 = runPipeline({ label: SEED_FILE, text: seedText });
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seedText, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    for (const bytes of [le, be]) {
      const decoded = runPipeline({ label: SEED_FILE, bytes });
      expect(decoded.text).toBe(seedText);
      const strip = (t: Tables) => ({ ...t, cables: t.cables!.map((c) => ({ ...c, source_sha256: '' })) });
      expect(strip(decoded.tables)).toEqual(strip(utf8.tables));
    }
  });

  it('CRLF and lone CR line ends give the same rows as LF, with offsets into the original text', () => {
    const lf = runPipeline({ label: SEED_FILE, text: seedText });
    for (const eol of ['\r\n', '\r']) {
      const text = seedText.replace(/\n/g, eol);
      const other = runPipeline({ label: SEED_FILE, text });
      checkProvenance(text, other.cable, other.tables);
      expect(withoutOffsets(other.tables, (s) => s.replace(/\r\n?/g, '\n'))).toEqual(withoutOffsets(lf.tables));
      const p5 = other.tables.paragraphs!.find((p) => p.number === 5)!;
      expect(text.slice(Number(p5.char_start), Number(p5.char_start) + 26)).toBe('The penal code was amended');
      const lfStart = Number(lf.tables.paragraphs!.find((p) => p.number === 5)!.char_start);
      const newlinesBefore = seedText.slice(0, lfStart).split('\n').length - 1;
      expect(Number(p5.char_start)).toBe(eol === '\r\n' ? lfStart + newlinesBefore : lfStart);
    }
  });

  it('a 1 MB single line, alone or inside a real cable, is read with every span true (5 MB: tests/big-input.slow.test.ts; its time: npm run bench:timing)', () => {
    expectLongLineRead(1_000_000);
  });

  it('one endless sentence of figures gives tables that grow with the input, not with its square', { timeout: 300_000 }, async () => {
    const at = seedText.indexOf('\n1. (SBU)');
    const text = `${seedText.slice(0, at)}\n${'$1,000 '.repeat(Math.ceil(60_000 / 7))}${seedText.slice(at)}`;
    const scratch = await scratchDataset();
    await useSource(scratch, SEED_FILE, text);
    const result = await cli(['build', scratch.dir]);
    expect(result.code, result.stderr).toBe(0);
    const quantities = await readCsv(path.join(scratch.dir, 'data/quantities.csv'));
    expect(quantities.length).toBeGreaterThan(8000);
    const bytes = (await readFile(path.join(scratch.dir, 'data/quantities.csv'))).length;
    expect(bytes).toBeLessThan(100 * Buffer.byteLength(text));
    expect(Math.max(...quantities.map((q) => q.quote.length))).toBeLessThanOrEqual(2000);
  });

  it('HTML with <script> and event handlers: nothing of them reaches the CSVs, README, JSON or PDF', async () => {
    const page = await readFile(path.join(corpusDir, '09CAIRO2205.html'), 'utf8');
    const hostile = page
      .replace('<head>', '<head><script>window.onerror=function(){alert("head")}</script>')
      .replace('<th>Reference ID</th>', '<th onclick="alert(\'th\')">Reference ID</th>')
      .replace('</table>', '</table><script>document.write("<pre>INJECTED onerror=alert(1)</pre>")</script><img src=x onerror="alert(2)">')
      .replace('<code><pre>UNCLAS', '<code><pre onmouseover="alert(3)">UNCLAS')
      .replace('1.(SBU) Summary:', '1.(SBU) <script>alert("pre")</script><img src=x onerror=alert(4)><svg onload=alert(5)></svg>Summary:')
      .replace('2.(SBU) Information', '2.(SBU) <img src=x onerror=alert(6) <b>Information</b>');
    expect(hostile.match(/alert\(/g)?.length).toBe(9);
    const scratch = await scratchDataset();
    await useSource(scratch, '09CAIRO2205.html', hostile);
    const result = await cli(['build', scratch.dir]);
    expect(result.code, result.stderr).toBe(0);
    const texts = await publishedText(scratch);
    expect(Object.keys(texts)).toEqual(expect.arrayContaining(['data/paragraphs.csv', 'data/cables.csv', 'README.md', 'datapackage.json', 'pdf']));
    for (const [file, text] of Object.entries(texts)) {
      expect(text, file).not.toMatch(/<script/i);
      expect(text, file).not.toMatch(/\bon(error|load|click|mouseover)\s*=/i);
      expect(text, file).not.toMatch(/alert\(|INJECTED/);
    }
    const paragraphs = await readCsv(path.join(scratch.dir, 'data/paragraphs.csv'));
    expect(paragraphs.find((p) => p.number === '2')?.text).toMatch(/^Information developed by Egyptian/);
  });

  it('cells that start with =, +, - or @ are written unaltered', async () => {
    const text = seedText
      .replace('SUBJECT: EIGHTH ANNUAL TIP REPORT FOR LAOS\n\nREF', 'SUBJECT: =HYPERLINK("http://example.invalid","TIP")\n\nREF')
      .replace('EIGHTH ANNUAL TIP REPORT FOR LAOS\n\nTags', '@SUM(1+1) TIP REPORT\n\nTags')
      .replace('1. (SBU) Laos is overwhelmingly', '1. (SBU) +Laos is overwhelmingly')
      .replace('2. (SBU) The Government', '2. (SBU) -The Government');
    const scratch = await scratchDataset();
    await useSource(scratch, SEED_FILE, text);
    const result = await cli(['build', scratch.dir]);
    expect(result.code, result.stderr).toBe(0);
    const [cable] = await readCsv(path.join(scratch.dir, 'data/cables.csv'));
    expect(cable!.subject).toBe('=HYPERLINK("http://example.invalid","TIP")');
    expect(cable!.title).toBe('@SUM(1+1) TIP REPORT');
    const paragraphs = await readCsv(path.join(scratch.dir, 'data/paragraphs.csv'));
    expect(paragraphs.some((p) => p.text.startsWith('+Laos is overwhelmingly'))).toBe(true);
    expect(paragraphs.some((p) => p.text.startsWith('-The Government'))).toBe(true);
    const raw = await readFile(path.join(scratch.dir, 'data/cables.csv'), 'utf8');
    expect(raw).toContain('"=HYPERLINK(""http://example.invalid"",""TIP"")"');
    expect(raw).not.toMatch(/'=HYPERLINK|\t=HYPERLINK/);
    const readme = await readFile(path.join(repoRoot, 'docs/hostile-input.md'), 'utf8');
    expect(readme).toMatch(/## Cells that start with `=`, `\+`, `-` or `@`[\s\S]*does \*\*not\*\* alter such cells/);
  });
});

describe('cable ids crafted to leave the output folder', () => {
  const ids = ['../../etc/passwd', '/etc/passwd', '08VIENTIANE145\u0000.txt', 'CON', 'AUX', 'NUL', '..\\..\\windows\\win.ini', '.'];

  for (const id of ids) {
    it(`id ${JSON.stringify(id)}: no file is written outside the dataset and report folders`, async () => {
      const scratch = await scratchDataset();
      await useSource(scratch, SEED_FILE, seedText.replace('\n08VIENTIANE145\n', `\n${id}\n`));
      const before = await snapshot(scratch.root);
      const result = await cli(['build', scratch.dir, '--json']);
      expect([0, 1, 2], result.stdout + result.stderr).toContain(result.code);
      const after = await snapshot(scratch.root);
      const added = Object.keys(after).filter((f) => !(f in before));
      const reportDir = path.relative(scratch.root, path.dirname(scratch.report));
      const datasetDir = path.relative(scratch.root, scratch.dir);
      expect(added.filter((f) => !f.startsWith(`${datasetDir}/`) && !f.startsWith(`${reportDir}/`))).toEqual([]);
      for (const f of added) expect(path.basename(f), f).toMatch(/^[A-Za-z0-9_][A-Za-z0-9._-]*$/);
      if (result.code === 0) {
        const [cable] = await readCsv(path.join(scratch.dir, 'data/cables.csv'));
        expect(cable!.cable_id.length).toBeGreaterThan(0);
      }
    });
  }
});

describe('dataset names become folder and file names only when they are safe', () => {
  for (const name of ['con', 'aux', 'nul', 'prn', 'com1', 'lpt9', 'Laos TIP', 'laos_tip']) {
    it(`a dataset folder named ${JSON.stringify(name)} is refused with DATASET_NAME and nothing is written`, async () => {
      const scratch = await scratchDataset();
      const dir = path.join(path.dirname(scratch.dir), name);
      await rename(scratch.dir, dir);
      const before = await snapshot(scratch.root);
      const result = await cli(['build', dir]);
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr).toMatch(/^cablepress: DATASET_NAME: /);
      expect(await snapshot(scratch.root)).toEqual(before);
    });
  }
});

describe('atomic publishing: one commit record switches the whole release (every rename: tests/commit.slow.test.ts)', () => {
  let template: Scratch;
  let oldFiles: Record<string, string>;
  let newFiles: Record<string, string>;

  beforeAll(async () => {
    ({ template, oldFiles, newFiles } = await oldAndNew());
    expect(newFiles['dataset/data/paragraphs.csv']).not.toBe(oldFiles['dataset/data/paragraphs.csv']);
    expect(newFiles['reports/laos-tip-2008-fact-sheet.pdf']).not.toBe(oldFiles['reports/laos-tip-2008-fact-sheet.pdf']);
    expect(Object.keys(newFiles).sort()).toEqual(Object.keys(oldFiles).sort());
  });

  const cases = [
    { name: 'killed right before the commit record', env: { CABLEPRESS_TEST_KILL_AT: '1' }, expected: () => oldFiles },
    { name: 'killed right after the commit record', env: { CABLEPRESS_TEST_KILL_AFTER: 'commit.json' }, expected: () => newFiles },
  ];
  for (const c of cases) {
    it(`${c.name}: validate sees one whole release, the next build leaves nothing behind`, async () => {
      const s = await copyOf(template);
      expect((await cliWithRenameHook(['build', '--quiet', s.dir], c.env)).signal).toBe('SIGKILL');
      expect((await cli(['validate', s.dir])).code).toBe(0);
      expect(await releaseState(s)).toEqual(c.expected());
      expect(await leftovers(s)).toEqual([]);
      expect((await cli(['build', '--quiet', s.dir])).code).toBe(0);
      expect(await releaseState(s)).toEqual(newFiles);
      expect(await leftovers(s)).toEqual([]);
    });
  }
});
