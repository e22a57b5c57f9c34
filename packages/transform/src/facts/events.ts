import { monthNumber } from '@cablepress/core';
import { wordTable, type Token } from './text.js';

export type Precision = 'day' | 'month' | 'part_of_year' | 'year' | 'decade';

/** A date expression found in clean text, with [start, end) offsets into the paragraph text. */
export interface DateMatch {
  start: number;
  end: number;
  date_start: string;
  date_end: string;
  precision: Precision;
}

/** Parts of a year: [first month, last month]. */
const PARTS: Record<string, [number, number]> = wordTable({
  early: [1, 4],
  mid: [5, 8],
  middle: [5, 8],
  late: [9, 12],
  end: [10, 12],
  beginning: [1, 3],
  start: [1, 3],
});

/** Parts of a decade: [first year, last year] within it. */
const DECADE_PARTS: Record<string, [number, number]> = wordTable({ early: [0, 3], mid: [4, 6], late: [7, 9] });

/** Words directly before a number that make it an identifier, not a year (Article 1997, No. 2004). */
const NOT_YEAR_BEFORE = new Set([
  'article',
  'articles',
  'section',
  'no',
  'number',
  'decree',
  'resolution',
  'page',
  'paragraph',
  'law',
  'route',
  'flight',
  'room',
  'chapter',
  'item',
  'convention',
]);

/** Qualifier words before a number that make it a count (more than 2000 victims). */
const COUNT_BEFORE = new Set(['than', 'approximately', 'about', 'nearly', 'roughly', 'some', 'around', 'over', 'least', 'only', 'almost']);

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function iso(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

function monthStart(year: number, month: number): string {
  return iso(year, month, 1);
}

function monthEnd(year: number, month: number): string {
  return iso(year, month, lastDay(year, month));
}

class DateScanner {
  private readonly out: DateMatch[] = [];

  constructor(private readonly tokens: readonly Token[]) {}

  private lower(i: number): string | undefined {
    return this.tokens[i]?.lower;
  }

  private isDash(i: number): boolean {
    const t = this.tokens[i];
    return t !== undefined && t.kind === 'sym' && (t.text === '-' || t.text === '\u2013' || t.text === '\u2014');
  }

  /** A four-digit year 1800-2099 at token i, standing alone (not glued to letters). */
  private yearAt(i: number): number | null {
    const t = this.tokens[i];
    if (!t || t.kind !== 'num' || !/^(1[89]|20)\d\d$/.test(t.text)) return null;
    const next = this.tokens[i + 1];
    if (next && next.kind === 'word' && !next.spaceBefore) return null;
    if (next && next.kind === 'num') return null;
    const prev = this.tokens[i - 1];
    if (prev && prev.kind === 'word' && !t.spaceBefore) return null;
    return Number(t.text);
  }

  /** A month name at token i (capitalised; abbreviations may carry a period). Returns month and last token. */
  private monthAt(i: number): { month: number; last: number } | null {
    const t = this.tokens[i];
    const month = t?.kind === 'word' ? monthNumber(t.lower) : null;
    if (!t || month === null) return null;
    if (t.text[0]! < 'A' || t.text[0]! > 'Z') return null;
    if (t.text.length <= 4 && t.lower !== 'june' && t.lower !== 'july' && t.lower !== 'may') {
      return this.tokens[i + 1]?.text === '.' ? { month, last: i + 1 } : { month, last: i };
    }
    return { month, last: i };
  }

  private dayAt(i: number): number | null {
    const t = this.tokens[i];
    if (!t || t.kind !== 'num' || !/^\d{1,2}$/.test(t.text)) return null;
    const d = Number(t.text);
    const next = this.tokens[i + 1];
    if (next && next.kind === 'word' && !next.spaceBefore && !['st', 'nd', 'rd', 'th'].includes(next.lower)) return null;
    return d >= 1 && d <= 31 ? d : null;
  }

  private push(first: number, last: number, date_start: string, date_end: string, precision: Precision): number {
    this.out.push({ start: this.tokens[first]!.start, end: this.tokens[last]!.end, date_start, date_end, precision });
    return last + 1;
  }

  /** Month [day[,]] [of] year, with what follows; returns the token after it or -1. */
  private monthForm(i: number): number {
    const m = this.monthAt(i);
    if (!m) return -1;
    let j = m.last + 1;
    let day: number | null = null;
    let dayEnd: number | null = null;
    const d = this.dayAt(j);
    if (d !== null) {
      day = d;
      j++;
      if (['st', 'nd', 'rd', 'th'].includes(this.lower(j) ?? '') && !this.tokens[j]!.spaceBefore) j++;
      if (this.isDash(j) && this.dayAt(j + 1) !== null) {
        dayEnd = this.dayAt(j + 1);
        j += 2;
      }
      if (this.tokens[j]?.text === ',') j++;
    } else if (this.lower(j) === 'of' && this.yearAt(j + 1) !== null) {
      j++;
    }
    const year = this.yearAt(j);
    if (day !== null && year !== null) {
      if (day > lastDay(year, m.month) || (dayEnd !== null && (dayEnd > lastDay(year, m.month) || dayEnd < day))) return -1;
      return this.push(i, j, iso(year, m.month, day), iso(year, m.month, dayEnd ?? day), 'day');
    }
    if (day !== null) return -1;
    const sep = m.last + 1;
    // Month/Month Year, Month-Month Year, Month and Month Year
    if ((this.tokens[sep]?.text === '/' || this.isDash(sep) || this.lower(sep) === 'and' || this.lower(sep) === 'to') && this.monthAt(sep + 1)) {
      const m2 = this.monthAt(sep + 1)!;
      const y2 = this.yearAt(m2.last + 1);
      if (y2 === null) return -1;
      if (this.lower(sep) === 'and') {
        const y1 = m.month <= m2.month ? y2 : y2 - 1;
        this.push(i, m.last, monthStart(y1, m.month), monthEnd(y1, m.month), 'month');
        return this.push(sep + 1, m2.last + 1, monthStart(y2, m2.month), monthEnd(y2, m2.month), 'month');
      }
      const y1 = m.month <= m2.month ? y2 : y2 - 1;
      return this.push(i, m2.last + 1, monthStart(y1, m.month), monthEnd(y2, m2.month), 'month');
    }
    if (year === null) return -1;
    // Month Year - Month Year
    const after = j + 1;
    if ((this.isDash(after) || this.lower(after) === 'to' || this.lower(after) === 'through') && this.monthAt(after + 1)) {
      const m2 = this.monthAt(after + 1)!;
      const y2 = this.yearAt(m2.last + 1);
      if (y2 !== null && (y2 > year || (y2 === year && m2.month >= m.month))) {
        return this.push(i, m2.last + 1, monthStart(year, m.month), monthEnd(y2, m2.month), 'month');
      }
    }
    return this.push(i, j, monthStart(year, m.month), monthEnd(year, m.month), 'month');
  }

  /** Day Month Year: 27 February 2007. */
  private dayFirstForm(i: number): number {
    const d = this.dayAt(i);
    if (d === null) return -1;
    const m = this.monthAt(i + 1);
    if (!m) return -1;
    const year = this.yearAt(m.last + 1);
    if (year === null || d > lastDay(year, m.month)) return -1;
    return this.push(i, m.last + 1, iso(year, m.month, d), iso(year, m.month, d), 'day');
  }

  /** 1990s, mid-1990s, the late 1980s. */
  private decadeForm(i: number): number {
    let part: [number, number] = [0, 9];
    let j = i;
    const w = this.lower(i);
    if (w && w in DECADE_PARTS) {
      j = this.isDash(i + 1) ? i + 2 : i + 1;
      part = DECADE_PARTS[w]!;
    }
    const t = this.tokens[j];
    const s = this.tokens[j + 1];
    if (!t || t.kind !== 'num' || !/^(1[89]|20)\d0$/.test(t.text) || !s || s.lower !== 's' || s.spaceBefore) return -1;
    if (j !== i && this.tokens[j]!.spaceBefore && this.isDash(i + 1)) return -1;
    const base = Number(t.text);
    return this.push(i, j + 1, iso(base + part[0], 1, 1), iso(base + part[1], 12, 31), 'decade');
  }

  /** mid-2005, late 2001, the end of 2007, the first half of 2008. */
  private partForm(i: number): number {
    const w = this.lower(i);
    if (!w) return -1;
    if ((w === 'first' || w === 'second') && this.lower(i + 1) === 'half' && this.lower(i + 2) === 'of') {
      const y = this.yearAt(i + 3);
      if (y === null) return -1;
      return w === 'first'
        ? this.push(i, i + 3, iso(y, 1, 1), iso(y, 6, 30), 'part_of_year')
        : this.push(i, i + 3, iso(y, 7, 1), iso(y, 12, 31), 'part_of_year');
    }
    if (!(w in PARTS)) return -1;
    let j = i + 1;
    if (this.isDash(j) && !this.tokens[j]!.spaceBefore) j++;
    else if (this.lower(j) === 'of') j++;
    else if (w === 'end' || w === 'beginning' || w === 'start' || w === 'middle') return -1;
    const y = this.yearAt(j);
    if (y === null) return -1;
    const [a, b] = PARTS[w]!;
    return this.push(i, j, monthStart(y, a), monthEnd(y, b), 'part_of_year');
  }

  /** A bare year or a year range (2008-2009, 2008 to 2010). */
  private yearForm(i: number): number {
    const y = this.yearAt(i);
    if (y === null) return -1;
    const prev = this.tokens[i - 1];
    if (prev && prev.kind === 'sym' && !this.tokens[i]!.spaceBefore && prev.text !== '(' && prev.text !== '-' && prev.text !== '\u2013') return -1;
    if (prev && prev.kind === 'sym' && ['$', '#', '\u00b6', '\u00a3', '\u20ac'].includes(prev.text)) return -1;
    if (prev && prev.kind === 'word' && (NOT_YEAR_BEFORE.has(prev.lower) || COUNT_BEFORE.has(prev.lower))) return -1;
    if (prev && prev.kind === 'word' && prev.text.length >= 3 && prev.text === prev.text.toUpperCase() && !['FY', 'CY'].includes(prev.text)) return -1;
    const next = this.tokens[i + 1];
    if (
      next &&
      (next.text === '%' ||
        ['percent', 'baht', 'dollars', 'kip', 'victims', 'people', 'persons', 'cases', 'workers', 'women', 'children', 'men'].includes(next.lower))
    )
      return -1;
    if (this.isDash(i + 1) || this.lower(i + 1) === 'to') {
      const t2 = this.tokens[i + 2];
      const y2 = this.yearAt(i + 2);
      if (y2 !== null && y2 > y) return this.push(i, i + 2, iso(y, 1, 1), iso(y2, 12, 31), 'year');
      if (t2 && t2.kind === 'num' && /^\d\d$/.test(t2.text) && this.isDash(i + 1)) {
        const y3 = Math.floor(y / 100) * 100 + Number(t2.text);
        if (y3 > y) return this.push(i, i + 2, iso(y, 1, 1), iso(y3, 12, 31), 'year');
      }
    }
    return this.push(i, i, iso(y, 1, 1), iso(y, 12, 31), 'year');
  }

  /** True when a date expression can start at token i: a number, a capitalised month, or a part word (mid, late, first). */
  private canStart(i: number): boolean {
    const t = this.tokens[i]!;
    if (t.kind === 'num') return true;
    if (t.kind !== 'word') return false;
    return monthNumber(t.lower) !== null || t.lower in PARTS || t.lower === 'first' || t.lower === 'second';
  }

  scan(): DateMatch[] {
    if (!this.tokens.some((t) => t.kind === 'num' && t.text.length === 4)) return this.out;
    let i = 0;
    while (i < this.tokens.length) {
      if (!this.canStart(i)) {
        i++;
        continue;
      }
      let next = this.monthForm(i);
      if (next < 0) next = this.dayFirstForm(i);
      if (next < 0) next = this.decadeForm(i);
      if (next < 0) next = this.partForm(i);
      if (next < 0) next = this.yearForm(i);
      i = next < 0 ? i + 1 : next;
    }
    return this.out;
  }
}

/** Finds every date expression in a sentence's tokens, in order. */
export function scanDates(tokens: readonly Token[]): DateMatch[] {
  return new DateScanner(tokens).scan();
}
