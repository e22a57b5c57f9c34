import type { Finding } from '@cablepress/core';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { scratchFolderSync } from '../../../../tests/test-utils.js';
import { minimalTables } from './fixtures/minimal.js';
import { formatFigure, formatPeriod, qualifierWords } from './format.js';
import { type FactSheetInput, renderFactSheet } from './index.js';
import { cellCitation } from './model.js';
import type { FactSheetTables } from './types.js';

/** Rows the pipeline builds for the seed cable (see the file's _source). */
const fixture = JSON.parse(readFileSync(new URL('./fixtures/laos-tip-2008.json', import.meta.url), 'utf8')) as {
  tables: FactSheetTables;
  findings: Finding[];
};
const laosTables = fixture.tables;
const laosFindings = fixture.findings;

const dir = scratchFolderSync('factsheet');

const laos: FactSheetInput = {
  tables: laosTables,
  findings: laosFindings,
  dataset: {
    name: 'laos-tip-2008',
    version: '1.0.0',
    title: 'Trafficking in persons in Laos, 2008',
    license: 'CC0-1.0',
    homepage: 'https://example.org/cablepress/',
  },
  creationDate: new Date('2008-02-29T05:44:00Z'),
};

function minimal(overrides: Partial<FactSheetTables> = {}): FactSheetInput {
  return { ...laos, tables: minimalTables(overrides), findings: [], dataset: { name: 'iceland-tip-2009', version: '0.1.0', license: 'CC0-1.0' } };
}

let counter = 0;
async function render(input: FactSheetInput): Promise<{ file: string; bytes: Uint8Array }> {
  const bytes = await renderFactSheet(input);
  const file = join(dir, `sheet-${++counter}.pdf`);
  writeFileSync(file, bytes);
  return { file, bytes };
}

function tool(cmd: string, args: string[]): string {
  return execFileSync(cmd, args, { encoding: 'utf8' });
}

const text = (file: string) => tool('pdftotext', [file, '-']);
const flat = (s: string) => s.replace(/\s+/g, ' ');

function info(file: string): Record<string, string> {
  return Object.fromEntries(
    tool('pdfinfo', [file])
      .split('\n')
      .filter((l) => l.includes(':'))
      .map((l) => {
        const i = l.indexOf(':');
        return [l.slice(0, i).trim(), l.slice(i + 1).trim()];
      }),
  );
}

interface Word {
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  text: string;
}

/** Every word with its box, per page, from pdftotext -bbox. */
function words(file: string): { width: number; height: number; words: Word[] }[] {
  const xml = tool('pdftotext', ['-bbox', file, '-']);
  return [...xml.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map((m) => ({
    width: Number(m[1]),
    height: Number(m[2]),
    words: [...(m[3] ?? '').matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((w) => ({
      xMin: Number(w[1]),
      yMin: Number(w[2]),
      xMax: Number(w[3]),
      yMax: Number(w[4]),
      text: w[5] ?? '',
    })),
  }));
}

/** Words outside the text area: side margins of 46 pt, nothing above 36 pt or in the last 20 pt of the page. */
function outside(file: string): string[] {
  return words(file).flatMap((p, i) =>
    p.words
      .filter((w) => w.xMin < 45.5 || w.xMax > p.width - 45.5 || w.yMin < 36 || w.yMax > p.height - 20)
      .map((w) => `page ${i + 1}: "${w.text}" at ${w.xMin.toFixed(1)},${w.yMin.toFixed(1)}–${w.xMax.toFixed(1)},${w.yMax.toFixed(1)}`),
  );
}

/** Pairs of words on the same page whose boxes overlap (text drawn over text). */
function overlaps(file: string): string[] {
  const out: string[] = [];
  for (const [i, p] of words(file).entries()) {
    const ws = p.words;
    for (let a = 0; a < ws.length; a++) {
      for (let b = a + 1; b < ws.length; b++) {
        const u = ws[a]!;
        const v = ws[b]!;
        const ox = Math.min(u.xMax, v.xMax) - Math.max(u.xMin, v.xMin);
        const oy = Math.min(u.yMax, v.yMax) - Math.max(u.yMin, v.yMin);
        if (ox > 1 && oy > 1.5) out.push(`page ${i + 1}: "${u.text}" / "${v.text}"`);
      }
    }
  }
  return out;
}

describe('renderFactSheet for the Laos dataset', () => {
  let a4: { file: string; bytes: Uint8Array };
  let letter: { file: string; bytes: Uint8Array };
  beforeAll(async () => {
    a4 = await render(laos);
    letter = await render({ ...laos, paper: 'letter' });
  });

  it('links the cable\u2019s public original, the dataset\u2019s page and the data licence, as text and as link annotations', () => {
    const urls = [
      'https://wikileaks.org/plusd/cables/08VIENTIANE145_a.html',
      'https://example.org/cablepress/laos-tip-2008/',
      'https://spdx.org/licenses/CC0-1.0.html',
    ];
    const shown = flat(text(a4.file));
    const annotations = tool('qpdf', ['--qdf', '--object-streams=disable', a4.file, '-']).match(/\/URI \(([^)]*)\)/g) ?? [];
    for (const url of urls) {
      expect(shown, url).toContain(url);
      expect(annotations, url).toContain(`/URI (${url})`);
    }
    expect(shown).toContain('CC0-1.0 (the data)');
  });

  it('passes qpdf --check', () => {
    expect(tool('qpdf', ['--check', a4.file])).toContain('No syntax or stream encoding errors found');
    expect(tool('qpdf', ['--check', letter.file])).toContain('No syntax or stream encoding errors found');
  });

  it('is a tagged two-page A4 PDF 1.7 with its title, subject and language', () => {
    const i = info(a4.file);
    expect(i.Pages).toBe('2');
    expect(i.Tagged).toBe('yes');
    expect(i.Title).toBe('Laos: Trafficking in persons, 2007');
    expect(i['Page size']).toContain('595.28 x 841.89');
    expect(i['PDF version']).toBe('1.7');
    expect(i.CreationDate).toContain('2008');
    const raw = Buffer.from(a4.bytes).toString('latin1');
    expect(raw).toContain('/Lang (en-US)');
    expect(raw).toContain('/DisplayDocTitle true');
    expect(raw).toContain('pdfaid:part>3<');
  });

  it('gives US Letter two pages when asked', () => {
    const i = info(letter.file);
    expect(i['Page size']).toContain('612 x 792');
    expect(i.Pages).toBe('2');
  });

  it('embeds every font and uses only DejaVu Sans', () => {
    const rows = tool('pdffonts', [a4.file]).trim().split('\n').slice(2);
    expect(rows.length).toBe(2);
    for (const row of rows) {
      expect(row).toMatch(/\+DejaVuSans(-Bold)?\s/);
      expect(row.split(/\s+/).slice(-5, -4)[0]).toBe('yes');
    }
  });

  it('has a structure tree: H1, H2s, figures with alt text, table header cells', () => {
    const raw = Buffer.from(a4.bytes).toString('latin1');
    const count = (tag: string) => raw.split(`/S /${tag}\n`).length - 1;
    expect(count('H1')).toBe(1);
    expect(count('H2')).toBeGreaterThanOrEqual(4);
    expect(count('Figure')).toBe(4);
    expect(raw.match(/\/Alt \(/g)?.length).toBe(4);
    expect(count('TH')).toBeGreaterThanOrEqual(10);
    expect(raw).toContain('/Scope /Column');
  });

  it('prints every indicator as value, label, period and citation on one line of extracted text, on page 1', () => {
    for (const file of [a4.file, letter.file]) {
      const page1 = flat(tool('pdftotext', ['-f', '1', '-l', '1', file, '-']));
      for (const ind of laosTables.indicators) {
        const value = [qualifierWords(ind.qualifier), formatFigure(ind)].filter(Boolean).join(' ');
        const cite = [ind.period === null ? null : formatPeriod(ind.period), cellCitation(ind.citation)].filter(Boolean).join(', ');
        expect(page1).toContain(`${value} ${ind.label} (${cite})`);
      }
    }
  });

  it('keeps the order of the sheet in extracted text', () => {
    const t = flat(text(a4.file));
    const order = [
      'Laos: Trafficking in persons, 2007',
      'Handle these numbers with care',
      'Key figures PROSECUTION 38',
      'PROTECTION 280',
      'PREVENTION 71%',
      'CONTEXT at least',
      'From investigation to court',
      'What the law says',
      'Timeline DATE',
      'Who is involved ORGANISATION',
      'Sources and notes Cable',
    ];
    const positions = order.map((s) => t.indexOf(s));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((x, y) => x - y)).toEqual(positions);
  });

  it('cites its source and states the cable’s own caveat and the cross-check warning', () => {
    const t = flat(text(a4.file));
    expect(t).toContain('U.S. Embassy Vientiane in cable 08VIENTIANE145 of 29 February 2008');
    expect(t).toContain('UNCLASSIFIED//FOR OFFICIAL USE ONLY');
    expect(t).toContain('WikiLeaks');
    expect(t).toContain(laosTables.cables[0]!.source_sha256);
    expect(t).toContain('laos-tip-2008), version 1.0.0');
    expect(t).toContain('“Statistics in Laos are notoriously unreliable and difficult to find.” (XXVII E)');
    expect(t).toContain('The cable gives two different figures: LBA members given as 80 (¶ 4) and as 82 (XXVII D, XXIX G and H)');
    expect(t).toContain('The source is incomplete: The text ends mid-sentence.');
  });

  it('draws the charts, the penalty ladder, timeline and organisations from the tables', () => {
    const t = flat(text(a4.file));
    expect(t).toContain('From investigation to court');
    expect(t).toContain('Victims repatriated from Thailand');
    expect(t).toContain('Shelter use');
    expect(t).toContain('Penal Code, Article 134 (Human Trafficking) sets three penalty tiers');
    expect(t).toContain('5–15 years');
    expect(t).toContain('10–100 million kip ($1,086–10,860)');
    expect(t).toContain('life or death');
    expect(t).toContain('Ministry of Labour and Social Welfare (MLSW)');
    expect(t).toContain('The MLSW has the lead in trafficking prevention');
    expect(t).toMatch(/Sep 2004 As noted, the Law on Women/);
  });

  it('keeps every word inside the margins and never draws text over text', () => {
    expect(outside(a4.file)).toEqual([]);
    expect(outside(letter.file)).toEqual([]);
    expect(overlaps(a4.file)).toEqual([]);
    expect(overlaps(letter.file)).toEqual([]);
  });

  it('is byte-identical across renders', async () => {
    const again = await renderFactSheet(laos);
    expect(Buffer.from(again).equals(Buffer.from(a4.bytes))).toBe(true);
  });

  it('cuts an over-long label with an ellipsis but keeps its citation', async () => {
    const long = 'Cases investigated under Article 134 '.repeat(12).trim();
    const indicators = laosTables.indicators.map((i) => (i.indicator_id === 'investigations-2007' ? { ...i, label: long } : i));
    const { file } = await render({ ...laos, tables: { ...laosTables, indicators } });
    expect(flat(text(file))).toMatch(/38 Cases investigated under Article 134 [^(]*… \(2007, ¶ 5\)/);
    expect(outside(file)).toEqual([]);
    expect(overlaps(file)).toEqual([]);
  });

  it('leaves out a chart whose indicators are missing and draws the rest', async () => {
    const indicators = laosTables.indicators.filter((i) => !['investigations-2007', 'arrests-2007'].includes(i.indicator_id));
    const { file } = await render({ ...laos, tables: { ...laosTables, indicators } });
    const t = flat(text(file));
    expect(t).not.toContain('From investigation to court');
    expect(t).toContain('Shelter use');
    expect(t).toContain('8 Article 134 cases sent for prosecution (2007, ¶ 5)');
  });
});

describe('renderFactSheet for a cable without a recipe', () => {
  it('renders one page from metadata, tags, figures, timeline and organisations', async () => {
    const { file } = await render(minimal());
    expect(tool('qpdf', ['--check', file])).toContain('No syntax or stream encoding errors found');
    const i = info(file);
    expect(i.Pages).toBe('1');
    expect(i.Tagged).toBe('yes');
    expect(i.Title).toBe('Iceland: Trafficking in persons, 2009');
    const t = flat(text(file));
    expect(t).toContain('What the U.S. Embassy Reykjavik reported in cable 09REYKJAVIK215 of 4 December 2009');
    expect(t).toContain('Figures in the cable');
    expect(t).toContain('about 20 Police estimate that about 20 women were brought to the country in 2008. (¶ 2)');
    expect(t).toContain('Citations: ¶ 1 is the cable’s numbered paragraph 1.');
    expect(t).toContain('1 Dec 2009');
    expect(t).toContain('“There are no reliable figures on victims.” (¶ 2)');
    expect(t).toContain('KTIP, PGOV, PHUM, PREL, IC');
    expect(t).not.toContain('What the law says');
    expect(outside(file)).toEqual([]);
    expect(overlaps(file)).toEqual([]);
  });

  it('renders a cable with nothing but its metadata', async () => {
    const { file } = await render(minimal({ paragraphs: [], quantities: [], events: [], organizations: [], tags: [] }));
    expect(info(file).Pages).toBe('1');
    expect(flat(text(file))).toContain('Sources and notes');
    expect(outside(file)).toEqual([]);
  });

  it('lays out 100,000-character words (subject, origin, names, quotes, version) broken and cut, in bounded memory', async () => {
    const word = 'ABCDEFGHIJ'.repeat(10_000);
    const base = minimalTables();
    const input: FactSheetInput = {
      ...minimal({
        cables: [{ ...base.cables[0]!, subject: `ICELAND: ${word}`, origin: word, classification: word }],
        quantities: base.quantities.map((q) => ({ ...q, counted: word, quote: word })),
        events: base.events.map((e) => ({ ...e, quote: word })),
        organizations: base.organizations.map((o) => ({ ...o, name: word })),
        tags: base.tags.map((t) => ({ ...t, description: word })),
      }),
      dataset: { name: 'iceland-tip-2009', version: `1.0.0-${'a'.repeat(100_000)}`, title: word, license: 'CC0-1.0', homepage: `https://example.org/${word}/` },
    };
    const before = process.memoryUsage().rss;
    const { file } = await render(input);
    const grown = process.memoryUsage().rss - before;
    // pdfkit broke each run one line at a time, laying the rest out again for every line: a 20,000-character word
    // took 2.7 GB, this one ran out of memory
    expect(grown / 2 ** 20, 'MB the process grew by').toBeLessThan(200);
    const shown = text(file);
    const joined = shown.replace(/\s+/g, '');
    expect(joined).toContain(`SUBJECTICELAND:${'ABCDEFGHIJ'.repeat(20)}`);
    expect(joined).toMatch(/iceland-tip-2009v1\.0\.0-a{50,}…/);
    expect(joined).toMatch(/Onlinehttps:\/\/example\.org\/(ABCDEFGHIJ){10,}[A-J]*…/);
    expect(Math.max(...shown.split('\n').map((line) => line.length))).toBeLessThan(200);
    expect(outside(file)).toEqual([]);
    expect(overlaps(file)).toEqual([]);
  });

  it('fits long and many values inside the page without overlaps', async () => {
    const base = minimalTables();
    const long = 'An extraordinarily long organisation name that nobody would print in full on a fact sheet of two pages';
    const { file } = await render(
      minimal({
        cables: [
          {
            ...base.cables[0]!,
            subject: 'SUBJECT '.repeat(40).trim(),
            classification: 'SECRET//NOFORN '.repeat(6).trim(),
            origin: 'Consulate General Somewhere Far Away',
          },
        ],
        tags: Array.from({ length: 40 }, (_, i) => ({
          cable_id: '09REYKJAVIK215',
          position: i + 1,
          tag: `TAG${i}`,
          description: 'a tag with a long description',
        })),
        quantities: Array.from({ length: 30 }, (_, i) => ({ ...base.quantities[1]!, quantity_id: `q${i}`, value: 123456789 + i, counted: long })),
        events: Array.from({ length: 40 }, (_, i) => ({ ...base.events[0]!, event_id: `e${i}`, quote: `${long} ${i}. `.repeat(5) })),
        organizations: Array.from({ length: 20 }, (_, i) => ({
          ...base.organizations[0]!,
          org_id: `o${i}`,
          name: `${long} ${i}`,
          acronym: `ACR${i}`,
          mention_count: 40 - i,
        })),
      }),
    );
    expect(Number(info(file).Pages)).toBeLessThanOrEqual(2);
    expect(outside(file)).toEqual([]);
    expect(overlaps(file)).toEqual([]);
  });
});
