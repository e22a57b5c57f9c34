/**
 * A section heading that starts with a roman numeral up to 89 (the numbered parts of a reftel answer): the numeral,
 * then a colon, a period or the end of the heading ("XXIX: Protection", "IV.", "XII"). A heading whose first word is
 * only made of the letters (CIVIL SOCIETY, MID-YEAR) is not numbered.
 */
const LEADING_ROMAN = /^(L?X{0,3}(?:IX|IV|V?I{0,3}))(?=\s*[:.]|\s*$)/;

/** The roman numeral a section heading starts with ("XXIX" of "XXIX: Protection and Assistance to Victims"), or null. */
export function leadingRoman(heading: string): string | null {
  const numeral = LEADING_ROMAN.exec(heading.trim())?.[1];
  return numeral ? numeral : null;
}
