import { z } from 'zod';
import { ValidationError, type Finding } from '@cablepress/core';

export const REVIEW_DECISIONS = ['accept', 'reject', 'correct'] as const;

/** One maintainer's decision on an indicator figure, kept in the dataset's reviews.json so that it survives rebuilds. */
export const reviewSchema = z
  .object({
    id: z.string().min(1).meta({ description: 'A candidate_id of indicator_candidates, or an indicator_id of indicators.' }),
    decision: z
      .enum(REVIEW_DECISIONS)
      .meta({ description: 'accept: publish the candidate; reject: do not publish it; correct: publish it with the value (or indicator) given.' }),
    reason: z.string().min(1).meta({ description: 'Why, in the words a data user will read in review_reason or reason.' }),
    value: z.number().optional().meta({ description: 'correct: the right value, as the sentence states it.' }),
    indicator: z.string().optional().meta({ description: 'correct: the right indicator, one of the definitions.' }),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.decision === 'correct' && r.value === undefined && r.indicator === undefined) {
      ctx.addIssue({ code: 'custom', message: 'a correction gives the right value or indicator', path: ['value'] });
    }
  });

/** A dataset's reviews file (datasets/<name>/reviews.json). */
export const reviewsSchema = z
  .object({
    description: z.string().optional(),
    reviews: z.array(reviewSchema),
  })
  .strict()
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.reviews.forEach((r, i) => {
      if (seen.has(r.id)) ctx.addIssue({ code: 'custom', message: `a second review of ${r.id}: keep one decision per figure`, path: ['reviews', i, 'id'] });
      seen.add(r.id);
    });
  });

export type Review = z.infer<typeof reviewSchema>;
export type Reviews = z.infer<typeof reviewsSchema>;

function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : `${acc}.${String(p)}`), '$');
}

/** Parses a reviews file from JSON text; a ValidationError (REVIEWS_JSON, REVIEWS_SCHEMA) names the file and JSON path. */
export function parseReviews(text: string, file: string): Reviews {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new ValidationError(
      'REVIEWS_JSON',
      `${file}: not valid JSON (${(err as Error).message})`,
      [],
      { file },
      'Fix the JSON syntax of the reviews file, or record decisions with cablepress review.',
    );
  }
  const result = reviewsSchema.safeParse(value);
  if (result.success) return result.data;
  const first = result.error.issues[0]!;
  const findings: Finding[] = result.error.issues.map((issue) => ({
    code: 'REVIEWS_SCHEMA',
    severity: 'error',
    message: `${file} ${jsonPath(issue.path)}: ${issue.message}`,
    path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
  }));
  throw new ValidationError(
    'REVIEWS_SCHEMA',
    `${file} ${jsonPath(first.path)}: ${first.message}`,
    findings,
    { file, field: jsonPath(first.path) },
    'Each review needs id, decision (accept, reject or correct) and reason.',
  );
}
