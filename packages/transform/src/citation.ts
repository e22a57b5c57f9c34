import { leadingRoman } from '@cablepress/core';
import type { ParagraphRow } from '@cablepress/validate';

type Placed = Pick<ParagraphRow, 'paragraph_id' | 'cable_id' | 'seq' | 'number' | 'section' | 'key'>;

/**
 * The reftel key each paragraph answers: its own key, or the key of the nearest keyed paragraph before it in the same
 * section (the paragraphs after "A and B. ..." continue the answer to A and B).
 */
export function inheritedKeys(paragraphs: readonly Placed[]): Map<string, string | null> {
  const keys = new Map<string, string | null>();
  const ordered = [...paragraphs].sort((a, b) => (a.cable_id === b.cable_id ? a.seq - b.seq : a.cable_id < b.cable_id ? -1 : 1));
  let last: { cable: string; section: string | null; key: string | null } = { cable: '', section: null, key: null };
  for (const p of ordered) {
    const sameSection = last.cable === p.cable_id && last.section === p.section;
    const key = p.key ?? (sameSection && p.number === null ? last.key : null);
    keys.set(p.paragraph_id, key);
    last = { cable: p.cable_id, section: p.section, key };
  }
  return keys;
}

/**
 * How people cite a paragraph of a cable: "¶ 5" for the paragraph the cable numbers 5; else its place counted from the
 * start, the section it falls under (its roman numeral, else its heading) and the reftel key it answers:
 * "paragraph 79, section XXIX G and H". The one place a citation is made: the paragraphs and indicators tables publish
 * it, and the README, fact sheet and site print it.
 */
export function paragraphCitation(p: Pick<ParagraphRow, 'seq' | 'number' | 'section'>, key: string | null): string {
  if (p.number !== null) return `\u00b6 ${p.number}`;
  const heading =
    p.section
      ?.replace(/\s+/g, ' ')
      .replace(/[\s:.]+$/, '')
      .trim() || null;
  const section = heading ? `section ${leadingRoman(heading) ?? heading}` : null;
  const where = [section, key].filter((x): x is string => Boolean(x)).join(' ');
  return where ? `paragraph ${p.seq}, ${where}` : `paragraph ${p.seq}`;
}
