import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  decodeCableBytes,
  parseCable,
  parseClassifiedBy,
  parseInfoRecipients,
  parseNondisclosureDeadline,
  parseRecipients,
  parseReferences,
  parseSubject,
  parseTags,
} from './index.js';
import { readHtml } from './formats/html.js';
import { corpusDir, corpusExtraDir } from '../test-support/paths.js';

/** Corpus files whose cable text holds a second, foreign header (a database row of another cable) after its own. */
const FOREIGN_ROWS = new Set(['73TEHRAN2077.html', '06GENEVA1673.html', '06GENEVA1673.txt']);

const files = [corpusDir, corpusExtraDir].flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => /\.(txt|html)$/.test(f) && !FOREIGN_ROWS.has(f))
    .map((f) => path.join(dir, f)),
);

describe('each field parser gives parseCable’s answer when handed the whole cable text', () => {
  it('runs over both corpora', () => {
    expect(files.length).toBeGreaterThan(50);
  });
  for (const file of files) {
    it(path.basename(file), () => {
      const raw = decodeCableBytes(readFileSync(file), file);
      const c = parseCable(raw);
      const text = file.endsWith('.html') ? readHtml(raw).cable.s : raw;
      const year = Number((c.created ?? '2000').slice(0, 4));
      if (!c.warnings.some((w) => w.code === 'TAGS_FROM_METADATA')) expect(parseTags(text)).toEqual(c.tags);
      if (!c.warnings.some((w) => w.code === 'SUBJECT_FROM_METADATA')) expect(parseSubject(text)).toBe(c.subject);
      expect(parseReferences(text, year, c.id)).toEqual(c.references);
      expect(parseClassifiedBy(text)).toEqual(c.classifiedBy);
      expect(parseRecipients(text)).toEqual(c.to);
      expect(parseInfoRecipients(text)).toEqual(c.info);
      expect(parseNondisclosureDeadline(text)).toBe(c.nondisclosureDeadline);
    });
  }
});
