import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { decodeCableBytes } from '@cablepress/extract';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkProvenance, runPipeline, type Tables } from './fuzz/pipeline.js';
import { cliWithRenameHook, copyOf, leftovers, oldAndNew, releaseState, type Scratch } from './commit.js';
import { cli, corpusDir, readCsv, repoRoot, scratchDataset, seedDataset, type CliResult } from './helpers.js';

const SEED_FILE = '08VIENTIANE145.txt';
const seedText = await readFile(path.join(seedDataset, 'source', SEED_FILE), 'utf8');

/** Makes `name` (with `bytes`) the dataset's only source cable; the seed's indicator recipe is kept only for the seed. */
async function useSource(scratch: Scratch, name: string, bytes: Uint8Array | string): Promise<string> {
  const manifest = path.join(scratch.dir, 'package.json');
  const pkg = JSON.parse(await readFile(manifest, 'utf8')) as { cablepress: { source: string; recipe?: string } };
  pkg.cablepress.source = `source/${name}`;
  if (name !== SEED_FILE) delete pkg.cablepress.recipe;
  await writeFile(manifest, `${JSON.stringify(pkg, null, 2)}\n`);
  await rm(path.join(scratch.dir, 'source'), { recursive: true, force: true });
  await mkdir(path.join(scratch.dir, 'source'), { recursive: true });
  const file = path.join(scratch.dir, 'source', name);
  await writeFile(file, bytes);
  return file;
}

/** sha256 of every file under `dir`, by path relative to it; folders named `.tmp` are left out when `skipTmp`. */
async function snapshot(dir: string, skipTmp = false): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (d: string): Promise<void> => {
    for (const entry of await readdir(d, { withFileTypes: true }).catch(() => [])) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) {
        if (!(skipTmp && entry.name === '.tmp')) await walk(full);
      } else {
        out[path.relative(dir, full)] = createHash('sha256').update(await readFile(full)).digest('hex');
      }
    }
  };
  await walk(dir);
  return out;
}

/** Every published text a person or a program reads: the CSVs, README, descriptor, validation report and the PDF's text. */
async function publishedText(scratch: Scratch): Promise<Record<string, string>> {
  const texts: Record<string, string> = {};
  for (const file of Object.keys(await snapshot(scratch.dir, true))) {
    if (/\.(csv|md|json)$/.test(file) && !file.startsWith('source/') && file !== 'package.json') texts[file] = await readFile(path.join(scratch.dir, file), 'utf8');
  }
  if (existsSync(scratch.report)) texts.pdf = execFileSync('pdftotext', [scratch.report, '-']).toString();
  return texts;
}

/** A real 1×1 PNG: signature, IHDR, IDAT, IEND, with their CRCs. */
function png(): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(Buffer.from([0, 255, 0, 0]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The rows of every table with the offsets left out, for comparing two encodings of one cable. */
function withoutOffsets(tables: Tables, normalizeText: (s: string) => string = (s) => s): Record<string, unknown[]> {
  return Object.fromEntries(
    Object.entries(tables).map(([name, rows]) => [
      name,
      rows.map((row) =>
        Object.fromEntries(
          Object.entries(row)
            .filter(([k]) => k !== 'char_start' && k !== 'char_end' && k !== 'source_sha256')
            .map(([k, v]) => [k, typeof v === 'string' ? normalizeText(v) : v]),
        ),
      ),
    ]),
  );
}

function expectPersonError(result: CliResult, code: string, file: string): void {
  expect(result.code, result.stderr).toBe(2);
  expect(result.stdout).toBe('');
  const line = result.stderr.trim();
  expect(line.split('\n')).toHaveLength(1);
  expect(line.startsWith(`cablepress: ${code}: ${file}`)).toBe(true);
  expect(line).not.toMatch(/\n\s+at /);
}

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

  it('a 5 MB single line, alone or inside a real cable, is read in bounded time', () => {
    const line = 'TRAFFICKING (SBU) 1. A '.repeat(Math.ceil(5_000_000 / 23));
    const at = seedText.indexOf('\n1. (SBU)');
    for (const text of [line, `${seedText.slice(0, at)}\n${line}${seedText.slice(at)}`]) {
      const start = performance.now();
      try {
        const { cable, tables } = runPipeline({ label: 'one-line.txt', text });
        checkProvenance(text, cable, tables);
      } catch (error) {
        expect((error as { kind?: string }).kind).toBe('input');
      }
      expect(performance.now() - start).toBeLessThan(50 * (text.length / 10_240));
    }
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
      .replace("<th>Reference ID</th>", '<th onclick="alert(\'th\')">Reference ID</th>')
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
    const readme = await readFile(path.join(repoRoot, 'README.md'), 'utf8');
    expect(readme).toMatch(/### Cells that start with `=`, `\+`, `-` or `@`[\s\S]*does \*\*not\*\* alter such cells/);
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

describe('errors a person can cause: one sentence with file, place, what was expected and what to do; --json gives the same', () => {
  const cases: { name: string; setup: (s: Scratch) => Promise<string[]>; env?: Record<string, string>; code: string; exit: number; place: RegExp }[] = [
    { name: 'empty source', setup: async (s) => (await useSource(s, 'empty.txt', ''), ['build', s.dir]), code: 'EMPTY_INPUT', exit: 2, place: /line 1, column 1/ },
    { name: 'PNG source', setup: async (s) => (await useSource(s, 'photo.txt', png()), ['build', s.dir]), code: 'NOT_TEXT', exit: 2, place: /photo\.txt/ },
    { name: 'not a cable', setup: async (s) => (await useSource(s, 'note.txt', 'Dear all,\nlunch is at noon.\n'), ['build', s.dir]), code: 'NOT_A_CABLE', exit: 2, place: /line 1, column 1/ },
    { name: 'missing source', setup: async (s) => (await rm(path.join(s.dir, 'source', SEED_FILE)), ['build', s.dir]), code: 'SOURCE_MISSING', exit: 2, place: /08VIENTIANE145\.txt/ },
    { name: 'broken package.json', setup: async (s) => (await writeFile(path.join(s.dir, 'package.json'), '{ "version": '), ['build', s.dir]), code: 'DATASET_INVALID', exit: 2, place: /package\.json/ },
    { name: 'no package.json', setup: async (s) => (await rm(path.join(s.dir, 'package.json')), ['build', s.dir]), code: 'DATASET_MISSING', exit: 2, place: /package\.json/ },
    { name: 'bad option value', setup: async (s) => ['build', s.dir, '--paper', 'a3'], code: 'USAGE', exit: 2, place: /--paper/ },
    { name: 'unknown command', setup: async () => ['biuld'], code: 'USAGE', exit: 2, place: /biuld/ },
    { name: 'recipe that is not JSON', setup: async (s) => (await writeFile(path.join(s.dir, 'indicators.json'), '{\n  "indicators": [,]\n}\n'), ['build', s.dir]), code: 'RECIPE_JSON', exit: 2, place: /indicators\.json: line 2, column 18/ },
    { name: 'recipe missing', setup: async (s) => (await rm(path.join(s.dir, 'indicators.json')), ['build', s.dir]), code: 'RECIPE_MISSING', exit: 2, place: /indicators\.json/ },
    { name: 'dataset path that is a file', setup: async (s) => ['build', path.join(s.dir, 'package.json')], code: 'DATASET_DIR', exit: 2, place: /package\.json is a file/ },
    { name: 'source above --max-input-mb', setup: async (s) => ['build', s.dir, '--max-input-mb', '0.01'], code: 'INPUT_TOO_LARGE', exit: 2, place: /08VIENTIANE145\.txt: the file has \d+ bytes, more than the 10485 /},
    { name: 'source that is a FIFO', setup: async (s) => (await rm(path.join(s.dir, 'source', SEED_FILE)), execFileSync('mkfifo', [path.join(s.dir, 'source', SEED_FILE)]), ['build', s.dir]), code: 'INPUT_NOT_FILE', exit: 2, place: /a FIFO \(named pipe\), not a regular file/ },
    { name: 'source linked to /dev/zero', setup: async (s) => (await rm(path.join(s.dir, 'source', SEED_FILE)), await symlink('/dev/zero', path.join(s.dir, 'source', SEED_FILE)), ['build', s.dir]), code: 'INPUT_OUTSIDE', exit: 2, place: /08VIENTIANE145\.txt: the file is a link to a place outside/ },
    { name: 'source linked to a file outside the dataset', setup: async (s) => (await rm(path.join(s.dir, 'source', SEED_FILE)), await symlink(path.join(seedDataset, 'source', SEED_FILE), path.join(s.dir, 'source', SEED_FILE)), ['build', s.dir]), code: 'INPUT_OUTSIDE', exit: 2, place: /08VIENTIANE145\.txt/ },
    { name: 'SOURCE_DATE_EPOCH past the end of dates', setup: async (s) => ['build', s.dir], env: { SOURCE_DATE_EPOCH: '99999999999999999' }, code: 'SOURCE_DATE_EPOCH', exit: 2, place: /SOURCE_DATE_EPOCH/ },
  ];

  for (const c of cases) {
    it(`${c.name}: ${c.code}, exit ${c.exit}`, async () => {
      const scratch = await scratchDataset();
      const args = await c.setup(scratch);
      const human = await cli(args, c.env ? { env: c.env } : {});
      expect(human.code, human.stderr).toBe(c.exit);
      const sentence = human.stderr.trim();
      expect(sentence).toMatch(new RegExp(`^cablepress: ${c.code}: `));
      expect(sentence.split('\n')).toHaveLength(1);
      expect(sentence).toMatch(c.place);
      const json = await cli([...args, '--json'], c.env ? { env: c.env } : {});
      expect(json.code).toBe(c.exit);
      expect(json.stderr).toBe('');
      const body = JSON.parse(json.stdout) as { ok: boolean; exitCode: number; error: { kind: string; code: string; message: string; location: Record<string, unknown>; hint?: string } };
      expect(body).toMatchObject({ ok: false, exitCode: c.exit, error: { kind: 'input', code: c.code } });
      expect(body.error.hint, 'says what to do').toMatch(/\w{3,}/);
      expect(sentence).toContain(body.error.message);
      expect(sentence).toContain(body.error.hint!);
      for (const value of Object.values(body.error.location)) expect(sentence).toContain(String(value));
      if (c.code !== 'USAGE' && c.code !== 'SOURCE_DATE_EPOCH') expect(body.error.location.file).toEqual(expect.any(String));
    });
  }
});
