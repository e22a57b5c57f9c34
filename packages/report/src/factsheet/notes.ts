import { datasetPageUrl, type Finding, licenseUrl, plusdUrl } from '@cablepress/core';
import { INDICATOR_DEFINITIONS } from '@cablepress/validate';
import { escapeRegExp, MAX_PATTERN_NAME } from './format.js';
import type { SourceRow } from './model.js';
import type { FactSheetInput, IndicatorRow, OrganizationRow } from './types.js';

const FINDING_LEADS: Record<string, string> = {
  FIGURE_CONFLICT: 'The cable gives two different figures',
  CONFLICTING_FIGURES: 'The cable gives two different figures',
  CONVERSION_RATES_DISAGREE: 'The cable’s currency conversions disagree',
  TRUNCATED: 'The source is incomplete',
  PARTIAL_EXTRACT: 'The source is an extract',
};

/**
 * A cross-check finding as a footnote a reader can follow: table ids (08VIENTIANE145-p004-q01, "-p004 [4502, 4504)")
 * become paragraph citations and organization ids their acronyms.
 */
export function findingNote(f: Finding, cableId: string, cite: (paragraphId: string) => string, orgs: readonly OrganizationRow[]): string {
  const id = escapeRegExp(cableId);
  let text = f.message.replace(new RegExp(`^${id}:\\s*`), '');
  text = text.replace(new RegExp(`(${id}-p\\d+)(?:-[a-z]\\d+)*(?:\\s*\\[\\d+,\\s*\\d+\\))?`, 'g'), (_, pid: string) => cite(pid) || pid);
  text = text.replace(/\(([^()=]+?) = \1\)/g, '($1)');
  for (const o of orgs) {
    if (o.acronym && o.org_id.length >= 3 && o.org_id.length <= MAX_PATTERN_NAME)
      text = text.replace(new RegExp(`\\b${escapeRegExp(o.org_id)}\\b`, 'g'), o.acronym);
  }
  const lead = FINDING_LEADS[f.code] ?? (f.severity === 'error' ? `Error ${f.code}` : `Warning ${f.code}`);
  return `${lead}: ${text}`;
}

/** The definition of each indicator among the rows, once, in the order of the definitions. */
export function definitionNotes(rows: readonly IndicatorRow[]): string[] {
  const shown = new Set(rows.map((r) => r.indicator));
  return INDICATOR_DEFINITIONS.filter((d) => shown.has(d.indicator)).map((d) => `${d.label}: ${d.definition}`);
}

/** "Citations: ¶ 5 is the cable’s numbered paragraph 5; XXVII D is answer D under section XXVII." from citations in use. */
export function citationNote(citations: readonly string[]): string {
  const parts: string[] = [];
  const numbered = citations.map((c) => c.match(/^¶ (\d+)$/)).find((m) => m !== null);
  if (numbered) parts.push(`${numbered[0]} is the cable’s numbered paragraph ${numbered[1]}`);
  const keyed = citations.map((c) => c.match(/^([IVXLCDM]+) ([A-Z])$/)).find((m) => m !== null);
  if (keyed) parts.push(`${keyed[0]} is answer ${keyed[2]} under section ${keyed[1]}`);
  return parts.length > 0 ? `Citations: ${parts.join('; ')}.` : 'Citations give the paragraph of the cable each statement comes from.';
}

/** The cable's public original in the WikiLeaks PlusD archive, as a sources row (none for an id PlusD does not use). */
export function originalRow(cableId: string): SourceRow[] {
  const original = plusdUrl(cableId);
  return original ? [{ label: 'Original', value: original, link: original }] : [];
}

/** The links every fact sheet prints besides its cables: the dataset's page (when a homepage is configured) and the data licence. */
export function datasetLinkRows(dataset: FactSheetInput['dataset']): SourceRow[] {
  const page = dataset.homepage ? datasetPageUrl(dataset.homepage, dataset.name) : null;
  return [
    ...(page ? [{ label: 'Online', value: page, link: page }] : []),
    { label: 'Licence', value: `${dataset.license} (the data): ${licenseUrl(dataset.license)}`, link: licenseUrl(dataset.license) },
  ];
}
