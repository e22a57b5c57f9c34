import { mergeOrganizations } from '@cablepress/transform';
import type { IndicatorCandidateRow, IndicatorRow, OrganizationRow, Review } from '@cablepress/validate';
import { cableRows, type CableRows } from './cable.js';
import { indicatorInputOf, indicatorsOf, type DatasetRecipe } from './indicators.js';
import type { SourceCable } from './source.js';

/** Every table of a dataset. */
export type DatasetTables = CableRows & { indicators: IndicatorRow[]; indicator_candidates: IndicatorCandidateRow[] };

/** Adds the organizations of one more cable to those merged so far (one row per organization, mentions summed). */
export function addOrganizations(merged: readonly OrganizationRow[], cable: readonly OrganizationRow[]): OrganizationRow[] {
  return mergeOrganizations(merged, cable);
}

/**
 * Organizations merged cable by cable without copying what is merged so far: the rows `addOrganizations` folded over
 * the same cables gives (each organization's first row, its mentions summed, sorted by id), in time linear in the
 * rows. A corpus build merged every cable into a list it copied and sorted again, on its main thread.
 */
export class OrganizationTally {
  private readonly merged = new Map<string, OrganizationRow>();

  add(cable: readonly OrganizationRow[]): void {
    for (const row of cable) {
      const seen = this.merged.get(row.org_id);
      if (seen) seen.mention_count += row.mention_count;
      else this.merged.set(row.org_id, { ...row });
    }
  }

  rows(): OrganizationRow[] {
    return [...this.merged.values()].map((row) => ({ ...row })).sort((x, y) => (x.org_id < y.org_id ? -1 : x.org_id > y.org_id ? 1 : 0));
  }
}

/**
 * The rows of every table for the cables of a dataset, in the order the dataset lists them: core and fact tables of
 * each cable one after the other, organizations merged cable by cable, and the indicators (with the reviews) and their
 * candidates of the cables together.
 */
export function datasetTables(sources: readonly SourceCable[], recipe: DatasetRecipe | null, reviews: readonly Review[] = []): DatasetTables {
  const perCable = sources.map((source) => ({ cable: source.cable, rows: cableRows(source) }));
  const all = <K extends keyof CableRows>(table: K) => perCable.flatMap(({ rows }) => [...rows[table]]) as CableRows[K];
  const quantities = all('quantities');
  return {
    cables: all('cables'),
    paragraphs: all('paragraphs'),
    tags: all('tags'),
    recipients: all('recipients'),
    cable_references: all('cable_references'),
    quantities,
    events: all('events'),
    organizations: perCable.reduce<OrganizationRow[]>((merged, { rows }) => addOrganizations(merged, rows.organizations), []),
    organization_mentions: all('organization_mentions'),
    legal_provisions: all('legal_provisions'),
    penalties: all('penalties'),
    ...indicatorsOf(
      perCable.map(({ cable, rows }) => indicatorInputOf(cable, rows)),
      recipe,
      reviews,
    ),
  };
}
