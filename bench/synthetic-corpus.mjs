// A synthetic corpus the size of Cablegate, made from real cables of the repository: the source cables of every
// dataset under datasets/ and, when present, the vendored test corpus (or the folders of BENCH_TEMPLATES, separated by
// ':'). `node bench/synthetic-corpus.mjs <dir> <cables>` writes it; bench/scale.mjs imports `makeSyntheticCorpus`.
// Never committed: it is generated into a temp folder and deleted after the run.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeCableBytes, parseCable } from '../packages/extract/dist/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The folders of template cables: BENCH_TEMPLATES, or every dataset's source/ and the vendored test corpora. */
export function templateFolders(env = process.env) {
  if (env.BENCH_TEMPLATES)
    return env.BENCH_TEMPLATES.split(':')
      .filter(Boolean)
      .map((dir) => path.resolve(dir));
  const datasets = readdirSync(path.join(root, 'datasets')).map((name) => path.join(root, 'datasets', name, 'source'));
  const vendored = ['tests/cables/corpus', 'tests/cables/corpus-extra'].map((dir) => path.join(root, dir));
  return [...datasets, ...vendored].filter((dir) => existsSync(dir));
}

/** Share of large cables (HTML pages, ~75 KB); the other text files are ~5.9 KB: 2 % gives about the Cablegate mean (6.8 KB). */
const LARGE_SHARE = 0.02;
const LARGE = 20_000;
/** Years with a 29 February, for templates dated on one (the seed is dated 29 February 2008). */
const LEAP_YEARS = [2000, 2004, 2008];
/** Cablegate spans 1966-2010, most of it 2004-2010: years are drawn from this list (repeats weight the late years). */
const YEARS = [
  1973, 1979, 1985, 1990, 1995, 2000, 2001, 2002, 2003, 2004, 2005, 2005, 2006, 2006, 2007, 2007, 2007, 2008, 2008, 2008, 2009, 2009, 2009, 2010, 2010,
];
/** Posts that sent Cablegate cables, beside the templates' own: the origins a synthetic cable is given. */
const POSTS = [
  'Embassy Ankara',
  'Embassy Asuncion',
  'Embassy Baghdad',
  'Embassy Bishkek',
  'Embassy Cairo',
  'Embassy Caracas',
  'Embassy Geneva',
  'Embassy Hanoi',
  'Embassy Havana',
  'Embassy London',
  'Embassy Madrid',
  'Embassy Manama',
  'Embassy Mexico',
  'Embassy Recife',
  'Embassy Reykjavik',
  'Embassy Sanaa',
  'Embassy Santiago',
  'Embassy Tehran',
  'Embassy Tripoli',
  'Embassy Vientiane',
];

/** The posts to write cables from: POSTS and every one-word "Embassy X" / "Consulate X" origin of the templates. */
function posts(list) {
  const names = new Set(POSTS);
  for (const t of list) if (/^(Embassy|Consulate) [A-Z][a-z]+$/.test(t.origin)) names.add(t.origin);
  return [...names].sort().map((origin) => ({ origin, token: origin.split(' ')[1].toUpperCase() }));
}

/** A template cable: its text, id (the file's stem, as written in it), post token (CAIRO), origin (Embassy Cairo) and the 4-digit year of its date, read by the parser. */
function templates(folders) {
  const list = [];
  const seen = new Set();
  for (const dir of folders) {
    for (const file of readdirSync(dir)
      .filter((f) => /\.(txt|html)$/.test(f))
      .sort()) {
      const bytes = readFileSync(path.join(dir, file));
      let cable;
      try {
        cable = parseCable(decodeCableBytes(bytes, file), { source: file });
      } catch {
        continue;
      }
      if (seen.has(file) || !cable.created || !cable.origin) continue;
      seen.add(file);
      list.push({ file, text: bytes.toString('latin1'), id: path.basename(file, path.extname(file)), origin: cable.origin, year: cable.created.slice(0, 4) });
    }
  }
  return list
    .map((t) => ({
      ...t,
      ext: path.extname(t.file),
      token: /^\d\d([A-Z]+?)\d+$/.exec(t.id)?.[1] ?? null,
      leapDay: /\b29 (FEB|February)\b|\bFeb(ruary)? 29\b|-02-29\b/i.test(t.text),
    }))
    .filter((t) => t.text.length > 1000);
}

/** A small deterministic PRNG (mulberry32), so the same seed gives the same corpus. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const titleCase = (s) => s[0] + s.slice(1).toLowerCase();

/** One template rewritten as another cable: new id everywhere, new post (upper- and title-case), new year. */
function rewrite(t, id, post, year) {
  let text = t.text.replaceAll(t.id, id);
  if (t.token && t.token.length >= 4) {
    text = text
      .replace(new RegExp(`\\b${escape(t.token)}\\b`, 'g'), post.token)
      .replace(new RegExp(`\\b${escape(titleCase(t.token))}\\b`, 'g'), titleCase(post.token));
  }
  text = text.replaceAll(t.origin, post.origin);
  return text.replace(new RegExp(`\\b${t.year}\\b`, 'g'), String(year));
}

/**
 * Writes `count` cables into `dir` (folders of 1000 files): each is a template cable with a distinct id
 * `<yy><POST><n>`, a post and a year drawn at random, so ids, dates and origins vary as in Cablegate. `first` numbers
 * the cables from another start (a corpus to add to an existing one: `first` = its size, another `seed`). Returns the
 * number of cables and bytes written and the templates used.
 */
export function makeSyntheticCorpus(dir, count, { seed = 16, first = 0, folders = templateFolders() } = {}) {
  const next = random(seed);
  const all = templates(folders);
  const large = all.filter((t) => t.text.length >= LARGE);
  const small = all.filter((t) => t.text.length < LARGE);
  if (all.length === 0) throw new Error(`no template cables in ${folders.join(', ')}`);
  const postList = posts(all);
  let bytes = 0;
  for (let i = first; i < first + count; i++) {
    const pool = small.length === 0 || (large.length > 0 && next() < LARGE_SHARE) ? large : small;
    const t = pool[Math.floor(next() * pool.length)];
    const post = postList[Math.floor(next() * postList.length)];
    const years = t.leapDay ? LEAP_YEARS : YEARS;
    const year = years[Math.floor(next() * years.length)];
    const id = `${String(year % 100).padStart(2, '0')}${post.token}${100000 + i}`;
    const folder = path.join(dir, `part-${String(Math.floor(i / 1000)).padStart(3, '0')}`);
    if (i % 1000 === 0 || i === first) mkdirSync(folder, { recursive: true });
    const content = Buffer.from(rewrite(t, id, post, year), 'latin1');
    writeFileSync(path.join(folder, `${id}${t.ext}`), content);
    bytes += content.length;
  }
  return { count, bytes, templates: all.length, folders };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir, count] = process.argv.slice(2);
  if (!dir || !/^\d+$/.test(count ?? '')) {
    console.error('usage: [BENCH_TEMPLATES=dir:dir] node bench/synthetic-corpus.mjs <dir> <cables>');
    process.exit(2);
  }
  const made = makeSyntheticCorpus(path.resolve(dir), Number(count));
  console.log(
    `${made.count} cables, ${(made.bytes / 1e6).toFixed(1)} MB (${(made.bytes / made.count / 1e3).toFixed(1)} KB a cable) from ${made.templates} templates in ${made.folders.join(', ')}, in ${dir}`,
  );
}
