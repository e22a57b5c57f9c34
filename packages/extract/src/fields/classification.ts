import caveats from '../data/caveats.json' with { type: 'json' };

const PHRASES = caveats.phrases as [string, string][];

/**
 * Classification line and handling lines → caveats in a stable order, e.g.
 * "UNCLASSIFIED//FOR OFFICIAL USE ONLY" → ["FOUO"]; "SECRET//NOFORN" → ["NOFORN"]; a SENSITIVE handling
 * line → "SBU". Phrases come from data/caveats.json.
 */
export function parseCaveats(classification: string | null, handling: readonly string[] = []): string[] {
  const out: string[] = [];
  const scan = (text: string): void => {
    const upper = ` ${text
      .toUpperCase()
      .replace(/[^A-Z ]+/g, ' ')
      .replace(/\s+/g, ' ')} `;
    for (const [phrase, code] of PHRASES) {
      if (upper.includes(` ${phrase} `) && !out.includes(code)) out.push(code);
    }
  };
  if (classification) scan(classification.replace(/^(UNCLASSIFIED|CONFIDENTIAL|SECRET|TOP SECRET)/i, ''));
  for (const h of handling) {
    const t = h.trim().toUpperCase();
    if (/^(SENSITIVE|NOFORN|EXDIS|NODIS|LIMDIS|SENSITIVE BUT UNCLASSIFIED|ORCON)\b/.test(t) && t.split(' ').length <= 4) scan(t);
  }
  return out;
}
