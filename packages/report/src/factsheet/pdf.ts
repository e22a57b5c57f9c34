import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import { breakable, capLength, ZERO_WIDTH_SPACE } from './breakable.js';

export type Doc = PDFKit.PDFDocument;
export type Struct = PDFKit.PDFStructureElement;

export const FONT = { regular: 'DejaVuSans', bold: 'DejaVuSans-Bold' } as const;
export type FontName = (typeof FONT)[keyof typeof FONT];

const fontDir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');

export const PAPER = {
  a4: { width: 595.28, height: 841.89 },
  letter: { width: 612, height: 792 },
} as const;

/** Ink colours, chosen to stay distinct in greyscale (dark, mid, light) and readable as text (dark, muted). */
export const INK = {
  text: '#1b1b1b',
  muted: '#555555',
  faint: '#8a8a8a',
  rule: '#c8c8c8',
  panel: '#f1f3f5',
  accent: '#17406d',
  mid: '#5f86b3',
  light: '#c7d6e8',
  white: '#ffffff',
} as const;

export interface TextStyle {
  font: FontName;
  size: number;
  color?: string;
  lineGap?: number;
  align?: 'left' | 'right' | 'center';
}

export interface DocMeta {
  title: string;
  subject: string;
  keywords: string;
  author: string;
  language: string;
  creationDate: Date;
  paper: keyof typeof PAPER;
  /** Pages wider than tall (a table of many columns). */
  landscape?: boolean;
}

/**
 * A tagged PDF/A-3b document with DejaVu Sans embedded, fixed metadata (each field cut to breakable.ts's MAX_CHARS) and
 * pages buffered for footers.
 */
export function createDoc(meta: DocMeta): Doc {
  const { width, height } = PAPER[meta.paper];
  const doc = new PDFDocument({
    size: meta.landscape ? [height, width] : [width, height],
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    autoFirstPage: false,
    bufferPages: true,
    tagged: true,
    pdfVersion: '1.7',
    subset: 'PDF/A-3b',
    displayTitle: true,
    lang: meta.language,
    info: {
      Title: capLength(meta.title),
      Subject: capLength(meta.subject),
      Keywords: capLength(meta.keywords),
      Author: meta.author,
      Creator: 'cablepress',
      CreationDate: meta.creationDate,
      ModDate: meta.creationDate,
    },
  });
  doc.registerFont(FONT.regular, join(fontDir, 'DejaVuSans.ttf'));
  doc.registerFont(FONT.bold, join(fontDir, 'DejaVuSans-Bold.ttf'));
  doc.font(FONT.regular);
  return doc;
}

/** Collects the document bytes once it ends. */
export function collect(doc: Doc): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
}

/** The largest n in [0, hi] for which `ok(n)` holds, `ok` holding for every n up to some bound and none above it. */
function largest(hi: number, ok: (n: number) => boolean): number {
  let lo = 0;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (ok(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Where each word of `text` ends: before each space or zero-width space (breakable.ts), and at the end. */
function wordEnds(text: string): number[] {
  const ends: number[] = [];
  for (let i = 0; i < text.length; i++) if (text[i] === ' ' || text[i] === ZERO_WIDTH_SPACE) ends.push(i);
  ends.push(text.length);
  return ends;
}

/**
 * Text measuring and drawing that never lets pdfkit break pages or overflow a box. It is the only code that hands text
 * to pdfkit, and hands it every text through `breakable`, so that no run is too long to lay out.
 */
export class Typesetter {
  constructor(readonly doc: Doc) {}

  use(style: TextStyle): this {
    this.doc
      .font(style.font)
      .fontSize(style.size)
      .fillColor(style.color ?? INK.text);
    return this;
  }

  lineHeight(style: TextStyle): number {
    this.use(style);
    return this.doc.currentLineHeight(true) + (style.lineGap ?? 0);
  }

  width(text: string, style: TextStyle): number {
    this.use(style);
    return this.doc.widthOfString(breakable(text));
  }

  height(text: string, width: number, style: TextStyle): number {
    this.use(style);
    return this.doc.heightOfString(breakable(text), { width, lineGap: style.lineGap ?? 0 });
  }

  /**
   * The longest prefix of `text` (cut at a word, with an ellipsis) that fits in `maxLines` lines of `width`, followed
   * by `suffix` (e.g. a citation), which is never cut.
   */
  fit(text: string, width: number, style: TextStyle, maxLines: number, suffix = ''): string {
    const clean = breakable(text.replace(/\s+/g, ' ').trim());
    const tail = suffix ? ` ${suffix}` : '';
    const limit = maxLines * this.lineHeight(style) + 0.5;
    const fits = (candidate: string) => this.height(candidate, width, style) <= limit;
    if (fits(clean + tail)) return clean + tail;
    const cut = (prefix: string) => `${prefix.replace(/[,;:.]$/, '')}…${tail}`;
    const ends = wordEnds(clean);
    const words = largest(ends.length, (n) => fits(cut(clean.slice(0, ends[n - 1]))));
    if (words > 0) return cut(clean.slice(0, ends[words - 1]));
    const chars = Array.from(clean);
    const n = largest(chars.length, (k) => k === 1 || fits(cut(chars.slice(0, k).join(''))));
    return cut(chars.slice(0, n).join(''));
  }

  /** The largest size, from style.size down to minSize, at which `text` fits on one line of `width`; truncates below that. */
  shrink(text: string, width: number, style: TextStyle, minSize: number): { text: string; style: TextStyle } {
    for (let size = style.size; size >= minSize; size -= 0.5) {
      const s = { ...style, size };
      if (this.width(text, s) <= width) return { text, style: s };
    }
    const s = { ...style, size: minSize };
    return { text: this.fit(text, width, s, 1), style: s };
  }

  /**
   * Draws text (then `suffix`, never cut) at (x, y) within `width`, at most `maxLines` lines; returns the height used.
   * With `link`, the text is a link to that URL.
   */
  draw(text: string, x: number, y: number, width: number, style: TextStyle, maxLines = 99, suffix = '', link?: string): number {
    const fitted = this.fit(text, width, style, maxLines, suffix);
    const h = this.height(fitted, width, style);
    this.use(style);
    this.doc.text(breakable(fitted), x, y, { width, lineGap: style.lineGap ?? 0, align: style.align ?? 'left', lineBreak: true, ...(link ? { link } : {}) });
    return h;
  }

  /**
   * Draws text at (x, y) within `width` and `suffix` after it on the same line in `suffixStyle` (e.g. a citation in
   * muted type), the text cut so that both fit in `maxLines` lines, the suffix never cut.
   */
  drawWithSuffix(text: string, x: number, y: number, width: number, style: TextStyle, maxLines: number, suffix: string, suffixStyle: TextStyle): void {
    const fitted = this.fit(text, width, style, maxLines, suffix);
    const head = fitted.endsWith(suffix) ? fitted.slice(0, fitted.length - suffix.length) : fitted;
    this.use(style);
    this.doc.text(breakable(head), x, y, { width, lineGap: style.lineGap ?? 0, continued: true });
    this.use(suffixStyle);
    this.doc.text(breakable(fitted.slice(head.length)));
  }
}
