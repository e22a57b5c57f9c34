import type { Paragraph } from '../types.js';
import { MAX_PARAGRAPHS, tooManyParagraphs } from '../limits.js';
import type { Line, MappedText } from '../text.js';
import { buildText, vocabularyOf } from './body/dehyphenate.js';
import { headingOf } from './body/headings.js';
import { collectItems, type Item } from './body/items.js';
import { joinBrokenSentences, markCommentBlocks, splitBlock } from './body/paragraphs.js';
import { newScope } from './body/quotes.js';
import { takeSignature } from './body/signature.js';
import { headingUnit, type Unit } from './body/unit.js';

export interface BodyResult {
  paragraphs: Paragraph[];
  /** Signers found at the end of the text (removed from the paragraphs unless glued to other text). */
  signedBy: string[];
  /** How many "* Missing Section NNN *" placeholders the publisher left in the text. */
  missingSections: number;
}

/**
 * Reads the body into paragraphs with sections, keys, numbers, markings and kinds, in passes: the lines become
 * items (noise out), blocks of items become headings and paragraph units (quotes followed), broken sentences are
 * joined, comments marked, the signature taken off the end, and each unit's text built (wrapped hyphens undone).
 * A body cut into more than `MAX_PARAGRAPHS` units is refused (INPUT_TOO_MANY_PARAGRAPHS, naming `file`) before any
 * paragraph text is built.
 */
export function readBody(c: MappedText, lines: Line[], from: number, file?: string): BodyResult {
  const found = { missingSections: 0 };
  const items = collectItems(c, lines, from, found);
  const merged = joinBrokenSentences(c, readUnits(c, items, file));
  const textUnits = merged.filter((u) => u.heading === null);
  markCommentBlocks(c, merged);
  const signedBy = takeSignature(c, textUnits);
  return { paragraphs: buildParagraphs(c, textUnits), signedBy, missingSections: found.missingSections };
}

/** Walks the blocks of text items: each opens with a heading or is cut into paragraph units; stops past `MAX_PARAGRAPHS`. */
function readUnits(c: MappedText, items: Item[], file: string | undefined): Unit[] {
  const units: Unit[] = [];
  let headings = 0;
  const scope = newScope();
  const usedDashes = new Set<number>();
  let afterBreak = false;
  let afterNoise = false;
  let k = 0;
  while (k < items.length) {
    const item = items[k]!;
    if (item.type !== 'text') {
      afterBreak = true;
      if (item.type === 'noise') afterNoise = true;
      if (item.type === 'dash') afterNoise = false;
      k++;
      continue;
    }
    let e = k;
    while (e < items.length && items[e]!.type === 'text') e++;
    const block = items.slice(k, e).map((it) => (it as { line: Line }).line);
    const heading = headingOf({ c, items, k, e, lines: block, inQuote: scope.inQuote, usedDashes });
    if (heading) {
      scope.section = heading.title;
      units.push(headingUnit(heading.title));
      headings++;
      if (heading.endsQuote) scope.inQuote = false;
      if (heading.rest.length > 0) splitBlock(c, units, scope, heading.rest, false, false);
    } else {
      splitBlock(c, units, scope, block, afterBreak, afterNoise);
    }
    afterBreak = false;
    afterNoise = false;
    k = e;
    if (units.length - headings > MAX_PARAGRAPHS) throw tooManyParagraphs(file);
  }
  return units;
}

/** The paragraphs of the text units, numbered in order; a unit whose text is empty is left out. */
function buildParagraphs(c: MappedText, units: Unit[]): Paragraph[] {
  let words: Set<string> | null = null;
  const vocabulary = (): Set<string> => (words ??= vocabularyOf(c.s));
  const paragraphs: Paragraph[] = [];
  for (const u of units) {
    const built = buildText(c, u.segs, vocabulary);
    if (built.text.length === 0) continue;
    paragraphs.push({
      seq: paragraphs.length + 1,
      number: u.number,
      section: u.section,
      key: u.key,
      kind: u.kind,
      classification: u.marking,
      text: built.text,
      span: built.span,
      offsets: built.offsets,
    });
  }
  return paragraphs;
}
