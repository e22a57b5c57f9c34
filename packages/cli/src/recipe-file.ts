import { InputError } from '@cablepress/core';
import { access } from 'node:fs/promises';
import path from 'node:path';
import { parseRecipe, type Recipe } from '@cablepress/validate';
import type { DatasetManifest } from './dataset.js';
import { readRecipeJson } from './read-input.js';

/**
 * Reads the dataset's indicator recipe, or null when it has none. A recipe file that is missing names the package.json
 * field that points at it (the thing to fix); one that cannot be read, is not valid JSON or breaks the recipe schema
 * names the recipe file.
 */
export async function readRecipe(manifest: Pick<DatasetManifest, 'dir' | 'recipe'>): Promise<Recipe | null> {
  if (manifest.recipe === null) return null;
  if (!(await access(manifest.recipe).then(() => true, () => false))) {
    throw new InputError(
      'RECIPE_MISSING',
      `the recipe ${manifest.recipe} named by "cablepress.recipe" does not exist.`,
      { file: path.join(manifest.dir, 'package.json'), field: 'cablepress.recipe' },
      'Point "cablepress.recipe" at the recipe file (relative to the dataset folder), or remove it to build without indicators.',
    );
  }
  return parseRecipe(await readRecipeJson(manifest.recipe), manifest.recipe);
}
