import corrections from '../data/tag-corrections.json' with { type: 'json' };
import tagCodes from '../data/tag-codes.json' with { type: 'json' };
import persons from '../data/persons.json' with { type: 'json' };
import phrases from '../data/tag-phrases.json' with { type: 'json' };
import { locateField, stripPageResidue } from './locate.js';

const FIXES: Record<string, string> = corrections.corrections;
const CODES = new Set<string>(tagCodes.codes);
/** "RICE CONDOLEEZZA" and "RICE, CONDOLEEZZA" → "RICE, CONDOLEEZZA". */
const PERSONS = new Map<string, string>(persons.persons.map((p) => [p.replace(',', ''), p]));
const PHRASES = new Set<string>(phrases.phrases);
/** Longest person or phrase, in words. */
const MAX_WORDS = Math.max(...[...PERSONS.keys(), ...PHRASES].map((p) => p.split(' ').length));
/** One side of a person tag: "RICE", "CONDOLEEZZA", "BIDEN, JOSEPH R.". */
const NAME_PART = /^[A-Z' .-]+$/;
/** A repeated header glued after the tags: a classification banner or a section line. */
const REPEATED_HEADER = /\s(?:C O N F I D E N T I A L|S E C R E T|UNCLAS(?:SIFIED)?\b|CONFIDENTIAL\b|SECRET\b|LIMITED OFFICIAL USE\b|SECTION \d{1,2} OF \d)/;
/** Words on a TAGS line that are never tags. */
const NOISE = new Set(['SIPDIS', 'SIPDIS,', 'TAGS', 'AND', 'PAGE', 'OF']);

/**
 * Tags from a TAGS line, or from any text that holds one (a header chunk, a routing header, a whole cable):
 * upper case, in order, de-duplicated. Labels as typed (`TAGS:`, `TAGS`, `TAS:`, `TGS:`, `TAGES:`, glued to
 * the word before); lists over several lines; commas, semicolons or spaces as separators. Person tags
 * `(RICE, CONDOLEEZZA)`, `RICE, CONDOLEEZZA` or `RICE CONDOLEEZZA` give one tag `RICE, CONDOLEEZZA`
 * (data/persons.json); phrases such as `HUMAN RIGHTS` stay one tag (data/tag-phrases.json); glued codes
 * are split only when every piece is a known code (data/tag-codes.json: `PRELKU` → PREL, KU); known typos are
 * corrected (data/tag-corrections.json); SIPDIS and page-break residue are dropped. With `canonicalize: false`
 * the tags are as written: no typo corrected, no glued codes split, repeats kept. No TAGS label, no tags.
 */
export function parseTags(text: string, { canonicalize = true }: { canonicalize?: boolean } = {}): string[] {
  const found = locateField(text, 'tags');
  if (found.length === 0) return [];
  const located = stripPageResidue(found.join('\n')).replace(/^\s*TAGS?\b\s*:?/i, ' ');
  const banner = REPEATED_HEADER.exec(located);
  const body = banner ? located.slice(0, banner.index) : located;
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (raw: string): void => {
    const tag = canonicalize ? (FIXES[raw] ?? raw) : raw;
    if (tag && (!canonicalize || !seen.has(tag))) {
      seen.add(tag);
      out.push(tag);
    }
  };
  const words: string[] = [];
  const flush = (): void => {
    addWords(words, add, canonicalize);
    words.length = 0;
  };
  let i = 0;
  const n = body.length;
  while (i < n) {
    const c = body[i]!;
    if (c === '(') {
      flush();
      const close = body.indexOf(')', i + 1);
      const inner = close < 0 ? body.slice(i + 1) : body.slice(i + 1, close);
      const person = inner.toUpperCase().replace(/\s+/g, ' ').trim();
      const comma = person.indexOf(',');
      const [surname, given] = [person.slice(0, comma).trim(), person.slice(comma + 1).trim()];
      if (comma > 0 && NAME_PART.test(surname) && NAME_PART.test(given)) add(`${surname}, ${given}`);
      else words.push(...person.split(/[\s;]+/));
      flush();
      i = close < 0 ? n : close + 1;
      continue;
    }
    if (c === ';' || c === '\n') {
      flush();
      i++;
      continue;
    }
    if (c === ',' || /\s/.test(c)) {
      if (c === ',') words.push(',');
      i++;
      continue;
    }
    let j = i;
    while (j < n && !/[\s,;(]/.test(body[j]!)) j++;
    words.push(body.slice(i, j).toUpperCase());
    i = j;
  }
  flush();
  return out;
}

/**
 * A run of words (with "," entries for commas) → tags, reading persons and phrases first. In a list with commas
 * an item of several words that opens with a word that is not a code is one tag ("GOI EXTERNAL"); without commas, words that are
 * not codes run together into one tag when one of them has six letters or more ("IRAQI FREEDOM", "TIP IN
 * TURKEY": a short word between two such words joins them; "CVR CTERR" stays two).
 */
function addWords(raw: string[], add: (t: string) => void, split: boolean): void {
  const words = raw.map((w) => (w === ',' ? w : w.replace(/^[^A-Z0-9]+|[^A-Z0-9_]+$/g, ''))).filter((w) => w && !NOISE.has(w));
  const commas = words.includes(',');
  let k = 0;
  while (k < words.length) {
    if (words[k] === ',') {
      k++;
      continue;
    }
    const long = longestName(words, k);
    if (long) {
      add(long.tag);
      k = long.next;
      continue;
    }
    const end = commas ? itemEnd(words, k) : phraseEnd(words, k);
    if (end > k + 1) {
      add(words.slice(k, end).join(' '));
      k = end;
      continue;
    }
    addToken(words[k]!, add, split);
    k++;
  }
}

/** Where the comma-delimited item at words[k] ends, when it opens with a word that is not a code ("GOI EXTERNAL"); else k + 1. */
function itemEnd(words: string[], k: number): number {
  if (isCodeLike(words[k]!)) return k + 1;
  let e = k + 1;
  while (e < words.length && words[e] !== ',' && longestName(words, e) === null) e++;
  return e;
}

/** Where a run of words that are not codes, starting at words[k], ends (k + 1 when it is one word or a code). */
function phraseEnd(words: string[], k: number): number {
  if (isCodeLike(words[k]!)) return k + 1;
  const isWord = (j: number): boolean => j < words.length && words[j] !== ',' && !isCodeLike(words[j]!) && longestName(words, j) === null;
  let e = k + 1;
  for (;;) {
    if (isWord(e)) e++;
    else if (e < words.length && words[e]!.length <= 3 && words[e] !== ',' && isWord(e + 1)) e += 2;
    else return words.slice(k, e).some((w) => w.length >= 6) ? e : k + 1;
  }
}

/**
 * A TAGS code, a known typo of one, a glued run of codes, or a word shaped like a code: two letters, four from a
 * TAGS category, or no vowel ("CVR").
 */
function isCodeLike(w: string): boolean {
  return (
    CODES.has(w) ||
    !/[AEIOUY]/.test(w) ||
    FIXES[w] !== undefined ||
    /^[A-Z]{2}$/.test(w) ||
    /^[ABCEKMOPST][A-Z]{3}$/.test(w) ||
    /\d/.test(w) ||
    (w.length >= 5 && splitGlued(w) !== null)
  );
}

/** A person or phrase starting at words[k] (a comma between surname and given name allowed). */
function longestName(words: string[], k: number): { tag: string; next: number } | null {
  let best: { tag: string; next: number } | null = null;
  const parts: string[] = [];
  let comma = false;
  for (let j = k; j < words.length && parts.length < MAX_WORDS; j++) {
    const w = words[j]!;
    if (w === ',') {
      if (parts.length !== 1) break;
      comma = true;
      continue;
    }
    parts.push(w);
    if (parts.length < 2) continue;
    const key = parts.join(' ');
    const person = PERSONS.get(key);
    if (person) best = { tag: person, next: j + 1 };
    else if (!comma && PHRASES.has(key)) best = { tag: key, next: j + 1 };
  }
  return best;
}

function addToken(token: string, add: (t: string) => void, split: boolean): void {
  if (!token) return;
  const pieces = split && !CODES.has(token) && !FIXES[token] && /^[A-Z]{5,}$/.test(token) ? splitGlued(token) : null;
  if (pieces) for (const p of pieces) add(p);
  else add(token);
}

/**
 * A glued run of codes split into known codes ("KFRDKIRFCVIS" → KFRD KIRF CVIS, "IZPGOV" → IZ PGOV), with
 * the fewest pieces; null when some piece would not be a known code or every piece would be a two-letter
 * country code (an ordinary word stays whole: POLITICS is not PO LI TI CS).
 */
export function splitGlued(token: string): string[] | null {
  const n = token.length;
  if (n > 120) return null;
  const best: (string[] | null)[] = new Array<string[] | null>(n + 1).fill(null);
  best[0] = [];
  for (let i = 0; i < n; i++) {
    const here = best[i];
    if (!here) continue;
    for (let len = 2; len <= 6 && i + len <= n; len++) {
      const piece = token.slice(i, i + len);
      if (!CODES.has(piece)) continue;
      const cand = [...here, piece];
      const cur = best[i + len];
      if (!cur || cand.length < cur.length) best[i + len] = cand;
    }
  }
  const pieces = best[n];
  return pieces && pieces.length > 1 && pieces.some((p) => p.length > 2) ? pieces : null;
}
