import type { Span } from '../types.js';
import { normalizeText, splitLines, trimRange, type Line, type MappedText } from '../text.js';
import { emptyMeta, type Envelope, type EnvelopeMeta } from './envelope.js';
import { spanOf } from './spans.js';

const LABELS = ['identifier', 'created', 'classification', 'origin'] as const;
const FIELD: Record<(typeof LABELS)[number], keyof EnvelopeMeta> = {
  identifier: 'id',
  created: 'created',
  classification: 'classification',
  origin: 'origin',
};

/** True when the text starts like a PlusD export (an "Identifier" label block or a "Cable title:" line near the top). */
export function looksLikePlusd(text: string): boolean {
  const head = text.slice(0, 4000);
  return /^\s*Identifier\b/.test(head.replace(/^\uFEFF/, '')) || /(^|\n)\s*Cable title:/i.test(head);
}

/**
 * Reads a PlusD text export: the Identifier/Created/Classification/Origin block (labels then values, or
 * "Label: value" lines), "Cable title:", "Tags:", the "pdf how-to read a cable" line, then the cable, then
 * the page's "Share this cable" residue, which is dropped.
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

  let i = 0;
  const nextNonEmpty = (from: number): number => {
    let k = from;
    while (k < lines.length && lines[k]!.end === lines[k]!.start) k++;
    return k;
  };
  const labelAt = (k: number): string => (k < lines.length ? s.slice(lines[k]!.start, lines[k]!.end).toLowerCase() : '');

  i = nextNonEmpty(0);
  const labels: (typeof LABELS)[number][] = [];
  while (i < lines.length && (LABELS as readonly string[]).includes(labelAt(i))) {
    labels.push(labelAt(i) as (typeof LABELS)[number]);
    i = nextNonEmpty(i + 1);
  }
  for (const label of labels) {
    if (i >= lines.length) break;
    set(FIELD[label], lines[i]!);
    i = nextNonEmpty(i + 1);
  }

  let cableStart = -1;
  let cableEnd = lines.length;
  for (let k = i; k < lines.length; k++) {
    const line = lines[k]!;
    const lower = s.slice(line.start, Math.min(line.end, line.start + 40)).toLowerCase();
    const inline = /^(identifier|created|classification|origin)\s*:/.exec(lower);
    if (cableStart < 0 && inline) {
      const colon = s.indexOf(':', line.start);
      set(FIELD[inline[1] as (typeof LABELS)[number]], trimRange(s, colon + 1, line.end));
    } else if (cableStart < 0 && lower.startsWith('cable title:')) {
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
    } else if (cableStart < 0 && lower.startsWith('tags:')) {
      spans.publisherTags = spanOf(text, line.start, line.end);
      cableStart = k + 1;
    } else if (lower.includes('how-to read a cable')) {
      cableStart = k + 1;
    } else if (cableStart >= 0 && lower.startsWith('share this cable')) {
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
