/** A cable id as WikiLeaks PlusD spells it: two year digits, then the station and number (`08VIENTIANE145`). */
const PLUSD_ID = /^[0-9]{2}[A-Z0-9]+$/;

/** The cable's public page in the WikiLeaks PlusD archive; undefined for an id PlusD does not use. */
export function plusdUrl(cableId: string): string | undefined {
  return PLUSD_ID.test(cableId) ? `https://wikileaks.org/plusd/cables/${encodeURIComponent(cableId)}_a.html` : undefined;
}

/** The SPDX page of a licence identifier (`CC0-1.0` → https://spdx.org/licenses/CC0-1.0.html). */
export function licenseUrl(spdx: string): string {
  return `https://spdx.org/licenses/${encodeURIComponent(spdx)}.html`;
}
