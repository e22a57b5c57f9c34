import type { Cable } from '@cablepress/extract';
import { applyRecipe, applyTipRecipe, cableCountry, isTipReport, reportingYear, type TipIndicatorTables } from '@cablepress/transform';
import type { ParagraphRow, QuantityRow, Recipe, Review } from '@cablepress/validate';
import type { CableRows } from './cable.js';

/** A dataset's indicator recipe and the file it was read from (named in its errors). */
export interface DatasetRecipe {
  recipe: Recipe;
  file: string;
}

/** What the indicators need of one cable: a few header fields, its quantities and its paragraphs (small enough to send between threads). */
export interface IndicatorInput {
  cable: Pick<Cable, 'id' | 'created' | 'tags' | 'origin' | 'subject' | 'title'>;
  quantities: readonly QuantityRow[];
  paragraphs: readonly ParagraphRow[];
}

/** The indicator input of one cable. */
export function indicatorInputOf(cable: Cable, rows: Pick<CableRows, 'quantities' | 'paragraphs'>): IndicatorInput {
  const { id, created, tags, origin, subject, title } = cable;
  return { cable: { id, created, tags, origin, subject, title }, quantities: rows.quantities, paragraphs: rows.paragraphs };
}

/**
 * The indicators of a dataset's cables and the candidates not published: from the dataset's recipe (no candidates) or,
 * without one, from the generic TIP recipe over the cables that are TIP reports (grouped by country and reporting year,
 * so they need the cables together), with the maintainers' reviews of the dataset.
 */
export function indicatorsOf(inputs: readonly IndicatorInput[], recipe: DatasetRecipe | null, reviews: readonly Review[] = []): TipIndicatorTables {
  if (recipe === null)
    return applyTipRecipe(
      inputs.filter(({ cable }) => isTipReport(cable)),
      reviews,
    );
  const contexts = new Map(
    inputs.map(({ cable }) => [
      cable.id,
      {
        country: cableCountry(cable)?.iso ?? null,
        reporting_year: isTipReport(cable) ? reportingYear(cable.created) : null,
      },
    ]),
  );
  const quantities = inputs.flatMap((i) => [...i.quantities]);
  const paragraphs = inputs.flatMap((i) => [...i.paragraphs]);
  return {
    indicators: applyRecipe(recipe.recipe, { quantities, paragraphs }, { file: recipe.file, context: (id) => contexts.get(id)! }),
    indicator_candidates: [],
  };
}
