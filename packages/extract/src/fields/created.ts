import { monthNumber } from '@cablepress/core';
import { dtgParts } from './dtg.js';

const pad = (n: number): string => String(n).padStart(2, '0');

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number | null;
  minute: number | null;
  second: number | null;
}

/**
 * The publisher's "Created" value → its calendar date and, when it is trustworthy, its time.
 * - PlusD "2008-02-29 05:44:00": date and time (UTC).
 * - WikiLeaks HTML "2010-02-16 14:02": date and hour; the minutes are unreliable (they repeat the hour).
 * - Cablegate text "Thu Dec 20 00:00:00 +0100 2001" (Ruby Time#to_s): a date-only value rendered at local
 *   midnight in the publisher's time zone. Converting that to UTC would move every cable to the day before,
 *   so the calendar date is kept as written and the time is left unknown.
 */
export function parseCreatedMeta(value: string): Parts | null {
  const v = value.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(v);
  if (m) {
    const hasTime = m[4] !== undefined;
    const exact = m[6] !== undefined;
    return {
      year: Number(m[1]),
      month: Number(m[2]),
      day: Number(m[3]),
      hour: hasTime ? Number(m[4]) : null,
      minute: exact ? Number(m[5]) : null,
      second: exact ? Number(m[6]) : null,
    };
  }
  m = /^[A-Z][a-z]{2} ([A-Z][a-z]{2}) (\d{1,2}) \d{2}:\d{2}:\d{2} [+-]\d{4} (\d{4})$/.exec(v);
  if (m) {
    const month = monthNumber(m[1]!);
    if (month === null) return null;
    return { year: Number(m[3]), month, day: Number(m[2]), hour: null, minute: null, second: null };
  }
  return null;
}

/**
 * Created timestamp, ISO 8601 UTC. The date is the publisher's; the time comes from the DTG when the DTG is
 * on the same day (the DTG is the real transmission time), else from the metadata where it can be trusted,
 * else 00:00:00. Without metadata the DTG alone is used. `mismatch` is true when the DTG and the metadata
 * disagree on the date by more than a day.
 */
export function resolveCreated(meta: string | null, dtg: string | null): { created: string | null; mismatch: boolean } {
  const m = meta ? parseCreatedMeta(meta) : null;
  const d = dtg ? dtgParts(dtg) : null;
  if (!m) {
    if (!d) return { created: null, mismatch: false };
    return { created: `${d.year}-${pad(d.month)}-${pad(d.day)}T${pad(d.hour)}:${pad(d.minute)}:00Z`, mismatch: false };
  }
  const date = `${String(m.year).padStart(4, '0')}-${pad(m.month)}-${pad(m.day)}`;
  let time = `${pad(m.hour ?? 0)}:${pad(m.minute ?? 0)}:${pad(m.second ?? 0)}`;
  let mismatch = false;
  if (d) {
    const metaDay = Date.UTC(m.year, m.month - 1, m.day);
    const dtgDay = Date.UTC(d.year, d.month - 1, d.day);
    if (metaDay === dtgDay) time = `${pad(d.hour)}:${pad(d.minute)}:00`;
    else if (Math.abs(metaDay - dtgDay) > 86_400_000) mismatch = true;
  }
  return { created: `${date}T${time}Z`, mismatch };
}
