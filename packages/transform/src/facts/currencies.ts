import { readFileSync } from 'node:fs';

interface CurrencyEntry {
  code: string;
  symbols: string[];
  words: string[];
  adjectives: string[];
  countries: string[];
}

interface CurrencyData {
  source: string;
  currencies: CurrencyEntry[];
}

let loaded: CurrencyData | null = null;

function data(): CurrencyData {
  loaded ??= JSON.parse(readFileSync(new URL('../../data/currencies.json', import.meta.url), 'utf8')) as CurrencyData;
  return loaded;
}

interface CurrencyIndex {
  codes: Set<string>;
  symbols: Map<string, CurrencyEntry[]>;
  words: Map<string, CurrencyEntry[]>;
  adjectives: Set<string>;
}

let index: CurrencyIndex | null = null;

/** The currency entries by code, symbol, word and adjective, built once per process. */
function currencyIndex(): CurrencyIndex {
  if (index) return index;
  const built: CurrencyIndex = { codes: new Set(), symbols: new Map(), words: new Map(), adjectives: new Set() };
  for (const entry of data().currencies) {
    built.codes.add(entry.code);
    for (const s of entry.symbols) built.symbols.set(s, [...(built.symbols.get(s) ?? []), entry]);
    for (const a of entry.adjectives) built.adjectives.add(a);
    for (const w of entry.words) {
      const list = built.words.get(w) ?? [];
      list.push(entry);
      built.words.set(w, list);
    }
  }
  index = built;
  return index;
}

/** Resolves currency words, symbols and codes to ISO 4217 codes, using the cable's country tags for ambiguous words. */
export class CurrencyResolver {
  private readonly codes: Set<string>;
  private readonly symbols: Map<string, CurrencyEntry[]>;
  private readonly words: Map<string, CurrencyEntry[]>;
  private readonly adjectives: Set<string>;

  constructor(private readonly countryTags: readonly string[]) {
    ({ codes: this.codes, symbols: this.symbols, words: this.words, adjectives: this.adjectives } = currencyIndex());
  }

  /**
   * ISO code for a code or symbol as written (USD, $, LE, Ksh), else null. A symbol several currencies share (Rs) takes
   * the currency of the cable's country, else the first entry.
   */
  symbol(text: string): string | null {
    if (this.codes.has(text)) return text;
    const entries = this.symbols.get(text);
    return entries ? this.local(entries).code : null;
  }

  private local(entries: readonly CurrencyEntry[]): CurrencyEntry {
    return entries.find((e) => e.countries.some((c) => this.countryTags.includes(c))) ?? entries[0]!;
  }

  /** True when the lower-case word can name a currency (baht, dollars, pounds). */
  isWord(word: string): boolean {
    return this.words.has(word);
  }

  /**
   * ISO code for a currency word, given the adjective before it (Egyptian pounds). Without an adjective, an ambiguous
   * word takes the currency of the cable's country when that currency is named so, else the first entry.
   */
  word(word: string, adjective: string | null): string | null {
    const entries = this.words.get(word);
    if (!entries || entries.length === 0) return null;
    if (adjective) {
      const byAdjective = entries.find((e) => e.adjectives.includes(adjective));
      if (byAdjective) return byAdjective.code;
    }
    return this.local(entries).code;
  }

  /** True when the lower-case word is an adjective some currency entry uses (thai, egyptian). */
  isAdjective(word: string): boolean {
    return this.adjectives.has(word);
  }
}
