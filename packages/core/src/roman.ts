/** The roman numeral a section heading starts with ("XXIX" of "XXIX. Victim protection"). */
const LEADING_ROMAN = /^([IVXLCDM]+)\b/;

/** The roman numeral at the start of `text`, or null. */
export function leadingRoman(text: string): string | null {
  return LEADING_ROMAN.exec(text)?.[1] ?? null;
}
