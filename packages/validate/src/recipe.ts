import { type Finding, ValidationError } from '@cablepress/core';
import { z } from 'zod';
import { QUANTITY_KINDS } from './fact-tables.js';
import { INDICATOR_CATEGORIES, INDICATOR_DEFINITIONS } from './indicator-definitions.js';

/** Where an indicator's figure stands: narrows the quantities table until exactly one row is left. */
export const locatorSchema = z
  .object({
    cable_id: z.string().min(1).optional().meta({ description: 'Cable the figure is in; needed only when the dataset has several cables.' }),
    paragraph: z
      .object({
        number: z.int().min(0).optional().meta({ description: 'Printed paragraph number, e.g. 5 for ¶5.' }),
        section: z.string().min(1).optional().meta({ description: 'Start of the section heading, e.g. "XXVIII" or "SUMMARY".' }),
        key: z.string().min(1).optional().meta({ description: 'Reftel key of the paragraph, e.g. "F" or "A and B".' }),
      })
      .strict()
      .refine((p) => p.number !== undefined || p.section !== undefined || p.key !== undefined, 'give a paragraph number, section or key')
      .meta({ description: 'The paragraph, by number or by section and key.' }),
    sentence: z.string().min(1).meta({ description: 'Words that must appear in the sentence of the figure (white space is normalised).' }),
    figure: z.string().min(1).meta({ description: 'The figure as written in the cable, e.g. "38", "more than 1,044" or "$35-$60".' }),
    kind: z.enum(QUANTITY_KINDS).optional().meta({ description: 'Kind of quantity, when the figure text alone is ambiguous.' }),
  })
  .strict();

export const indicatorRecipeSchema = z
  .object({
    indicator_id: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lowercase letters, digits and hyphens')
      .meta({ description: 'Stable id, e.g. arrests-2007.' }),
    label: z.string().min(1).meta({ description: 'Short label for the figure.' }),
    category: z.enum(INDICATOR_CATEGORIES).meta({ description: 'prosecution, protection, prevention or context.' }),
    indicator: z
      .enum(INDICATOR_DEFINITIONS.map((d) => d.indicator) as [string, ...string[]])
      .optional()
      .meta({ description: 'The indicator of the definitions the figure is, when it is one (its definition then goes with it), e.g. arrests.' }),
    period: z.string().min(1).nullable().meta({ description: 'Period the figure refers to, e.g. 2007, or null.' }),
    locate: locatorSchema,
  })
  .strict();

/** A dataset's recipe file (datasets/<name>/indicators.json): the curated key figures and where to find them. */
export const recipeSchema = z
  .object({
    $schema: z.string().optional(),
    description: z.string().optional().meta({ description: 'What the recipe is for.' }),
    indicators: z.array(indicatorRecipeSchema).min(1),
  })
  .strict()
  .superRefine((recipe, ctx) => {
    const seen = new Set<string>();
    recipe.indicators.forEach((ind, i) => {
      if (seen.has(ind.indicator_id))
        ctx.addIssue({ code: 'custom', message: `duplicate indicator_id ${ind.indicator_id}`, path: ['indicators', i, 'indicator_id'] });
      seen.add(ind.indicator_id);
    });
  });

export type Recipe = z.infer<typeof recipeSchema>;
export type IndicatorRecipe = z.infer<typeof indicatorRecipeSchema>;
export type Locator = z.infer<typeof locatorSchema>;

function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : `${acc}.${String(p)}`), '$');
}

/**
 * Parses a recipe from JSON text or an already parsed value. Throws a ValidationError naming the file and the JSON
 * path of every problem.
 */
export function parseRecipe(json: unknown, file: string): Recipe {
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch (err) {
      throw new ValidationError('RECIPE_JSON', `${file}: not valid JSON (${(err as Error).message})`, [], { file }, 'Fix the JSON syntax of the recipe file.');
    }
  }
  const result = recipeSchema.safeParse(value);
  if (result.success) return result.data;
  const findings: Finding[] = result.error.issues.map((issue) => ({
    code: 'RECIPE_SCHEMA',
    severity: 'error',
    message: `${file} ${jsonPath(issue.path)}: ${issue.message}`,
    path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
  }));
  const first = result.error.issues[0]!;
  throw new ValidationError(
    'RECIPE_SCHEMA',
    `${file} ${jsonPath(first.path)}: ${first.message}${findings.length > 1 ? ` (and ${findings.length - 1} more problem(s))` : ''}`,
    findings,
    { file, field: jsonPath(first.path) },
    'Each indicator needs indicator_id, label, category, period and locate {paragraph, sentence, figure}.',
  );
}
