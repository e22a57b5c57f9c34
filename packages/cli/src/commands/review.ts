import { UsageError } from '@cablepress/core';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { datasetTables, readSourceCable, type DatasetTables } from '@cablepress/pipeline';
import { parseReviews, type Review } from '@cablepress/validate';
import { readDatasetManifest, type DatasetManifest } from '../dataset.js';
import { EXIT } from '../io.js';
import type { RunCommand } from '../program.js';
import { DEFAULT_MAX_INPUT_MB, readBoundedFile } from '../read-input.js';
import { readRecipe, readReviews, REVIEWS_FILE } from '../recipe-file.js';

/** The indicator tables of a dataset as a build makes them today, with its reviews. */
async function indicatorTables(manifest: DatasetManifest, reviews: readonly Review[]): Promise<Pick<DatasetTables, 'indicators' | 'indicator_candidates'>> {
  const sources = [];
  for (const file of manifest.sources) sources.push(readSourceCable(await readBoundedFile(file, manifest.dir, DEFAULT_MAX_INPUT_MB * 1024 * 1024), file));
  const recipe = await readRecipe(manifest);
  const { indicators, indicator_candidates } = datasetTables(sources, recipe && manifest.recipe ? { recipe, file: manifest.recipe } : null, reviews);
  return { indicators, indicator_candidates };
}

/** The decision the options ask for, or null when they only ask to show. */
function decisionOf(values: { accept?: string; reject?: string; correct?: string; value?: number; indicator?: string; reason?: string }): Review | null {
  const given = (['accept', 'reject', 'correct'] as const).filter((d) => values[d] !== undefined);
  if (given.length === 0) return null;
  if (given.length > 1)
    throw new UsageError(`give one of --accept, --reject and --correct, not ${given.map((d) => `--${d}`).join(' and ')}.`, 'Record one decision at a time.');
  const decision = given[0]!;
  if (!values.reason)
    throw new UsageError(
      `--${decision} needs --reason: say why, in the words a data user will read.`,
      'e.g. --reason "the MOPS total for 2007, confirmed by post"',
    );
  if (decision === 'correct' && values.value === undefined && values.indicator === undefined) {
    throw new UsageError('--correct needs --value or --indicator: the right figure or indicator.', 'e.g. --correct la-2007-arrests --value 24 --reason "..."');
  }
  return {
    id: values[decision]!,
    decision,
    reason: values.reason,
    ...(decision === 'correct' && values.value !== undefined ? { value: values.value } : {}),
    ...(decision === 'correct' && values.indicator !== undefined ? { indicator: values.indicator } : {}),
  };
}

function shorten(s: string, n: number): string {
  const flat = s.replace(/\s+/g, ' ');
  return flat.length > n ? `${flat.slice(0, n - 1)}\u2026` : flat;
}

function formatTables(t: Pick<DatasetTables, 'indicators' | 'indicator_candidates'>): string {
  const lines = [`Published indicators (${t.indicators.length}):`];
  for (const r of t.indicators) {
    const by =
      r.decided_by === 'reviewer' ? `confirmed by a reviewer: ${r.review_reason}` : r.decided_by === 'recipe' ? 'named in the recipe' : 'taken by the rules';
    lines.push(`  ${r.indicator_id} = ${r.value}${r.unit ? ` ${r.unit}` : ''} (${by})`, `    ${r.citation}: ${shorten(r.quote, 160)}`);
  }
  lines.push('', `Candidates, not published (${t.indicator_candidates.length}):`);
  for (const c of t.indicator_candidates) lines.push(`  ${c.candidate_id} = ${c.value}: ${c.reason}`, `    ${c.citation}: ${shorten(c.quote, 160)}`);
  return `${lines.join('\n')}\n`;
}

/** Adds or replaces one decision in the dataset's reviews.json, keeping the others in their order. */
async function recordReview(dir: string, review: Review): Promise<void> {
  const file = path.join(dir, REVIEWS_FILE);
  const text = await readFile(file, 'utf8').catch(() => null);
  const current = text === null ? { description: REVIEWS_DESCRIPTION, reviews: [] } : parseReviews(text, file);
  const reviews = current.reviews.some((r) => r.id === review.id)
    ? current.reviews.map((r) => (r.id === review.id ? review : r))
    : [...current.reviews, review];
  await writeFile(file, `${JSON.stringify({ ...current, reviews }, null, 2)}\n`);
}

const REVIEWS_DESCRIPTION =
  "Maintainers' decisions on the indicator figures of this dataset, recorded with `cablepress review`: accept publishes a candidate, reject keeps a figure unpublished, correct publishes it with the value or indicator given. Each build applies them; the published row says decided_by = reviewer and gives the reason.";

/**
 * `cablepress review <dataset> [--json] [--accept|--reject|--correct <id> --reason <text> [--value n] [--indicator name]]`:
 * shows the published indicators and the candidates with their sentence; with a decision, records it in the dataset's
 * reviews.json (checked against today's build first) for the next build to apply.
 */
export const run: RunCommand<'review'> = async ([dataset], values, io) => {
  const manifest = await readDatasetManifest(dataset, io.cwd);
  const review = decisionOf(values);
  const reviews = await readReviews(manifest.dir);
  if (review) {
    const ids = await indicatorTables(manifest, reviews).then(
      (t) => new Set([...t.indicators.map((r) => r.indicator_id), ...t.indicator_candidates.map((c) => c.candidate_id)]),
    );
    if (!ids.has(review.id)) {
      throw new UsageError(`${manifest.name} has no indicator or candidate ${review.id}.`, `Run cablepress review ${dataset} to see the ids.`);
    }
  }
  const next = review ? [...reviews.filter((r) => r.id !== review.id), review] : reviews;
  const tables = await indicatorTables(manifest, next);
  if (review) await recordReview(manifest.dir, review);
  if (values.json) {
    io.stdout(`${JSON.stringify({ ok: true, exitCode: EXIT.ok, dataset: manifest.name, recorded: review, ...tables })}\n`);
    return EXIT.ok;
  }
  io.stdout(formatTables(tables));
  if (review)
    io.stdout(
      `\nRecorded in ${path.join(dataset, REVIEWS_FILE)}: ${review.decision} ${review.id}. Rebuild with cablepress build ${dataset} and add a changeset.\n`,
    );
  return EXIT.ok;
};
