import { epochDate, readChangelog } from '@cablepress/core';
import { buildDataset as build, type BuildSummary } from '@cablepress/pipeline';
import type { DatasetManifest } from './dataset.js';
import { readBoundedFile } from './read-input.js';
import { readRecipe } from './recipe-file.js';
import { recordedReleaseDate } from './release-date.js';

export interface BuildOptions {
  paper: 'a4' | 'letter';
  env: Readonly<Record<string, string | undefined>>;
  /** The largest source file read, in bytes (`--max-input-mb`). */
  maxInputBytes: number;
  /** The folder the source cable must lie in: the dataset folder unless it is rebuilt elsewhere (`release`). */
  sourceRoot?: string;
}

/**
 * Reads what the manifest names (the source cables, within their folder and size cap, the recipe, the changelog and
 * the release record of this version) and builds the dataset with `@cablepress/pipeline`.
 */
export async function buildDataset(manifest: DatasetManifest, options: BuildOptions): Promise<BuildSummary> {
  if (options.env.SOURCE_DATE_EPOCH) epochDate(options.env.SOURCE_DATE_EPOCH);
  const sources: { file: string; bytes: Uint8Array }[] = [];
  for (const file of manifest.sources) sources.push({ file, bytes: await readBoundedFile(file, options.sourceRoot ?? manifest.dir, options.maxInputBytes) });
  const recipe = await readRecipe(manifest);
  const changelog = await readChangelog(manifest.dir);
  return build({
    dir: manifest.dir,
    name: manifest.name,
    version: manifest.version,
    title: manifest.title,
    description: manifest.description,
    license: manifest.license,
    sources,
    recipe: recipe && manifest.recipe ? { recipe, file: manifest.recipe } : null,
    report: manifest.report,
    links: manifest.links,
    ...(changelog === undefined ? {} : { changelog }),
    releaseDate: await recordedReleaseDate(manifest.releaseLog, manifest.version),
  }, { paper: options.paper, env: options.env });
}
