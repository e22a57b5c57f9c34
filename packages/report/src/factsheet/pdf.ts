import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';

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

/** A tagged PDF/A-3b document with DejaVu Sans embedded, fixed metadata and pages buffered for footers. */
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
      Title: meta.title,
      Subject: meta.subject,
      Keywords: meta.keywords,
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

/** Text measuring and drawing that never lets pdfkit break pages or overflow a box. */
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
    return this.doc.widthOfString(text);
  }

  height(text: string, width: number, style: TextStyle): number {
    this.use(style);
    return this.doc.heightOfString(text, { width, lineGap: style.lineGap ?? 0 });
  }

  /**
   * The longest prefix of `text` (cut at a word, with an ellipsis) that fits in `maxLines` lines of `width`, followed
   * by `suffix` (e.g. a citation), which is never cut.
   */
  fit(text: string, width: number, style: TextStyle, maxLines: number, suffix = ''): string {
    const clean = text.replace(/\s+/g, ' ').trim();
    const tail = suffix ? ` ${suffix}` : '';
    const limit = maxLines * this.lineHeight(style) + 0.5;
    if (this.height(clean + tail, width, style) <= limit) return clean + tail;
    const cut = (prefix: string) => `${prefix.replace(/[,;:.]$/, '')}…${tail}`;
    const words = clean.split(' ');
    let lo = 0;
    let hi = words.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (this.height(cut(words.slice(0, mid).join(' ')), width, style) <= limit) lo = mid;
      else hi = mid - 1;
    }
    if (lo > 0) return cut(words.slice(0, lo).join(' '));
    let chars = clean.length;
    while (chars > 1 && this.height(cut(clean.slice(0, chars)), width, style) > limit) chars--;
    return cut(clean.slice(0, chars));
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
    this.doc.text(fitted, x, y, { width, lineGap: style.lineGap ?? 0, align: style.align ?? 'left', lineBreak: true, ...(link ? { link } : {}) });
    return h;
  }
}
