import { InputError } from '@cablepress/core';
import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseRecipe, parseReviews, type Recipe, type Review } from '@cablepress/validate';
import type { DatasetManifest } from './dataset.js';
import { readRecipeJson } from './read-input.js';

/**
 * Reads the dataset's indicator recipe, or null when it has none. A recipe file that is missing names the package.json
 * field that points at it (the thing to fix); one that cannot be read, is not valid JSON or breaks the recipe schema
 * names the recipe file.
 */
export async function readRecipe(manifest: Pick<DatasetManifest, 'dir' | 'recipe' | 'root'>): Promise<Recipe | null> {
  if (manifest.recipe === null) return null;
  if (
    !(await access(manifest.recipe).then(
      () => true,
      () => false,
    ))
  ) {
    throw new InputError(
      'RECIPE_MISSING',
      `the recipe ${manifest.recipe} named by "cablepress.recipe" does not exist.`,
      { file: path.join(manifest.dir, 'package.json'), field: 'cablepress.recipe' },
      'Point "cablepress.recipe" at the recipe file (relative to the dataset folder), or remove it to build without indicators.',
    );
  }
  return parseRecipe(await readRecipeJson(manifest.recipe, manifest.root), manifest.recipe);
}

/** The file in a dataset folder that keeps the maintainers' decisions on indicator figures (`cablepress review`). */
export const REVIEWS_FILE = 'reviews.json';

/** Reads the dataset's reviews (datasets/<name>/reviews.json); none when the file does not exist. */
export async function readReviews(dir: string): Promise<Review[]> {
  const file = path.join(dir, REVIEWS_FILE);
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw new InputError('SOURCE_UNREADABLE', `the reviews file cannot be read (${error.code}).`, { file }, "Check the file's permissions and type.");
  });
  return text === null ? [] : parseReviews(text, file).reviews;
}
