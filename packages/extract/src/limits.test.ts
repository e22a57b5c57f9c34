import { InputError } from '@cablepress/core';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_LINES, MAX_PARAGRAPHS, parseCable } from './index.js';
import { corpusDir, seedPath } from '../test-support/paths.js';

const seedText = readFileSync(seedPath, 'utf8');
const at = seedText.indexOf('\n1. (SBU)');
const end = seedText.lastIndexOf('\n\nShare this cable');

/** The seed's header and signature around `count` short numbered paragraphs, as a 16 MB file can hold 1.4 million of. */
function withParagraphs(count: number): string {
  const body = Array.from({ length: count }, (_, i) => `${i + 1}. (U) Text ${i % 10} cases.\n\n`).join('');
  return seedText.slice(0, at + 1) + body + seedText.slice(end);
}

function refusal(text: string): InputError {
  try {
    parseCable(text, { source: 'many.txt' });
  } catch (error) {
    return error as InputError;
  }
  throw new Error('expected a refusal');
}

describe('the limits of one cable (a 16 MB file of short paragraphs or lines needed gigabytes of memory, issue 26)', () => {
  it(`reads a cable of ${MAX_PARAGRAPHS} paragraphs`, () => {
    expect(parseCable(withParagraphs(MAX_PARAGRAPHS)).paragraphs).toHaveLength(MAX_PARAGRAPHS);
  });

  it('refuses one paragraph more with INPUT_TOO_MANY_PARAGRAPHS, naming the file', () => {
    const error = refusal(withParagraphs(MAX_PARAGRAPHS + 1));
    expect(error).toBeInstanceOf(InputError);
    expect(error.code).toBe('INPUT_TOO_MANY_PARAGRAPHS');
    expect(error.location).toEqual({ file: 'many.txt' });
    expect(error.message).toBe(
      'the cable has more than 10,000 paragraphs, more than a cable may have (real cables have fewer than 500); it was not read further.',
    );
  });

  it('refuses more than MAX_LINES lines (blank lines too) with INPUT_TOO_MANY_LINES before reading', () => {
    const text = seedText.slice(0, at + 1) + '\n'.repeat(MAX_LINES) + seedText.slice(at + 1);
    const error = refusal(text);
    expect(error.code).toBe('INPUT_TOO_MANY_LINES');
    expect(error.message).toMatch(/^the text has 25\d,\d{3} lines, more than the 250,000 an input may have/);
  });

  it('counts the line ends a page writes as character references, in its cable text', () => {
    const page = readFileSync(path.join(corpusDir, '10SANAA295.html'), 'utf8');
    const pre = page.lastIndexOf('</pre>');
    const error = refusal(page.slice(0, pre) + 'x&#x000A;'.repeat(MAX_LINES) + page.slice(pre));
    expect(error.code).toBe('INPUT_TOO_MANY_LINES');
    expect(error.message).toMatch(/^the text has 25\d,\d{3} lines/);
  });

  it('counts CRLF and lone CR line ends as one line end each', () => {
    const pad = MAX_LINES - seedText.split('\n').length + 1;
    expect(refusal(seedText + '\r\n'.repeat(pad)).message).toMatch(/^the text has 250,001 lines/);
    expect(refusal(seedText + '\r'.repeat(pad)).message).toMatch(/^the text has 250,001 lines/);
  });
});
