import { Sheet } from './layout/sheet.js';
import type { Density } from './layout/styles.js';
import type { FactSheetModel } from './model.js';
import type { Doc, PAPER } from './pdf.js';
import { caveatBox } from './sections/caveats.js';
import { charts } from './sections/charts.js';
import { footers } from './sections/footer.js';
import { header } from './sections/header.js';
import { keyFigures } from './sections/key-figures.js';
import { law } from './sections/law.js';
import { sources, sourcesHeight } from './sections/sources.js';
import { timelineAndOrganizations } from './sections/timeline-organizations.js';

export interface Layout {
  pages: number;
  /** Page (from 1) on which the key figures end. */
  figuresEndPage: number;
}

/** Draws the fact sheet into `doc` (a fresh document from createDoc). */
export function renderModel(doc: Doc, m: FactSheetModel, paper: keyof typeof PAPER, density: Density = 0): Layout {
  const s = new Sheet(doc, paper, density);
  header(s, m);
  caveatBox(s, m);
  keyFigures(s, m);
  const figuresEndPage = doc.bufferedPageRange().count;
  charts(s, m.charts);
  law(s, m);
  timelineAndOrganizations(s, m, sourcesHeight(s, m));
  sources(s, m);
  footers(s, m);
  s.root.end();
  return { pages: doc.bufferedPageRange().count, figuresEndPage };
}
