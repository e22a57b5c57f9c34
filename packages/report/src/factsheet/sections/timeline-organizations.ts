import type { Sheet } from '../layout/sheet.js';
import { type Column, rowHeights, table, type TableRow } from '../layout/table.js';
import { S, TABLE_MIN_ROWS } from '../layout/styles.js';
import type { FactSheetModel } from '../model.js';
import { INK } from '../pdf.js';

function timelineTable(m: FactSheetModel, w: number): { columns: Column[]; rows: TableRow[] } {
  const dateW = 64;
  const citeW = 70;
  return {
    columns: [
      { head: 'Date', width: dateW },
      { head: 'What the cable says', width: w - dateW - citeW },
      { head: 'Where', width: citeW, align: 'right', maxLines: 4 },
    ],
    rows: m.timeline.map((e) => ({
      cells: [{ text: e.date, style: S.smallBold }, { text: e.text }, { text: e.citation, style: { ...S.small, color: INK.muted } }],
    })),
  };
}

function organizationTable(m: FactSheetModel, w: number): { columns: Column[]; rows: TableRow[] } {
  const nameW = 150;
  const countW = 50;
  return {
    columns: [
      { head: 'Organisation', width: nameW },
      { head: 'Role, in the cable’s words', width: w - nameW - countW },
      { head: 'Mentions', width: countW, align: 'right' },
    ],
    rows: m.organizations.map((o) => ({
      cells: [
        { text: o.acronym && o.acronym !== o.name ? `${o.name} (${o.acronym})` : o.name, style: S.smallBold },
        o.role
          ? { text: o.role.text, suffix: `(${o.role.citation})` }
          : { text: 'Named in the cable; no sentence describes its role.', style: { ...S.small, color: INK.muted } },
        { text: String(o.mentions) },
      ],
    })),
  };
}

const TABLE_LINES = 2;

/** `n` items spread evenly over a list in order, first and last included, so a cut timeline still spans its period. */
function spread<T>(items: readonly T[], n: number): T[] {
  if (n >= items.length) return [...items];
  if (n <= 1) return items.slice(0, n);
  return Array.from({ length: n }, (_, i) => items[Math.round((i * (items.length - 1)) / (n - 1))]!);
}

/** Height of a titled table showing its first `n` rows. */
function tableBlockHeight(s: Sheet, heights: readonly number[], n: number): number {
  return 10 + s.t.lineHeight(S.h2) + 8 + s.t.lineHeight(S.th) + 4 + heights.slice(0, n).reduce((a, h) => a + h, 0);
}

/**
 * Timeline, then organisations, cut to the rows that fit above `reserve` points at the page end: each gets a few rows
 * (else both start a new page), then rows are added to each in turn while they fit.
 */
export function timelineAndOrganizations(s: Sheet, m: FactSheetModel, reserve: number): void {
  const blocks = [
    m.timeline.length > 0 ? { title: 'Timeline', spread: true, ...timelineTable(m, s.w) } : null,
    m.organizations.length > 0 ? { title: 'Who is involved', spread: false, ...organizationTable(m, s.w) } : null,
  ].filter((b) => b !== null);
  if (blocks.length === 0) return;
  const heights = blocks.map((b) => rowHeights(s, b.columns, b.rows, TABLE_LINES));
  const counts = heights.map((hs) => Math.min(TABLE_MIN_ROWS[s.density], hs.length));
  const total = () => heights.reduce((a, hs, i) => a + tableBlockHeight(s, hs, counts[i] ?? 0), 0);
  if (s.y + total() > s.bottom - reserve) s.newPage();
  const space = s.bottom - reserve - s.y;
  for (let grew = true; grew;) {
    grew = false;
    heights.forEach((hs, i) => {
      const n = counts[i] ?? 0;
      if (n >= hs.length) return;
      counts[i] = n + 1;
      if (total() <= space) grew = true;
      else counts[i] = n;
    });
  }
  blocks.forEach((b, i) => {
    const n = counts[i] ?? 0;
    s.heading(s.root, b.title, 10, s.t.lineHeight(S.th) + 4 + (heights[i]?.[0] ?? 0));
    const sect = s.group(s.root, 'Sect');
    s.y += table(s, sect, s.x, s.y, b.columns, b.spread ? spread(b.rows, n) : b.rows.slice(0, n), TABLE_LINES);
  });
}
