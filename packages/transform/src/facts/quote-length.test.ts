import type { Cable, Paragraph } from '@cablepress/extract';
import { describe, expect, it } from 'vitest';
import { extractFacts } from './extract.js';

/** A cable whose only paragraph is `text`, with every character at its own offset. */
function cableWith(text: string): Cable {
  const paragraph: Paragraph = {
    seq: 1,
    number: 1,
    section: null,
    key: null,
    kind: 'paragraph',
    classification: null,
    text,
    span: { start: 0, end: text.length },
    offsets: Int32Array.from(text, (_, i) => i),
  };
  return {
    id: '08TEST1',
    format: 'cablegate-text',
    sourceName: null,
    source: text,
    created: null,
    classification: null,
    classificationCaveats: [],
    origin: null,
    title: null,
    transmissionId: null,
    precedence: null,
    dtg: null,
    from: null,
    to: [],
    info: [],
    handling: [],
    eo: null,
    nondisclosureDeadline: null,
    tags: [],
    subject: '',
    references: [],
    classifiedBy: [],
    signedBy: [],
    summary: null,
    paragraphs: [paragraph],
    truncated: false,
    partial: false,
    warnings: [],
    fieldSpans: {},
  } as Cable;
}

describe('fact quotes (every fact repeated its whole sentence, so one endless sentence made the tables grow with the square of the input)', () => {
  it('quote a sentence of ordinary length whole', () => {
    const text = 'Police investigated 38 cases and made 23 arrests.';
    const { quantities } = extractFacts(cableWith(text), ['08TEST1-p001']);
    expect(quantities.map((q) => q.quote)).toEqual([text, text]);
  });

  it('quote only the words around a fact in a sentence longer than 2,000 characters', () => {
    const text = `${'$1,000 '.repeat(3000)}end`;
    const { quantities } = extractFacts(cableWith(text), ['08TEST1-p001']);
    expect(quantities.length).toBeGreaterThan(2000);
    for (const q of quantities) expect(q.quote.length).toBeLessThan(2 * 200 + 20);
    const middle = quantities[1500]!;
    expect(middle.quote).toMatch(/^… \$1,000 .* \$1,000 …$/);
    expect(middle.quote).toContain(middle.text);
    const total = quantities.reduce((n, q) => n + q.quote.length, 0);
    expect(total).toBeLessThan(quantities.length * 420);
  });

  it('quote a dense sentence whole for its first 16 facts and only a few words around each later one', () => {
    const text = `The figures are ${'$1 '.repeat(300).trim()}.`;
    const { quantities } = extractFacts(cableWith(text), ['08TEST1-p001']);
    expect(quantities).toHaveLength(300);
    expect(quantities.slice(0, 16).every((q) => q.quote === text)).toBe(true);
    for (const q of quantities.slice(16)) {
      expect(q.quote.length).toBeLessThanOrEqual(2 * 24 + 4 + 4);
      expect(q.quote).toContain(q.text);
    }
    const total = quantities.reduce((n, q) => n + q.quote.length, 0);
    expect(total / text.length).toBeLessThan(40);
  });

  it('quote a window of a long sentence that has no spaces to cut at', () => {
    const text = `${'$1,'.repeat(1000)}5`;
    const { quantities } = extractFacts(cableWith(text), ['08TEST1-p001']);
    expect(quantities.length).toBeGreaterThan(0);
    for (const q of quantities) {
      expect(q.quote.length).toBeLessThan(2 * 200 + 20);
      expect(q.quote).toContain(q.text);
    }
  });
});
