const NOT_A_NAME = /^(END|BEGIN|NNNN|BT|COMMENT|SUMMARY|TEXT|NOTE|SIPDIS|SENSITIVE|NOFORN|UNCLASSIFIED|UNCLAS|CONFIDENTIAL|SECRET|THANKS|REGARDS|ACTION|INFO|THE|A|AN|AND|BUT|IN|ON|OF|TO|FOR|WE|HE|SHE|IT|THEY|THIS|THAT|POST|EMBASSY|MISSION|GOVERNMENT|MINISTER|AMBASSADOR)$/i;

/**
 * The end of a cable → its signers: the last short name lines ("WATSON", "Tueller", "CLINTON",
 * "MCCARTHY / JONES"), a name glued after the last sentence ("... in the TIP report. SCOBEY") or after a
 * "*** Visit ... ***" banner ("...***** ERELI"). "NNNN" and blank lines at the end are skipped.
 * Returns [] when the text ends inside a sentence.
 */
export function parseSignedBy(text: string): string[] {
  const lines = text.split('\n').map((l) => l.trim());
  while (lines.length > 0 && /^(?:|NNNN?|BT)$/.test(lines[lines.length - 1]!)) lines.pop();
  const lastLine = lines[lines.length - 1];
  if (lastLine === undefined) return [];
  const stars = lastLine.lastIndexOf('*');
  if (stars >= 0) {
    const name = lastLine.slice(stars + 1).trim();
    return isName(name) ? name.split(/\s*\/\s*/) : [];
  }
  const glued = /[.!?"')]\s+([A-Z][A-Z'-]{2,20})$/.exec(lastLine);
  if (glued && !isName(lastLine) && !NOT_A_NAME.test(glued[1]!)) return [glued[1]!];
  const names: string[] = [];
  for (let k = lines.length - 1; k >= 0 && names.length < 3; k--) {
    const line = lines[k]!;
    if (!isName(line)) break;
    const before = k > 0 ? lines[k - 1]! : '';
    const allCaps = !/[a-z]/.test(line);
    if (before !== '' && !allCaps && !/[.!?:;"')\]*]$/.test(before) && !/[A-Z]{3,}$/.test(before) && !isName(before)) break;
    names.unshift(...line.split(/\s*\/\s*/));
    if (before === '' || !isName(before)) break;
  }
  return names;
}

function isName(line: string): boolean {
  if (line.length === 0 || line.length > 40 || NOT_A_NAME.test(line)) return false;
  if (!/^[A-Z][A-Za-z.'-]*(?:\s?\/?\s?[A-Z][A-Za-z.'-]*){0,3}$/.test(line)) return false;
  return !/[a-z]\.$/.test(line);
}
