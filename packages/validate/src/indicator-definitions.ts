import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { InternalError } from '@cablepress/core';

export const INDICATOR_CATEGORIES = ['prosecution', 'protection', 'prevention', 'context'] as const;

const definitionSchema = z.object({
  indicator: z.string().regex(/^[a-z]+(?:-[a-z]+)*$/),
  label: z.string().min(1),
  category: z.enum(INDICATOR_CATEGORIES),
  unit: z.string().min(1),
  definition: z.string().min(1),
  tip_terms: z.array(z.string().min(1)).min(1),
  not_counted: z.array(z.string().min(1)),
});

const fileSchema = z.object({
  description: z.string().min(1),
  source: z.string().min(1),
  not_counted: z.array(z.string().min(1)).min(1),
  indicators: z.array(definitionSchema).min(1),
});

/** One indicator of a TIP report: what it counts, for whom, over what, in what unit, and what does not count. */
export type IndicatorDefinition = z.infer<typeof definitionSchema>;

function load(): z.infer<typeof fileSchema> {
  const file = 'packages/validate/data/indicator-definitions.json';
  const parsed = fileSchema.safeParse(JSON.parse(readFileSync(new URL('../data/indicator-definitions.json', import.meta.url), 'utf8')));
  if (!parsed.success) {
    const field = `$.${parsed.error.issues[0]!.path.join('.')}`;
    throw new InternalError('DATA_FILE_INVALID', `${file} ${field}: ${parsed.error.issues[0]!.message}`, { file, field });
  }
  return parsed.data;
}

const definitions = load();

/** The indicator definitions (data/indicator-definitions.json), in publishing order. */
export const INDICATOR_DEFINITIONS: readonly IndicatorDefinition[] = definitions.indicators;

/** What never counts for any indicator. */
export const NOT_COUNTED: readonly string[] = definitions.not_counted;

/** The definition of one indicator, or undefined. */
export function indicatorDefinition(indicator: string | null): IndicatorDefinition | undefined {
  return INDICATOR_DEFINITIONS.find((d) => d.indicator === indicator);
}

/** The definitions as one text for a column description: "investigations: Trafficking cases ...; arrests: ...". */
export function definitionsText(): string {
  const each = INDICATOR_DEFINITIONS.map((d) => `${d.indicator} (${d.unit}): ${d.definition} Not: ${d.not_counted.join('; ')}.`).join(' ');
  return `${each} For every indicator, not: ${NOT_COUNTED.join('; ')}.`;
}
