import { monthNumber } from '@cablepress/core';
const PRECEDENCE: Record<string, string> = { Z: 'FLASH', O: 'IMMEDIATE', P: 'PRIORITY', R: 'ROUTINE' };

/** Precedence letter (as in "P 290544Z FEB 08" or "PP RUEHWEB") → its name: P=PRIORITY, O=IMMEDIATE, R=ROUTINE, Z=FLASH. */
export function expandPrecedence(letter: string): string | null {
  return PRECEDENCE[letter.toUpperCase()] ?? null;
}

/** "P 290544Z FEB 08" → { precedence: "PRIORITY", dtg: "290544Z FEB 08" }; null when the line is not a DTG line. */
export function parseDtgLine(line: string): { precedence: string | null; dtg: string } | null {
  const m = /^([ZOPRM])\s+(\d{6}Z\s+[A-Z]{3}\s+\d{2,4})\b/.exec(line.trim());
  if (!m) return null;
  return { precedence: expandPrecedence(m[1]!), dtg: m[2]!.replace(/\s+/g, ' ') };
}

/** "290544Z FEB 08" → its parts (year 2-digit years: 66-99 → 19xx, else 20xx). */
export function dtgParts(dtg: string): { year: number; month: number; day: number; hour: number; minute: number } | null {
  const m = /^(\d{2})(\d{2})(\d{2})Z ([A-Z]{3}) (\d{2}|\d{4})$/.exec(dtg);
  if (!m) return null;
  const month = monthNumber(m[4]!);
  if (month === null) return null;
  const y = Number(m[5]);
  const year = m[5]!.length === 4 ? y : y >= 66 ? 1900 + y : 2000 + y;
  const day = Number(m[1]);
  const hour = Number(m[2]);
  const minute = Number(m[3]);
  if (day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  return { year, month, day, hour, minute };
}
