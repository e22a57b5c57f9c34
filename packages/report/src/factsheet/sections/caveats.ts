import type { Sheet } from '../layout/sheet.js';
import { S } from '../layout/styles.js';
import type { FactSheetModel, Quote } from '../model.js';
import { INK } from '../pdf.js';

const BOX_LINES = 5;

/** The box's words with the first `n` quotes: the lead, the quotes whole, then what the figures are and where the notes are. */
function boxText(quotes: readonly Quote[], n: number, lead: string, hasNotes: boolean): string {
  const quoted = quotes
    .slice(0, n)
    .map((q) => `“${q.text}” (${q.citation})`)
    .join(' ');
  const several = lead === 'The cables warn:';
  return [
    quoted ? `${lead} ${quoted}` : '',
    `Figures here are as the ${several ? 'cables report' : 'cable reports'} them, not checked against other sources` +
      (hasNotes ? `; where ${several ? 'a cable contradicts' : 'the cable contradicts'} itself, see Sources and notes.` : '.'),
  ]
    .filter(Boolean)
    .join(' ');
}

/**
 * The cable's own warning about its numbers (the cables' own, when quotes come from several), and a pointer to the
 * cross-check notes. Quotes are printed whole: those that do not fit in the box are left out, never cut mid-sentence.
 */
export function caveatBox(s: Sheet, m: Pick<FactSheetModel, 'caveats' | 'notes'>, lead = 'The cable warns:'): void {
  if (m.caveats.length === 0 && m.notes.length === 0) return;
  const { t, doc } = s;
  const pad = 7;
  const innerW = s.w - 2 * pad - 4;
  const fits = (text: string) => t.height(text, innerW, S.body) <= BOX_LINES * t.lineHeight(S.body) + 0.5;
  let n = m.caveats.length;
  while (n > 0 && !fits(boxText(m.caveats, n, lead, m.notes.length > 0))) n--;
  const text = boxText(m.caveats, n, lead, m.notes.length > 0);
  const headH = t.lineHeight(S.bodyBold);
  const bodyH = t.height(text, innerW, S.body);
  const total = pad + headH + 1 + bodyH + pad;
  s.need(total);
  const top = s.y;
  s.artifact(() => doc.save().rect(s.x, top, s.w, total).fill(INK.panel).rect(s.x, top, 3, total).fill(INK.accent).restore());
  const box = s.group(s.root, 'Div');
  s.text(box, 'P', 'Handle these numbers with care', s.x + pad + 4, top + pad, innerW, S.bodyBold, 1);
  s.text(box, 'P', text, s.x + pad + 4, top + pad + headH + 1, innerW, S.body);
  s.y = top + total + 4;
}
