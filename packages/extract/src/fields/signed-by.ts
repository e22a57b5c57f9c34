import { trimEndWhile } from '@cablepress/core';
const NOT_A_NAME =
  /^(END|BEGIN|NNNN|BT|COMMENT|SUMMARY|TEXT|NOTE|SIPDIS|SENSITIVE|NOFORN|UNCLASSIFIED|UNCLAS|CONFIDENTIAL|SECRET|THANKS|REGARDS|ACTION|INFO|THE|A|AN|AND|BUT|IN|ON|OF|TO|FOR|WE|HE|SHE|IT|THEY|THIS|THAT|POST|EMBASSY|MISSION|GOVERNMENT|MINISTER|AMBASSADOR)$/i;

/**
 * Lines after the signature that are not cable text: NNNN, BT, a lone "." or page number, classification
 * banners (LIMITED OFFICIAL USE, SENSITIVE BUT UNCLASSIFIED, C O N F I D E N T I A L), CABLE ENDS, End Cable Text,
 * Declassified/Released lines (and their wrapped "... Review 30 JUN 2005"), NOTE BY OC/T, NOTE: NOT PASSED TO ...,
 * a lone ">", the PlusD footer "2004CARACA01540 - UNCLASSIFIED", SIPDIS, page headers and breaks, website footers.
 */
const TRAILER =
  /^(?:|NNNN?|BT|#|\.|\d{1,3}|END (?:OF )?CABLE(?: TEXT)?|CABLE ENDS|(?:SENSITIVE BUT )?UNCLASSIFIED(?:\/\/FOR OFFICIAL USE ONLY)?|UNCLAS|CONFIDENTIAL|SECRET|NOFORN|SIPDIS|SENSITIVE|LIMITED OFFICIAL USE|C O N F I D E N T I A L|S E C R E T|(?:CONFIDENTIAL|SECRET|UNCLASSIFIED|UNCLAS)(?: ?\/\/? ?[A-Z]+){0,3}|DECLASSIFIED\/RELEASED\b.{0,120}|.{0,80}\bREVIEW \d{1,2} [A-Z]{3} \d{4}|NOTE BY OC\/T\b.{0,200}|NOTE: NOT PASSED\b.{0,120}|>|\d{4}[A-Z]{2,20}\d{3,6}(?:_[A-Z0-9]{1,4})? - .{1,60}|PAGE \d{2,3}\b.{0,80}|[A-Z][A-Z .']{1,30} \d{6,10} +\d{3}(?:\.\d)? +OF +\d{3}|(?:\*+ ?)?VISIT\b[^*]{0,200}\**|.{0,80}\b(?:HTTPS?:\/\/|WWW\.)[^ ]{0,120})$/i;

/** A line that may follow the signature and is not cable text. */
export function isTrailerLine(line: string): boolean {
  return line.length <= 300 && TRAILER.test(line.trim());
}

/**
 * A signer without decorations: "SMITH##" → SMITH, "JONES." → JONES, "WEINROD.." → WEINROD. An initial keeps
 * its dot, and a mixed-case word ending in one dot ("Second.") stays a sentence.
 */
export function cleanName(name: string): string {
  const trimmed = trimEndWhile(name.replace(/^[#*.,;:\s]+/, ''), (c) => /[#*,;:\s]/.test(c));
  if (/(?:^|[\s.])[A-Z]\.$/.test(trimmed) || (/[a-z]\.$/.test(trimmed) && !/\.\.$/.test(trimmed))) return trimmed;
  return trimmed.replace(/\.+$/, '');
}

/**
 * The end of a cable (or a whole cable) → its signers: the last short name lines ("WATSON", "Tueller",
 * "CLINTON", "MCCARTHY / JONES"), a name glued after the last sentence ("... in the TIP report. SCOBEY",
 * "END COMMENT. Smith") or after a "*** Visit ... ***" banner ("...***** ERELI"). What follows the
 * signature (NNNN, banners, CABLE ENDS, Declassified/Released lines, NOTE BY OC/T, SIPDIS, page headers,
 * website footers, a lone ".") is skipped; decorations are stripped (SMITH## → SMITH).
 * Returns [] when the text ends inside a sentence.
 */
export function parseSignedBy(text: string): string[] {
  const lines = text.split('\n').map((l) => l.trim());
  while (lines.length > 0 && isTrailerLine(lines[lines.length - 1]!)) lines.pop();
  const lastLine = lines[lines.length - 1];
  if (lastLine === undefined) return [];
  const stars = lastLine.lastIndexOf('*');
  if (stars >= 0) {
    const name = cleanName(lastLine.slice(stars + 1));
    return isName(name) ? splitNames(name) : [];
  }
  const afterEnd = /\bEND (?:COMMENT|NOTE|SUMMARY|TEXT)\s?\.?\s+([A-Z][A-Za-z'-]{1,20}(?: [A-Z][A-Za-z'-]{1,20})?)[#.]*$/.exec(lastLine);
  if (afterEnd && !NOT_A_NAME.test(afterEnd[1]!)) return [cleanName(afterEnd[1]!)];
  const glued = /[.!?"')]\s+([A-Z][A-Z'-]{2,20})[#.]*$/.exec(lastLine);
  if (glued && !isName(cleanName(lastLine)) && !NOT_A_NAME.test(glued[1]!)) return [glued[1]!];
  const names: string[] = [];
  for (let k = lines.length - 1; k >= 0 && names.length < 3; k--) {
    const line = k === lines.length - 1 ? cleanName(lines[k]!) : lines[k]!;
    if (!isName(line)) break;
    const before = k > 0 ? lines[k - 1]! : '';
    const allCaps = !/[a-z]/.test(line);
    if (before !== '' && !allCaps && !/[.!?:;"')\]*]$/.test(before) && !/[A-Z]{3,}$/.test(before) && !isName(before)) break;
    names.unshift(...splitNames(line));
    if (before === '' || !isName(before) || /\.$/.test(before)) break;
  }
  return names;
}

/** "MCCARTHY / JONES" → ["MCCARTHY", "JONES"]. */
function splitNames(line: string): string[] {
  return line.split('/').map((n) => n.trim());
}

function isName(line: string): boolean {
  if (line.length === 0 || line.length > 40 || NOT_A_NAME.test(line)) return false;
  if (!/^[A-Z][A-Za-z.'-]*(?:\s?\/?\s?[A-Z][A-Za-z.'-]*){0,3}$/.test(line)) return false;
  return !/[a-z]\.$/.test(line);
}
