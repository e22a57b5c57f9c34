import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { corpusDir, seedDataset } from '../helpers.js';

/** One generated input: bytes go through decodeCableBytes like a file read by the CLI; text goes straight to parseCable. */
export type FuzzInput = { label: string; bytes: Uint8Array } | { label: string; text: string };

export interface SeedCable {
  name: string;
  text: string;
}

/** The seed cable and every cable of the shared development corpus, decoded as UTF-8. */
export function loadSeeds(): SeedCable[] {
  const seed = path.join(seedDataset, 'source/08VIENTIANE145.txt');
  const corpus = readdirSync(corpusDir)
    .filter((f) => /\.(txt|html)$/.test(f))
    .sort()
    .map((f) => path.join(corpusDir, f));
  return [seed, ...corpus].map((file) => ({ name: path.basename(file), text: readFileSync(file, 'utf8') }));
}

/** Any UTF-16 code unit, lone surrogates included: what a broken scraper can hand over. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

/** Text that looks a little like a cable: header words, markings, routing lines, punctuation and noise. */
const cableish = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        'SUBJECT: ',
        'TAGS: ',
        'REF: ',
        'E.O. 12958: ',
        'DECL: ',
        'FM ',
        'TO ',
        'INFO ',
        'UNCLAS ',
        'SIPDIS',
        'SENSITIVE',
        'Classified By: ',
        '(SBU) ',
        '(C) ',
        '1. ',
        '¶2. ',
        'A. ',
        '-----',
        'SUMMARY',
        'END SUMMARY',
        'COMMENT',
        'END COMMENT',
        'RUEHC/SECSTATE WASHDC PRIORITY 1866',
        'P 290544Z FEB 08',
        'Identifier',
        'Created',
        'Cable title:',
        'Tags:',
        'pdf how-to read a cable',
        'Share this cable',
        '<pre>',
        '</pre>',
        '&#x000A;',
        '&amp;',
        '<table class="cable">',
        '<th>Reference ID</th>',
        '<td>',
        'Viewing cable ',
        '$1,000',
        'USD 1086',
        '10.000.000 Kip',
        'Article 134',
        'February 27, 2007',
        'Ministry of Public Security',
        '\n',
        '\n\n',
        '\r\n',
        '\r',
        '\t',
        ' ',
        '(',
        ')',
        '/',
        ':',
        '.',
        ',',
        ';',
        '-',
      ),
      fc.string({ unit: 'grapheme', maxLength: 12 }),
      fc.string({ unit: codeUnit, maxLength: 4 }),
    ),
    { maxLength: 200 },
  )
  .map((parts) => parts.join(''));

/** Patterns repeated into very long lines: each one is a prefix some reader may try to match again and again. */
const LONG_LINE_UNITS = [
  'A',
  ' ',
  '-',
  '(',
  '((',
  '1. ',
  '1.1.',
  'SUBJECT: ',
  'TAGS ',
  '&#x000A;',
  '&',
  '<',
  '<a',
  'RUEHC/',
  '\t',
  'a b ',
  ', ',
  '$1,',
  '10.',
  'REF: A. ',
  'END ',
  'SUMMARY ',
  '(SBU)',
  '¶',
  'x\u00a0',
  '\u2028',
  'UNCLAS AB CD ',
  'AB 12345678 ',
  '$1,000 ',
  'USD 5 ',
  '10 percent ',
  'Article 1 ',
  'January 1, 2008 ',
  ' -----',
  '1. (SBU) ',
  'E.O. 1',
  'a, b; ',
];

type Op =
  | { op: 'cut-end'; at: number }
  | { op: 'cut-start'; at: number }
  | { op: 'splice'; at: number; from: number; start: number; length: number }
  | { op: 'duplicate-lines'; start: number; count: number; to: number }
  | { op: 'delete-lines'; start: number; count: number }
  | { op: 'swap-lines'; a: number; b: number }
  | { op: 'long-line'; at: number; unit: string; times: number; append: boolean }
  | { op: 'insert'; at: number; text: string }
  | { op: 'line-ends'; style: '\r\n' | '\r' }
  | { op: 'flip-bytes'; at: number[] }
  | { op: 'dense-paragraph'; at: number; unit: string; times: number };

/** Facts packed into one sentence, many times over: each fact quotes its sentence, so a dense paragraph multiplies output. */
const DENSE_UNITS = ['$1 ', '5 victims, ', '10 percent ', 'January 1, 2008 ', 'Article 1, ', 'USD 5 ', '1,000 baht '];

const pos = fc.nat({ max: 1 << 30 });

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ op: fc.constant('cut-end' as const), at: pos }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('cut-start' as const), at: pos }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('splice' as const), at: pos, from: pos, start: pos, length: fc.nat({ max: 3000 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('duplicate-lines' as const), start: pos, count: fc.integer({ min: 1, max: 40 }), to: pos }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('delete-lines' as const), start: pos, count: fc.integer({ min: 1, max: 40 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('swap-lines' as const), a: fc.nat({ max: 60 }), b: fc.nat({ max: 60 }) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('long-line' as const),
      at: pos,
      unit: fc.constantFrom(...LONG_LINE_UNITS),
      times: fc.integer({ min: 1000, max: 40_000 }),
      append: fc.boolean(),
    }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('insert' as const), at: pos, text: fc.oneof(cableish, fc.string({ unit: codeUnit, maxLength: 50 })) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('line-ends' as const), style: fc.constantFrom('\r\n' as const, '\r' as const) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('flip-bytes' as const), at: fc.array(pos, { minLength: 1, maxLength: 20 }) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('dense-paragraph' as const),
      at: pos,
      unit: fc.constantFrom(...DENSE_UNITS),
      times: fc.integer({ min: 20, max: 600 }),
    }),
  },
);

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Applies one mutation; positions are taken modulo the current size so every op applies to any text. */
function apply(text: string, op: Op, seeds: SeedCable[]): string {
  const at = (n: number) => (text.length === 0 ? 0 : n % (text.length + 1));
  switch (op.op) {
    case 'cut-end':
      return text.slice(0, at(op.at));
    case 'cut-start':
      return text.slice(at(op.at));
    case 'splice': {
      const other = seeds[op.from % seeds.length]!.text;
      const start = op.start % Math.max(1, other.length);
      const p = at(op.at);
      return text.slice(0, p) + other.slice(start, start + op.length) + text.slice(p);
    }
    case 'duplicate-lines':
    case 'delete-lines': {
      const lines = text.split('\n');
      const start = op.start % lines.length;
      const block = lines.slice(start, start + op.count);
      if (op.op === 'delete-lines') lines.splice(start, op.count);
      else lines.splice(op.to % (lines.length + 1), 0, ...block);
      return lines.join('\n');
    }
    case 'swap-lines': {
      const lines = text.split('\n');
      const a = op.a % lines.length;
      const b = op.b % lines.length;
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      return lines.join('\n');
    }
    case 'long-line': {
      const starts = lineStarts(text);
      const k = op.at % starts.length;
      const run = op.unit.repeat(Math.ceil(op.times / op.unit.length));
      if (op.append) {
        const end = k + 1 < starts.length ? starts[k + 1]! - 1 : text.length;
        return `${text.slice(0, end)} ${run}${text.slice(end)}`;
      }
      const p = starts[k]!;
      return `${text.slice(0, p)}${run}\n${text.slice(p)}`;
    }
    case 'insert': {
      const p = at(op.at);
      return text.slice(0, p) + op.text + text.slice(p);
    }
    case 'dense-paragraph': {
      const starts = lineStarts(text);
      const p = starts[op.at % starts.length]!;
      return `${text.slice(0, p)}\n9. (SBU) The figures are ${op.unit.repeat(op.times).trim()}.\n\n${text.slice(p)}`;
    }
    case 'line-ends':
      return text.replace(/\r\n|\r|\n/g, op.style);
    case 'flip-bytes':
      return text;
  }
}

function describe(op: Op): string {
  switch (op.op) {
    case 'long-line':
      return `${op.append ? 'long-run-on-line' : 'long-line'}(${JSON.stringify(op.unit)}x${op.times})`;
    case 'insert':
      return `insert(${op.text.length})`;
    case 'dense-paragraph':
      return `dense-paragraph(${JSON.stringify(op.unit)}x${op.times})`;
    case 'line-ends':
      return `line-ends(${JSON.stringify(op.style)})`;
    case 'splice':
      return `splice(${op.length})`;
    case 'duplicate-lines':
    case 'delete-lines':
      return `${op.op}(${op.count})`;
    default:
      return op.op;
  }
}

/** A real cable with one to four mutations: cuts, splices, duplicated and deleted lines, swapped header lines, long lines. */
export function mutatedCable(seeds: SeedCable[]): fc.Arbitrary<FuzzInput> {
  return fc
    .record({ seed: fc.nat({ max: seeds.length - 1 }), ops: fc.array(opArb, { minLength: 1, maxLength: 4 }), asBytes: fc.boolean() })
    .map(({ seed, ops, asBytes }) => {
      const base = seeds[seed]!;
      const text = ops.reduce((t, op) => apply(t, op, seeds), base.text);
      const label = `${base.name} ${ops.map(describe).join(' ')}`;
      const flips = ops.flatMap((op) => (op.op === 'flip-bytes' ? op.at : []));
      if (!asBytes && flips.length === 0) return { label, text };
      const bytes = new Uint8Array(Buffer.from(text, 'utf8'));
      for (const f of flips) if (bytes.length > 0) bytes[f % bytes.length] = (f >>> 8) & 0xff;
      return { label: `${label} (bytes)`, bytes };
    });
}

/** Random bytes, sometimes behind a byte order mark, read the way the CLI reads a file. */
export const randomBytes: fc.Arbitrary<FuzzInput> = fc
  .tuple(fc.constantFrom([], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff]), fc.uint8Array({ maxLength: 4000 }))
  .map(([bom, body]) => ({ label: `random bytes (${bom.length + body.length}, bom ${bom.length})`, bytes: new Uint8Array([...bom, ...body]) }));

/** Random unicode (lone surrogates included) and cable-like word salad, given to parseCable as text. */
export const randomText: fc.Arbitrary<FuzzInput> = fc.oneof(
  fc.string({ unit: codeUnit, maxLength: 3000 }).map((text) => ({ label: `random code units (${text.length})`, text })),
  fc.string({ unit: 'binary', maxLength: 2000 }).map((text) => ({ label: `random unicode (${text.length})`, text })),
  cableish.map((text) => ({ label: `cable-like salad (${text.length})`, text })),
);

/** The fuzz mix: mostly mutated real cables, then random text and random bytes. */
export function fuzzInput(seeds: SeedCable[]): fc.Arbitrary<FuzzInput> {
  return fc.oneof({ weight: 6, arbitrary: mutatedCable(seeds) }, { weight: 2, arbitrary: randomText }, { weight: 2, arbitrary: randomBytes });
}

export function sizeOf(input: FuzzInput): number {
  return 'bytes' in input ? input.bytes.length : Buffer.byteLength(input.text, 'utf8');
}

/** Markup a hostile page may carry: scripts, styles, event handlers, broken tags, a <pre> hidden in a script. */
export const HOSTILE_MARKUP = [
  '<script>alert(1)</script>',
  '<SCRIPT type="text/javascript">document.write("<pre>INJECTED</pre>")</SCRIPT>',
  '<script>var s = "</pre><pre>INJECTED";</script>',
  '<img src=x onerror=alert(1)>',
  '<img src=x onerror="alert(1)" ',
  '<svg onload=alert(1)><circle r=1></circle></svg>',
  '<a href="javascript:alert(1)" onclick="alert(1)">link</a>',
  '<style>pre{display:none}</style>',
  '<iframe src="javascript:alert(1)"></iframe>',
  "<div onmouseover='alert(1)'>",
  '<body onload=alert(1)>',
  '<scr<script>ipt>alert(1)</script>',
];

/** A real cable page with hostile markup put between tags and at line starts inside its <pre> blocks. */
export function htmlWithMarkup(seeds: SeedCable[]): fc.Arbitrary<FuzzInput & { text: string }> {
  const pages = seeds.filter((s) => s.name.endsWith('.html'));
  return fc
    .record({
      page: fc.nat({ max: pages.length - 1 }),
      inserts: fc.array(fc.record({ at: pos, markup: fc.constantFrom(...HOSTILE_MARKUP) }), { minLength: 1, maxLength: 6 }),
    })
    .map(({ page, inserts }) => {
      const base = pages[page]!;
      const spots: number[] = [];
      for (let i = base.text.indexOf('>'); i >= 0; i = base.text.indexOf('>', i + 1)) spots.push(i + 1);
      for (let i = base.text.indexOf('&#x000A;'); i >= 0; i = base.text.indexOf('&#x000A;', i + 1)) spots.push(i + 8);
      const chosen = inserts.map(({ at, markup }) => ({ at: spots[at % spots.length]!, markup })).sort((a, b) => b.at - a.at);
      const text = chosen.reduce((t, { at, markup }) => t.slice(0, at) + markup + t.slice(at), base.text);
      const label = `${base.name} with ${chosen.map(({ at, markup }) => `${JSON.stringify(markup)} at ${at}`).join(', ')}`;
      return { label, text, [fc.toStringMethod]: () => label };
    });
}
