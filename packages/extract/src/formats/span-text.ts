import { MappedBuilder } from '../text.js';
import { decodeHtml, looksLikeHtml } from './html.js';

/**
 * The text of the source at [start, end) as a reader sees it: for an HTML page, tags dropped and character references
 * decoded (`&#x000A;` is a line break, `&amp;` is "&"), exactly as the reader decodes the cable's paragraphs; for a
 * text file, the slice itself. Line ends are written as LF (CRLF and a lone CR), as the reader normalises them. `html` defaults to whether the source is an HTML page; pass it when slicing one source
 * many times.
 */
export function spanText(source: string, start: number, end: number, html: boolean = looksLikeHtml(source)): string {
  if (!html) return lineEndsAsLf(source.slice(start, end));
  const out = new MappedBuilder(end - start);
  decodeHtml(source, start, end, out);
  return lineEndsAsLf(out.build().s);
}

/** CRLF and a lone CR written as LF, so a CRLF or CR file gives the same span texts as its LF copy. */
function lineEndsAsLf(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

export { looksLikeHtml };
