import type { Span } from '../types.js';
import { normalizeText, splitLines, trimRange, type Line, type MappedText } from '../text.js';
import { emptyMeta, type Envelope, type EnvelopeMeta } from './envelope.js';
import { spanOf } from './spans.js';

const LABELS = ['identifier', 'created', 'released', 'classification', 'origin'] as const;
/** Where each metadata label goes; "released" is read past but not kept. */
const FIELD: Record<(typeof LABELS)[number], keyof EnvelopeMeta | null> = {
  identifier: 'id',
  created: 'created',
  released: null,
  classification: 'classification',
  origin: 'origin',
};
/** The labels written across one line, as in a copied table: "Identifier Created Classification Origin". */
const LABEL_ROW = /^Identifier\s+Created\s+(?:Released\s+)?Classification\s+Origin$/i;
/** Its value row: id, date and time, then the classification (upper case) and the origin (from the first word with a lower-case letter). */
const VALUE_ROW = /^(\S+) +(\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2}(?::\d{2})?)?) +(?:\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2}(?::\d{2})?)? +)?([^a-z]+?) +([A-Z][a-z].*)$/;

/** True when the text starts like a PlusD export (an "Identifier" label block or a "Cable title:" line near the top). */
export function looksLikePlusd(text: string): boolean {
  const head = text.slice(0, 4000);
  return /^\s*Identifier\b/.test(head) || /(?:^|\n)[ \t\u00a0]*Cable title:/i.test(head);
}

/**
 * Reads a PlusD text export: the Identifier/Created/Classification/Origin block (labels then values, the
 * labels and values as two table rows, or "Label: value" lines; a Released date is read past),
 * "Cable title:", "Tags:", the "pdf how-to read a cable" line, then the cable, then the page's
 * "Share this cable" residue, which is dropped.
 */
export function readPlusd(source: string): Envelope {
  const text = normalizeText(source);
  const s = text.s;
  const lines = splitLines(s).map((l) => trimRange(s, l.start, l.end));
  const meta = emptyMeta();
  const spans: Record<string, Span> = {};
  const set = (field: keyof EnvelopeMeta, line: Line): void => {
    meta[field] = s.slice(line.start, line.end);
    spans[field] = spanOf(text, line.start, line.end);
  };

  const nextNonEmpty = (from: number): number => {
    let k = from;
    while (k < lines.length && lines[k]!.end === lines[k]!.start) k++;
    return k;
  };
  const labelAt = (k: number): string => (k < lines.length ? s.slice(lines[k]!.start, Math.min(lines[k]!.end, lines[k]!.start + 60)).toLowerCase() : '');

  let i = nextNonEmpty(0);
  const labels: (typeof LABELS)[number][] = [];
  while (i < lines.length && (LABELS as readonly string[]).includes(labelAt(i))) {
    labels.push(labelAt(i) as (typeof LABELS)[number]);
    i = nextNonEmpty(i + 1);
  }
  for (const label of labels) {
    if (i >= lines.length) break;
    const field = FIELD[label];
    if (field) set(field, lines[i]!);
    i = nextNonEmpty(i + 1);
  }
  if (labels.length === 0 && i < lines.length && LABEL_ROW.test(s.slice(lines[i]!.start, lines[i]!.end))) {
    const row = nextNonEmpty(i + 1);
    const line = lines[row];
    const m = line && line.end - line.start <= 300 ? VALUE_ROW.exec(s.slice(line.start, line.end)) : null;
    if (line && m) {
      let at = line.start;
      const parts: [keyof EnvelopeMeta, string][] = [
        ['id', m[1]!],
        ['created', m[2]!],
        ['classification', m[3]!],
        ['origin', m[4]!],
      ];
      for (const [field, value] of parts) {
        const start = s.indexOf(value, at);
        set(field, { start, end: start + value.length });
        at = start + value.length;
      }
      i = nextNonEmpty(row + 1);
    }
  }

  let cableStart = -1;
  const metaLimit = Math.min(lines.length, i + 40);
  for (let k = i; k < metaLimit && cableStart < 0; k++) {
    const line = lines[k]!;
    const lower = s.slice(line.start, Math.min(line.end, line.start + 40)).toLowerCase();
    const inline = /^(identifier|created|released|classification|origin)\s*:/.exec(lower);
    if (inline) {
      const field = FIELD[inline[1] as (typeof LABELS)[number]];
      const colon = s.indexOf(':', line.start);
      if (field) set(field, trimRange(s, colon + 1, line.end));
    } else if (lower.startsWith('cable title:')) {
      const colon = s.indexOf(':', line.start);
      let value = trimRange(s, colon + 1, line.end);
      if (value.end === value.start) {
        const n = nextNonEmpty(k + 1);
        if (n < lines.length && !labelAt(n).startsWith('tags:')) {
          value = lines[n]!;
          k = n;
        }
      }
      if (value.end > value.start) set('title', value);
    } else if (lower.startsWith('tags:')) {
      spans.publisherTags = spanOf(text, line.start, line.end);
      const howTo = nextNonEmpty(k + 1);
      cableStart = howTo < lines.length && labelAt(howTo).includes('how-to read a cable') ? howTo + 1 : k + 1;
    } else if (lower.includes('how-to read a cable')) {
      cableStart = k + 1;
    }
  }
  let cableEnd = lines.length;
  for (let k = lines.length - 1; k >= Math.max(0, lines.length - 12); k--) {
    if (labelAt(k).startsWith('share this cable')) {
      cableEnd = k;
      break;
    }
  }
  if (cableStart < 0) cableStart = i;
  const start = cableStart < lines.length ? lines[cableStart]!.start : s.length;
  const end = cableEnd < lines.length ? lines[cableEnd]!.start : s.length;
  return { format: 'plusd-text', meta, spans, cable: sliceMapped(text, start, end) };
}

export function sliceMapped(text: MappedText, start: number, end: number): MappedText {
  return { s: text.s.slice(start, end), map: text.map.slice(start, end) };
}
