import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BREAK_EVERY, MAX_CHARS, MAX_RUN, breakLongRuns, breakable, capLength, ZERO_WIDTH_SPACE as ZW } from './breakable.js';

describe('breakable', () => {
  it.each([
    ['a sentence of the seed', 'The cable warns: “Statistics in Laos are notoriously unreliable and difficult to find.” (XXVII E)'],
    ['a sha256 the sources print', 'ec69ad48d707088705fdf30426f7f88538659908c058e5738abfb7424e005fc0'],
    ['the URL of a cable’s public original', 'https://wikileaks.org/plusd/cables/08VIENTIANE145_a.html'],
    ['a run of exactly MAX_RUN characters', 'x'.repeat(MAX_RUN)],
    ['an empty text', ''],
  ])('leaves %s unchanged', (_, text) => {
    expect(breakable(text)).toBe(text);
  });

  it(`puts a zero-width space after every ${BREAK_EVERY} characters of a run longer than ${MAX_RUN}, and nowhere else`, () => {
    const run = 'ABCDEFGHIJ'.repeat(12) + 'XY';
    expect(breakable(`SUBJECT: ${run} END`)).toBe(`SUBJECT: ${'ABCDEFGHIJ'.repeat(12).split('J').join(`J${ZW}`)}XY END`);
  });

  it('never breaks inside a grapheme cluster (a letter and its accent, an emoji and its modifier)', () => {
    const accented = 'e\u0301'.repeat(150);
    const broken = breakLongRuns(accented);
    expect(broken).not.toContain(`${ZW}\u0301`);
    expect(broken.split(ZW).every((piece) => piece === 'e\u0301'.repeat(BREAK_EVERY) || piece === 'e\u0301'.repeat(150 % BREAK_EVERY))).toBe(true);
    const waves = breakLongRuns('\u{1F44B}\u{1F3FD}'.repeat(120));
    expect(waves.replaceAll(ZW, '')).toBe('\u{1F44B}\u{1F3FD}'.repeat(120));
    expect(waves.split(ZW).every((piece) => piece === '\u{1F44B}\u{1F3FD}'.repeat(BREAK_EVERY))).toBe(true);
  });

  it('is the same when applied twice', () => {
    for (const text of ['a'.repeat(100_000), `${'b'.repeat(150)} ${'c'.repeat(101)}`, 'e\u0301'.repeat(300)])
      expect(breakable(breakable(text))).toBe(breakable(text));
  });

  it(`cuts a text longer than ${MAX_CHARS} characters with an ellipsis`, () => {
    const cut = breakable('a'.repeat(100_000));
    expect(cut.endsWith('a…')).toBe(true);
    expect(cut.replaceAll(ZW, '')).toBe(`${'a'.repeat(MAX_CHARS - 1)}…`);
  });

  it('never leaves half a surrogate pair at the cut', () => {
    const waves = '\u{1F44B}'.repeat(MAX_CHARS);
    expect(capLength(waves)).toBe(`${'\u{1F44B}'.repeat(MAX_CHARS / 2 - 1)}…`);
    expect(capLength(`a${waves}`)).toBe(`a${'\u{1F44B}'.repeat(MAX_CHARS / 2 - 1)}…`);
    for (const text of [waves, `a${waves}`]) expect(() => encodeURIComponent(capLength(text))).not.toThrow();
  });
});

/** The fact sheet's source files (not its tests or fixtures), relative to this folder. */
function sources(): string[] {
  const dir = import.meta.dirname;
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.startsWith('fixtures'))
    .map((f) => f.split(path.sep).join('/'));
}

describe('the way text reaches pdfkit', () => {
  it('goes through the Typesetter of pdf.ts (which makes every text breakable) and nowhere else', () => {
    const files = sources();
    expect(files).toEqual(expect.arrayContaining(['pdf.ts', 'layout/sheet.ts', 'sections/key-figures.ts', 'comparison.ts']));
    const direct = files
      .filter((f) => f !== 'pdf.ts')
      .flatMap((f) =>
        [...readFileSync(path.join(import.meta.dirname, f), 'utf8').matchAll(/(\S*)\s*\.text\(|widthOfString|heightOfString/g)]
          .filter((m) => m[0].includes('OfString') || !/(^|[^\w.])(s|this)$/.test(m[1] ?? ''))
          .map((m) => `${f}: ${m[0]}`),
      );
    expect(direct).toEqual([]);
  });
});
