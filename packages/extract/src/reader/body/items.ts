import { trimRange, type Line, type MappedText } from '../../text.js';
import { readHeader } from '../header.js';
import { fieldAt, fieldSplits, inlinePageBreak, isBannerLine, isDashed, isHandlingNoise, isLayoutNoise, NUMBERED, trailingHeading } from '../lines.js';

/** A body line as the later passes see it: text, or a marker left where a blank, dashed or noise line was. */
export type Item = { type: 'text'; line: Line } | { type: 'blank' } | { type: 'dash' } | { type: 'noise' };

/** The publisher's placeholder for a lost section: "* Missing Section 002 *" between lines of stars. */
const MISSING_SECTION = /^\*+ ?Missing Section \d{1,3} ?\*+$/i;
const STARS = /^\*{5,}$/;

/** Collects the body lines: noise removed, a repeated header block skipped, dashes and blank lines kept as markers. */
export function collectItems(c: MappedText, lines: Line[], from: number, found: { missingSections: number }): Item[] {
  const items: Item[] = [];
  for (let i = from; i < lines.length; i++) {
    const line = lines[i]!;
    const t = c.s.slice(line.start, line.end);
    if (t.length === 0) {
      items.push({ type: 'blank' });
      continue;
    }
    const banner = isBannerLine(t);
    const field = banner ? null : fieldAt(t);
    if (banner || field === 'eo' || field === 'tags') {
      const dup = readHeader(c, lines, banner ? i + 1 : i);
      const fields = (dup.fields.eo ? 1 : 0) + (dup.fields.tags ? 1 : 0) + (dup.fields.subject ? 1 : 0);
      if (banner ? dup.found : fields >= 2) {
        i = dup.bodyStart - 1;
        items.push({ type: 'blank' });
        continue;
      }
      if (banner) {
        items.push({ type: 'noise' });
        continue;
      }
    }
    if (MISSING_SECTION.test(t)) found.missingSections++;
    if (isLayoutNoise(t) || isHandlingNoise(t) || isHeaderFragment(t) || MISSING_SECTION.test(t) || STARS.test(t)) {
      items.push({ type: 'noise' });
      continue;
    }
    if (isDashed(t)) {
      items.push({ type: 'dash' });
      continue;
    }
    pushText(c, items, line);
  }
  return items;
}

/** A repeated header line inside the body: upper case with a TAGS:/E.O./SUBJECT: marker ("SNSITIVE TAGS: TU BO MD"). */
function isHeaderFragment(t: string): boolean {
  return t.length <= 160 && !/[a-z]/.test(t) && !NUMBERED.test(t) && fieldSplits(t).length > 0;
}

/** Pushes a text line, cutting out an inline page-break marker and splitting off a glued dashed heading. */
function pushText(c: MappedText, items: Item[], line: Line): void {
  const t = c.s.slice(line.start, line.end);
  const cut = inlinePageBreak(t);
  if (cut) {
    const before = trimRange(c.s, line.start, line.start + cut[0]);
    const after = trimRange(c.s, line.start + cut[1], line.end);
    if (before.end > before.start) pushText(c, items, before);
    if (after.end > after.start) pushText(c, items, after);
    return;
  }
  const heading = trailingHeading(t);
  if (heading) {
    const before = trimRange(c.s, line.start, line.start + heading.textEnd);
    if (before.end > before.start) items.push({ type: 'text', line: before });
    items.push(
      { type: 'blank' },
      { type: 'dash' },
      { type: 'text', line: { start: line.start + heading.titleStart, end: line.start + heading.titleEnd } },
      { type: 'dash' },
      { type: 'blank' },
    );
    return;
  }
  items.push({ type: 'text', line });
}

const isGap = (item: Item): boolean => item.type === 'blank' || item.type === 'noise';

/** The index of the last item before `k` that is not a blank or noise line, or -1. */
export function prevNonBlankIndex(items: Item[], k: number): number {
  for (let j = k - 1; j >= 0; j--) if (!isGap(items[j]!)) return j;
  return -1;
}

/** The index of the first item from `k` on that is not a blank or noise line, or -1. */
export function nextNonBlankIndex(items: Item[], k: number): number {
  for (let j = k; j < items.length; j++) if (!isGap(items[j]!)) return j;
  return -1;
}

/** Whether the first item from `k` on that is not a blank or noise line is text. */
export function nextText(items: Item[], k: number): boolean {
  const j = nextNonBlankIndex(items, k);
  return j >= 0 && items[j]!.type === 'text';
}
