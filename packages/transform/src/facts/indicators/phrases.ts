/** Where a figure stands in its sentence: [start, end) in the normalised quote. */
export interface Span {
  start: number;
  end: number;
}

function isLetter(c: string | undefined): boolean {
  return c !== undefined && /[a-z]/i.test(c);
}

/**
 * Every place a phrase stands in lower-case text as whole words; a stem ("traffick") needs a word start only.
 * Returns the start offsets.
 */
export function phraseAt(text: string, phrase: string, stem = false): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
    if (isLetter(text[at - 1])) continue;
    if (!stem && isLetter(text[at + phrase.length])) continue;
    found.push(at);
  }
  return found;
}

/** True when one of the phrases stands in the text. */
export function hasAny(text: string, phrases: readonly string[], stem = false): boolean {
  return phrases.some((p) => phraseAt(text, p, stem).length > 0);
}

/** The first phrase found and where, nearest to `near` (any distance), or null. */
export function nearestPhrase(text: string, phrases: readonly string[], near: number, stem = false): { phrase: string; at: number } | null {
  let best: { phrase: string; at: number } | null = null;
  for (const phrase of phrases) {
    for (const at of phraseAt(text, phrase, stem)) {
      if (!best || Math.abs(at - near) < Math.abs(best.at - near)) best = { phrase, at };
    }
  }
  return best;
}

/**
 * The clause of the sentence that holds the figure: the sentence cut at semicolons, dashes ("--") and colons, so
 * that the words of one item of a list do not speak for another.
 */
export function clauseOf(quote: string, figure: Span): { text: string; offset: number } {
  let start = 0;
  let end = quote.length;
  for (const sep of ['; ', ' -- ', ': ']) {
    const before = quote.lastIndexOf(sep, figure.start);
    if (before >= 0 && before + sep.length > start) start = before + sep.length;
    const after = quote.indexOf(sep, figure.end);
    if (after >= 0 && after < end) end = after;
  }
  return { text: quote.slice(start, end), offset: start };
}

/** Where the figure's text stands in the quote as whole words, or the whole quote when it is not found. */
export function figureSpan(quote: string, text: string): Span {
  const figure = text.replace(/\s+/g, ' ');
  for (let start = quote.indexOf(figure); start >= 0; start = quote.indexOf(figure, start + 1)) {
    const end = start + figure.length;
    if (!/\w/.test(quote[start - 1] ?? '') && !/\w/.test(quote[end] ?? '')) return { start, end };
  }
  return { start: 0, end: quote.length };
}
