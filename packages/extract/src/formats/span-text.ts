import { MappedBuilder } from '../text.js';
import { decodeHtml, looksLikeHtml } from './html.js';

/**
 * The text of the source at [start, end) as a reader sees it: for an HTML page, tags dropped and character references
 * decoded (`&#x000A;` is a line break, `&amp;` is "&"), exactly as the reader decodes the cable's paragraphs; for a
 * text file, the slice itself. `html` defaults to whether the source is an HTML page; pass it when slicing one source
 * many times.
 */
export function spanText(source: string, start: number, end: number, html: boolean = looksLikeHtml(source)): string {
  if (!html) return source.slice(start, end);
  const out = new MappedBuilder(end - start);
  decodeHtml(source, start, end, out);
  return out.build().s;
}

export { looksLikeHtml };
