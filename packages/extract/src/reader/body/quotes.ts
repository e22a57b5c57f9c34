import { isStrongParagraphStart, NUMBERED } from '../lines.js';

const QUOTED = '(?:TEXT|Text|text|QUOTE|Quote|quote|NON-PAPER|Non-Paper|non-paper|UNOFFICIAL TRANSLATION|Unofficial Translation|unofficial translation)';
/** "Begin Text:", "BEGIN TEXT OF PART 1", "Begin Final Text of ...", "(begin non-paper)". */
export const BEGIN = new RegExp(`^\\(?(?:BEGIN|Begin|begin)\\b[^.:;]{0,40}?\\b${QUOTED}\\b`);
/** "End Text.", "END TEXT OF PART 1.", "(end non-paper)". */
export const END = new RegExp(`^\\(?(?:END|End|end)\\b[^.:;]{0,40}?\\b${QUOTED}\\b`);

/** Where the reader is: the current section, whether inside a quoted text, and the last paragraph number. */
export interface Scope {
  section: string | null;
  inQuote: boolean;
  /** The section to return to when the quote ends. */
  sectionBeforeQuote: string | null;
  lastNumber: number;
}

export function newScope(): Scope {
  return { section: null, inQuote: false, sectionBeforeQuote: null, lastNumber: 0 };
}

export function isQuoteMarker(t: string): boolean {
  return BEGIN.test(t) || END.test(t);
}

export function openQuote(scope: Scope): void {
  if (!scope.inQuote) scope.sectionBeforeQuote = scope.section;
  scope.inQuote = true;
}

export function closeQuote(scope: Scope): void {
  if (scope.inQuote) scope.section = scope.sectionBeforeQuote;
  scope.inQuote = false;
}

/** Inside a quote, a line that starts the next paragraph of the cable itself ("¶7." or "7. (C)") ends the quote. */
export function closeQuoteAtNextNumber(scope: Scope, t: string): void {
  if (!scope.inQuote || !/^¶?\s?\d{1,3}\s?\./.test(t)) return;
  const n = NUMBERED.exec(t);
  if (n && Number(n[1]) === scope.lastNumber + 1 && (t.charCodeAt(0) === 0xb6 || isStrongParagraphStart(t))) closeQuote(scope);
}
