import type { Span } from '../types.js';
import { normalizeText, splitLines, trimRange } from '../text.js';
import { emptyMeta, type Envelope, type EnvelopeMeta } from './envelope.js';
import { sliceMapped } from './plusd.js';
import { spanOf } from './spans.js';

/** Ruby Time#to_s, e.g. "Thu Dec 20 00:00:00 +0100 2001". */
export const RUBY_DATE = /^[A-Z][a-z]{2} [A-Z][a-z]{2} \d{1,2} \d{2}:\d{2}:\d{2} [+-]\d{4} \d{4}$/;

/** True when line 3 is a Ruby-style date, as in the alx/cablegate text export. */
export function looksLikeCablegateText(text: string): boolean {
  const head = normalizeText(text, 0, Math.min(text.length, 2000)).s.split('\n');
  return head.length >= 3 && RUBY_DATE.test(head[2]!.trim());
}

const ORDER: (keyof EnvelopeMeta)[] = ['id', 'title', 'created', 'classification', 'origin'];

/** Reads a Cablegate text file: five metadata lines (id, title, created, classification, origin), then the cable. */
export function readCablegateText(source: string): Envelope {
  const text = normalizeText(source);
  const lines = splitLines(text.s);
  const meta = emptyMeta();
  const spans: Record<string, Span> = {};
  ORDER.forEach((field, k) => {
    const line = lines[k];
    if (!line) return;
    const r = trimRange(text.s, line.start, line.end);
    if (r.end === r.start) return;
    meta[field] = text.s.slice(r.start, r.end);
    spans[field] = spanOf(text, r.start, r.end);
  });
  const start = lines.length > ORDER.length ? lines[ORDER.length]!.start : text.s.length;
  return { format: 'cablegate-text', meta, spans, cable: sliceMapped(text, start, text.s.length) };
}

/** A text that is only a cable, with no publisher metadata around it. */
export function readBareCable(source: string): Envelope {
  const text = normalizeText(source);
  return { format: 'cablegate-text', meta: emptyMeta(), spans: {}, cable: text };
}
