const NOT_A_NAME = /^(END|BEGIN|NNNN|BT|COMMENT|SUMMARY|TEXT|NOTE|SIPDIS|SENSITIVE|NOFORN|UNCLASSIFIED|UNCLAS|CONFIDENTIAL|SECRET|THANKS|REGARDS|ACTION|INFO)\b/i;

/**
 * The end of a cable → its signers: the last short name lines ("WATSON", "Tueller", "CLINTON", "RICE",
 * "MCCARTHY / JONES"), after dropping "NNNN" and "*** Visit ... ***" banners. Returns [] when the text ends
 * with a sentence.
 */
export function parseSignedBy(text: string): string[] {
  const lines = text.split('\n').map((l) => l.trim());
  while (lines.length > 0 && (lines[lines.length - 1] === '' || lines[lines.length - 1] === 'NNNN' || lines[lines.length - 1] === 'BT')) lines.pop();
  const names: string[] = [];
  for (let k = lines.length - 1; k >= 0 && names.length < 3; k--) {
    let line = lines[k]!;
    const stars = line.lastIndexOf('*');
    if (stars >= 0) line = line.slice(stars + 1).trim();
    if (!isName(line)) break;
    const before = stars >= 0 ? '' : k > 0 ? lines[k - 1]! : '';
    if (before !== '' && !/[.!?:;"')\]*]$/.test(before) && !isName(before)) break;
    names.unshift(...line.split(/\s*\/\s*/));
    if (stars >= 0 || before === '' || !isName(before)) break;
  }
  return names;
}

function isName(line: string): boolean {
  if (line.length === 0 || line.length > 40 || NOT_A_NAME.test(line)) return false;
  if (!/^[A-Z][A-Za-z.'-]*(?:\s?\/?\s?[A-Z][A-Za-z.'-]*){0,3}$/.test(line)) return false;
  return !/[a-z]\.$/.test(line);
}
