import { type Doc, INK, PAPER, type Struct, type TextStyle, Typesetter } from '../pdf.js';
import { type Density, MARGIN, S } from './styles.js';

type ScopedOptions = PDFKit.Mixins.StructureElementOptions & { scope?: 'Column' | 'Row' };

/** Lays blocks out top to bottom, starting a new page when a block does not fit, and builds the structure tree. */
export class Sheet {
  readonly t: Typesetter;
  readonly doc: Doc;
  readonly root: Struct;
  readonly x: number;
  readonly w: number;
  readonly pageHeight: number;
  y = 0;

  /**
   * How tightly to pack: 0 is the normal layout; each step shrinks row padding and the rows tables must show before
   * they may start a new page, so that a sheet that would spill onto a third page fits on two.
   */
  readonly density: Density;

  constructor(doc: Doc, paper: keyof typeof PAPER, density: Density, landscape = false) {
    this.density = density;
    this.doc = doc;
    this.t = new Typesetter(doc);
    const { width, height } = landscape ? { width: PAPER[paper].height, height: PAPER[paper].width } : PAPER[paper];
    this.x = MARGIN.side;
    this.w = width - 2 * MARGIN.side;
    this.pageHeight = height;
    this.root = doc.struct('Document');
    doc.addStructure(this.root);
    this.newPage();
  }

  get bottom(): number {
    return this.pageHeight - MARGIN.bottom;
  }

  newPage(): void {
    this.doc.addPage();
    this.y = MARGIN.top;
  }

  /** Moves to a new page unless `h` points fit below the cursor. */
  need(h: number): void {
    if (this.y + h > this.bottom) this.newPage();
  }

  /** Adds a structure element whose content is drawn by `draw` (called at once). */
  el(parent: Struct, type: string, draw: () => void, options: ScopedOptions = {}): void {
    parent.add(this.doc.struct(type, options as PDFKit.Mixins.StructureElementOptions, draw));
  }

  group(parent: Struct, type: string, options: ScopedOptions = {}): Struct {
    const s = this.doc.struct(type, options as PDFKit.Mixins.StructureElementOptions);
    parent.add(s);
    return s;
  }

  /** Decoration that is not content (rules, panels): marked as an artifact so screen readers skip it. */
  artifact(draw: () => void): void {
    this.doc.markContent('Artifact', { type: 'Layout' });
    draw();
    this.doc.endMarkedContent();
  }

  text(parent: Struct, type: string, text: string, x: number, y: number, w: number, style: TextStyle, maxLines = 99, suffix = ''): number {
    let h = 0;
    this.el(parent, type, () => {
      h = this.t.draw(text, x, y, w, style, maxLines, suffix);
    });
    return h;
  }

  /** A link: `text` (the URL itself, or words naming it) drawn in the link colour inside a Link element under `parent`. */
  link(parent: Struct, text: string, url: string, x: number, y: number, w: number, style: TextStyle, maxLines = 99): number {
    let h = 0;
    this.el(parent, 'Link', () => {
      h = this.t.draw(text, x, y, w, { ...style, color: INK.accent }, maxLines, '', url);
    });
    return h;
  }

  /** An H2 with a rule under it; moves to a new page unless `keep` points of what follows fit under it too. */
  heading(parent: Struct, text: string, space = 10, keep = 60): void {
    const h = this.t.height(text, this.w, S.h2);
    this.need(space + h + 8 + keep);
    this.y += space;
    this.text(parent, 'H2', text, this.x, this.y, this.w, S.h2, 1);
    this.y += h + 2;
    const ry = this.y;
    this.artifact(() =>
      this.doc
        .save()
        .lineWidth(0.8)
        .strokeColor(INK.accent)
        .moveTo(this.x, ry)
        .lineTo(this.x + this.w, ry)
        .stroke()
        .restore(),
    );
    this.y += 6;
  }
}

/** The running footer of every page: `text` on the left, "Page i of n" on the right, both as pagination artifacts. */
export function drawFooters(s: Sheet, text: string): void {
  const { doc, t } = s;
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const y = s.pageHeight - MARGIN.bottom + 12;
    const right = `Page ${i + 1} of ${range.count}`;
    const rw = t.width(right, S.footer) + 1;
    doc.markContent('Artifact', { type: 'Pagination' });
    doc
      .save()
      .lineWidth(0.4)
      .strokeColor(INK.rule)
      .moveTo(s.x, y - 5)
      .lineTo(s.x + s.w, y - 5)
      .stroke()
      .restore();
    t.draw(text, s.x, y, s.w - rw - 10, S.footer, 1);
    t.draw(right, s.x + s.w - rw, y, rw, S.footer, 1);
    doc.endMarkedContent();
  }
}
