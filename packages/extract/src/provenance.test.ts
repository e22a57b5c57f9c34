import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeCableBytes, parseCable, type Cable } from './index.js';
import { corpusDir, seedPath } from '../test-support/paths.js';

/** Decodes the HTML text of a source slice the way a reader would see it (tags out, character references decoded). */
function visibleWords(cable: Cable, start: number, end: number): string[] {
  let raw = cable.source.slice(start, end);
  if (cable.format === 'html') {
    raw = raw
      .replace(/<[a-zA-Z/!][^<>]{0,2000}>/g, '')
      .replace(/&#x([0-9a-fA-F]+);/g, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
      .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
      .replace(/&(amp|lt|gt|quot|apos);/g, (_, n: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[n]!);
  }
  return raw.split(/[\s\u2028\u2029¶]+/).filter(Boolean);
}

/** True when `needle` occurs in order inside `hay` (removed noise lines may sit in between). */
function isSubsequence(needle: string[], hay: string[]): boolean {
  let k = 0;
  for (const w of hay) if (k < needle.length && w === needle[k]) k++;
  return k === needle.length;
}

/** A small seeded PRNG so failures are reproducible. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function check(cable: Cable): number {
  const rand = rng(42);
  let checked = 0;
  const problems: string[] = [];
  for (const p of cable.paragraphs) {
    if (p.offsets.length !== p.text.length) problems.push(`#${p.seq}: ${p.offsets.length} offsets for ${p.text.length} characters`);
    if (p.span.start !== p.offsets[0]) problems.push(`#${p.seq}: span starts at ${p.span.start}, text at ${p.offsets[0]}`);
    for (let i = 0; i < p.text.length; i++) {
      if (i > 0 && p.offsets[i]! <= p.offsets[i - 1]!) problems.push(`#${p.seq}: offsets not increasing at ${i}`);
      const ch = p.text[i]!;
      const src = cable.source[p.offsets[i]!]!;
      const ok = ch === ' ' ? /[\s&<\u2028\u2029]/.test(src) : src === ch || src === '&';
      if (!ok) problems.push(`#${p.seq}: text[${i}]=${JSON.stringify(ch)} but source has ${JSON.stringify(src)}`);
    }
    for (let n = 0; n < 5; n++) {
      const i = Math.floor(rand() * p.text.length);
      const j = Math.min(p.text.length, i + 1 + Math.floor(rand() * 200));
      const words = p.text.slice(i, j).split(' ').filter(Boolean);
      const sourceWords = visibleWords(cable, p.offsets[i]!, p.offsets[j - 1]! + 1);
      if (!isSubsequence([...words.join('')], [...sourceWords.join('')])) problems.push(`#${p.seq}: [${i}, ${j}) not in source order`);
      const glued = sourceWords.join('');
      if (!glued.startsWith(words[0] ?? '') || !glued.endsWith(words[words.length - 1] ?? '')) problems.push(`#${p.seq}: [${i}, ${j}) ends differ from source`);
      checked++;
    }
  }
  expect(problems.slice(0, 5)).toEqual([]);
  return checked;
}

describe('provenance: paragraph offsets map back to the source', () => {
  it('for the seed', () => {
    const cable = parseCable(readFileSync(seedPath, 'utf8'));
    expect(check(cable)).toBeGreaterThan(300);
  });

  const files = readdirSync(corpusDir).filter((f) => /\.(txt|html)$/.test(f));
  it('corpus is present', () => {
    expect(files.length).toBe(22);
  });
  for (const file of files) {
    it(`for ${file}`, () => {
      const full = path.join(corpusDir, file);
      const cable = parseCable(decodeCableBytes(readFileSync(full), file), { source: file });
      check(cable);
    });
  }
});
