import type { MappedText } from '../../text.js';
import { cleanName, isTrailerLine, parseSignedBy } from '../../fields/signed-by.js';
import type { Item } from './items.js';
import type { Unit } from './unit.js';

/**
 * Finds the signature at the end of the last unit (its own block, or the last line after a finished sentence)
 * and removes those lines from the unit. A name glued to a "*** ... ***" banner stays in the text.
 */
export function takeSignature(c: MappedText, units: Unit[]): string[] {
  const isTrailerUnit = (u: Unit): boolean => u.segs.every((l) => isTrailerLine(c.s.slice(l.start, l.end)));
  let tail = units.length;
  while (tail > 1 && isTrailerUnit(units[tail - 1]!)) tail--;
  if (tail < units.length) {
    const names = takeSignature(c, units.slice(0, tail));
    if (names.length > 0) {
      units.splice(tail, units.length - tail);
      return names;
    }
  }
  const last = units[units.length - 1];
  if (!last || last.segs.length === 0) return [];
  const lines = last.segs.map((l) => c.s.slice(l.start, l.end));
  const names = parseSignedBy((last.afterBreak || last.segs.length > 1 ? '' : '.\n') + lines.join('\n'));
  if (names.length === 0) return [];
  let trailing = 0;
  while (trailing < lines.length - 1 && isTrailerLine(lines[lines.length - 1 - trailing]!)) trailing++;
  if (trailing > 0) {
    last.segs.splice(last.segs.length - trailing, trailing);
    lines.splice(lines.length - trailing, trailing);
  }
  const lastLine = lines[lines.length - 1]!;
  if (lastLine.includes('*')) return names;
  if (cutGluedName(c, last, lastLine, names)) return names;
  dropNameLines(last, lines, names);
  if (last.segs.length === 0) units.pop();
  return names;
}

/** A name at the end of a text line ("... in Bangkok. JOHN"): cuts it off the line. */
function cutGluedName(c: MappedText, last: Unit, lastLine: string, names: string[]): boolean {
  const joined = names.join(' ');
  const compact = lastLine.replace(/[\s/]+/g, ' ').trim();
  if (compact === joined || !compact.endsWith(names[names.length - 1]!)) return false;
  const seg = last.segs[last.segs.length - 1]!;
  let end = seg.end - names[names.length - 1]!.length;
  while (end > seg.start && c.s.charCodeAt(end - 1) === 0x20) end--;
  seg.end = end;
  return true;
}

/** Drops the last lines of the unit that together spell the names. */
function dropNameLines(last: Unit, lines: string[], names: string[]): void {
  let drop = 0;
  let remaining = names.join(' ');
  for (let k = lines.length - 1; k >= 0 && remaining.length > 0; k--) {
    const t = cleanName(lines[k]!.replace(/[\s/]+/g, ' ').trim());
    if (!remaining.endsWith(t)) break;
    remaining = remaining.slice(0, remaining.length - t.length).trim();
    drop++;
  }
  last.segs.splice(last.segs.length - drop, drop);
}

/** Only lines that follow a signature (page numbers, banners, NNNN) come after item `from`: a name line there is a signature, not a heading. */
export function onlyTrailerAfter(c: MappedText, items: Item[], from: number): boolean {
  for (let k = from; k < items.length; k++) {
    if (k - from > 12) return false;
    const item = items[k]!;
    if (item.type === 'text' && !isTrailerLine(c.s.slice(item.line.start, item.line.end))) return false;
  }
  return true;
}
