// A synthetic corpus the size of Cablegate, made from the real cables of tests/cables/corpus and the seed cable.
// `node bench/synthetic-corpus.mjs <dir> <cables>` writes it; bench/scale.mjs imports `makeSyntheticCorpus`.
// Never committed: it is generated into a temp folder and deleted after the run.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const devCorpus = path.join(root, 'tests/cables/corpus');
const extraCorpus = path.join(root, 'tests/cables/corpus-extra');
const seedFile = path.join(root, 'datasets/laos-tip-2008/source/08VIENTIANE145.txt');

/** Share of large cables (HTML pages and the seed, ~75 KB); the other text files are ~5.9 KB: 2 % gives about the Cablegate mean (6.8 KB). */
const LARGE_SHARE = 0.02;
const LARGE = 20_000;
/** Years with a 29 February, for templates dated on one (the seed is dated 29 February 2008). */
const LEAP_YEARS = [2000, 2004, 2008];
/** Cablegate spans 1966-2010, most of it 2004-2010: years are drawn from this list (repeats weight the late years). */
const YEARS = [1973, 1979, 1985, 1990, 1995, 2000, 2001, 2002, 2003, 2004, 2005, 2005, 2006, 2006, 2007, 2007, 2007, 2008, 2008, 2008, 2009, 2009, 2009, 2010, 2010];

function manifest(dir) {
  return JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
}

/** The posts to write cables from: every one-word "Embassy X" / "Consulate X" origin of the two dev corpora's manifests. */
function posts() {
  const names = new Set(['Embassy Vientiane']);
  for (const entry of [...manifest(devCorpus), ...manifest(extraCorpus)]) {
    if (/^(Embassy|Consulate) [A-Z][a-z]+$/.test(entry.origin)) names.add(entry.origin);
  }
  return [...names].sort().map((origin) => ({ origin, token: origin.split(' ')[1].toUpperCase() }));
}

/** A template cable: its text, id, post token (CAIRO) and display origin (Embassy Cairo), and the 4-digit year of its date. */
function templates() {
  const byFile = new Map(manifest(devCorpus).map((e) => [e.file, e]));
  const list = [];
  for (const file of readdirSync(devCorpus).filter((f) => /\.(txt|html)$/.test(f)).sort()) {
    const entry = byFile.get(file);
    const year = /\b(1[0-9]{3}|20[0-9]{2})\b/.exec(entry.created.replace(/ [+-]\d{4} /, ' '))[1];
    list.push({ file, text: readFileSync(path.join(devCorpus, file), 'latin1'), id: entry.id, origin: entry.origin, year });
  }
  list.push({ file: '08VIENTIANE145.txt', text: readFileSync(seedFile, 'latin1'), id: '08VIENTIANE145', origin: 'Embassy Vientiane', year: '2008' });
  return list
    .map((t) => ({ ...t, ext: path.extname(t.file), token: /^\d\d([A-Z]+?)\d+$/.exec(t.id)?.[1] ?? null, leapDay: /\b29 (FEB|February)\b|\bFeb(ruary)? 29\b|-02-29\b/i.test(t.text) }))
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
    text = text.replace(new RegExp(`\\b${escape(t.token)}\\b`, 'g'), post.token).replace(new RegExp(`\\b${escape(titleCase(t.token))}\\b`, 'g'), titleCase(post.token));
  }
  text = text.replaceAll(t.origin, post.origin);
  return text.replace(new RegExp(`\\b${t.year}\\b`, 'g'), String(year));
}

/**
 * Writes `count` cables into `dir` (folders of 1000 files): each is a template cable from the dev corpus with a
 * distinct id `<yy><POST><n>`, a post drawn from the manifests' embassies and a year drawn from YEARS, so ids, dates
 * and origins vary as in Cablegate. Returns the number of cables and bytes written.
 */
export function makeSyntheticCorpus(dir, count, seed = 16) {
  const next = random(seed);
  const all = templates();
  const large = all.filter((t) => t.text.length >= LARGE);
  const small = all.filter((t) => t.text.length < LARGE);
  const postList = posts();
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const pool = next() < LARGE_SHARE ? large : small;
    const t = pool[Math.floor(next() * pool.length)];
    const post = postList[Math.floor(next() * postList.length)];
    const years = t.leapDay ? LEAP_YEARS : YEARS;
    const year = years[Math.floor(next() * years.length)];
    const id = `${String(year % 100).padStart(2, '0')}${post.token}${100000 + i}`;
    const folder = path.join(dir, `part-${String(Math.floor(i / 1000)).padStart(3, '0')}`);
    if (i % 1000 === 0) mkdirSync(folder, { recursive: true });
    const content = Buffer.from(rewrite(t, id, post, year), 'latin1');
    writeFileSync(path.join(folder, `${id}${t.ext}`), content);
    bytes += content.length;
  }
  return { count, bytes };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir, count] = process.argv.slice(2);
  if (!dir || !/^\d+$/.test(count ?? '')) {
    console.error('usage: node bench/synthetic-corpus.mjs <dir> <cables>');
    process.exit(2);
  }
  const made = makeSyntheticCorpus(path.resolve(dir), Number(count));
  console.log(`${made.count} cables, ${(made.bytes / 1e6).toFixed(1)} MB (${(made.bytes / made.count / 1e3).toFixed(1)} KB a cable) in ${dir}`);
}
