/**
 * Handling lines between the classification banner and the E.O. line → one entry per instruction, in order:
 * "SIPDIS", "SENSITIVE", "STATE ALSO PASS TO USAID", "DEPT FOR EAP/MLS", "FOR G/TIP AND NEA". A line such as
 * "SIPDIS SIPDIS" gives two entries; the publisher's "partial extract" notice is not a handling line.
 */
export function parseHandling(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const t = line.replace(/\s+/g, ' ').trim();
    if (!t || /partial extract/i.test(t)) continue;
    if (/^(?:(?:SIPDIS|SENSITIVE|NOFORN) )+(?:SIPDIS|SENSITIVE|NOFORN)$/.test(t)) for (const word of t.split(' ')) out.push(word);
    else out.push(t);
  }
  return out;
}
