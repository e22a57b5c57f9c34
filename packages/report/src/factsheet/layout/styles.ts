import { FONT, INK, type TextStyle } from '../pdf.js';

/** The type styles of the fact sheets, and the spacing constants their sections share. */
export const S = {
  kicker: { font: FONT.bold, size: 7.5, color: INK.accent },
  h1: { font: FONT.bold, size: 21, color: INK.text, lineGap: 1 },
  subtitle: { font: FONT.regular, size: 9.5, color: INK.muted, lineGap: 1.5 },
  h2: { font: FONT.bold, size: 11, color: INK.accent },
  h3: { font: FONT.bold, size: 8.5, color: INK.text },
  category: { font: FONT.bold, size: 7, color: INK.accent },
  body: { font: FONT.regular, size: 8, color: INK.text, lineGap: 1 },
  bodyBold: { font: FONT.bold, size: 8, color: INK.text, lineGap: 1 },
  small: { font: FONT.regular, size: 7, color: INK.text, lineGap: 0.8 },
  smallBold: { font: FONT.bold, size: 7, color: INK.text, lineGap: 0.8 },
  note: { font: FONT.regular, size: 6.5, color: INK.muted, lineGap: 0.8 },
  th: { font: FONT.bold, size: 6.5, color: INK.muted },
  figure: { font: FONT.bold, size: 13, color: INK.text },
  prefix: { font: FONT.regular, size: 10, color: INK.muted },
  label: { font: FONT.regular, size: 8, color: INK.text, lineGap: 0.5 },
  cite: { font: FONT.regular, size: 6.5, color: INK.muted },
  footer: { font: FONT.regular, size: 6.5, color: INK.faint },
} satisfies Record<string, TextStyle>;

export const MARGIN = { top: 38, bottom: 42, side: 46 };

export type Density = 0 | 1 | 2;
export const FIGURE_ROW_PAD = [2.5, 1.5, 0.5] as const;
export const FIGURE_SIZE = [13, 13, 12] as const;

export const TABLE_MIN_ROWS = [3, 2, 1] as const;
export const GUTTER = 16;

/** The key figures' number style at a density. */
export function figureStyle(density: Density): TextStyle {
  return { ...S.figure, size: FIGURE_SIZE[density] };
}
