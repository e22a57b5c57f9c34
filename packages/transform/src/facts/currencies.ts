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

/** Resolves currency words, symbols and codes to ISO 4217 codes, using the cable's country tags for ambiguous words. */
export class CurrencyResolver {
  private readonly codes = new Set<string>();
  private readonly symbols = new Map<string, CurrencyEntry[]>();
  private readonly words = new Map<string, CurrencyEntry[]>();
  private readonly adjectives = new Set<string>();

  constructor(private readonly countryTags: readonly string[]) {
    for (const entry of data().currencies) {
      this.codes.add(entry.code);
      for (const s of entry.symbols) this.symbols.set(s, [...(this.symbols.get(s) ?? []), entry]);
      for (const a of entry.adjectives) this.adjectives.add(a);
      for (const w of entry.words) {
        const list = this.words.get(w) ?? [];
        list.push(entry);
        this.words.set(w, list);
      }
    }
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
