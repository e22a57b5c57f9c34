import { createHash } from 'node:crypto';
import path from 'node:path';
import { decodeCableBytes, parseCable, type Cable } from '@cablepress/extract';
import {
  applyRecipe, applyTipRecipe, cableCountry, extractFacts, isTipReport, mergeOrganizations, reportingYear, transformCable,
} from '@cablepress/transform';
import type { Finding, Recipe } from '@cablepress/validate';

/** A source cable of a dataset, read and parsed. */
export interface SourceCable {
  cable: Cable;
  /** File name inside the dataset's source folder. */
  file: string;
  sha256: string;
}

/** Parses the bytes of one source file of a dataset. */
export function readSourceCable(bytes: Uint8Array, file: string): SourceCable {
  const cable = parseCable(decodeCableBytes(bytes, file), { source: file });
  return { cable, file: path.basename(file), sha256: createHash('sha256').update(bytes).digest('hex') };
}

/**
 * The rows of every table for the cables of a dataset, in the order the dataset lists them: core and fact tables of
 * each cable one after the other, organizations merged, and indicators from the dataset's recipe or, without one, from
 * the generic TIP recipe over the cables that are TIP reports.
 */
export function tablesOf(sources: readonly SourceCable[], recipe: { recipe: Recipe; file: string } | null) {
  const perCable = sources.map(({ cable, file, sha256 }) => {
    const core = transformCable(cable, { file, sha256 });
    return { cable, core, facts: extractFacts(cable, core.paragraphs.map((p) => p.paragraph_id)) };
  });
  const all = <R>(rows: (c: (typeof perCable)[number]) => readonly R[]) => perCable.flatMap((c) => [...rows(c)]);
  const quantities = all((c) => c.facts.quantities);
  const paragraphs = all((c) => c.core.paragraphs);
  const contexts = new Map(perCable.map(({ cable }) => [cable.id, {
    country: cableCountry(cable)?.iso ?? null,
    reporting_year: isTipReport(cable) ? reportingYear(cable.created) : null,
  }]));
  const indicators = recipe
    ? applyRecipe(recipe.recipe, { quantities, paragraphs }, { file: recipe.file, context: (id) => contexts.get(id)! })
    : applyTipRecipe(perCable.filter(({ cable }) => isTipReport(cable)).map(({ cable, core, facts }) => ({ cable, quantities: facts.quantities, paragraphs: core.paragraphs })));
  return {
    cables: all((c) => c.core.cables),
    paragraphs,
    tags: all((c) => c.core.tags),
    recipients: all((c) => c.core.recipients),
    cable_references: all((c) => c.core.cable_references),
    quantities,
    events: all((c) => c.facts.events),
    organizations: perCable.reduce<ReturnType<typeof mergeOrganizations>>((merged, c) => mergeOrganizations(merged, c.facts.organizations), []),
    organization_mentions: all((c) => c.facts.organization_mentions),
    legal_provisions: all((c) => c.facts.legal_provisions),
    penalties: all((c) => c.facts.penalties),
    indicators,
  };
}

/** The parser's warnings about each cable, as findings. */
export function parserFindings(sources: readonly SourceCable[]): Finding[] {
  return sources.flatMap(({ cable }) => cable.warnings.map((w): Finding => ({
    code: w.code,
    severity: 'warning',
    message: w.message,
    path: ['cables', cable.id],
    ...(w.span ? { spans: [{ cable_id: cable.id, char_start: w.span.start, char_end: w.span.end }] } : {}),
  })));
}
