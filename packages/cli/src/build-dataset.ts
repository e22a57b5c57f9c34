import { datasetPageUrl, epochDate, readChangelog } from '@cablepress/core';
import { buildDataset as build, type BuildSummary } from '@cablepress/pipeline';
import type { DatasetManifest } from './dataset.js';
import { readBoundedFile } from './read-input.js';
import { readRecipe, readReviews } from './recipe-file.js';
import { recordedReleaseDate } from './release-date.js';

export interface BuildOptions {
  paper: 'a4' | 'letter';
  env: Readonly<Record<string, string | undefined>>;
  /** The largest source file read, in bytes (`--max-input-mb`). */
  maxInputBytes: number;
  /** The folder the source cable must lie in: the dataset folder unless it is rebuilt elsewhere (`release`). */
  sourceRoot?: string;
  /** The release date to build with (`release` dates a version it is about to record); else the one releases.json records. */
  releaseDate?: string;
}

/** An ISO 8601 UTC datetime to the second, as datapackage.json writes it. */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The date of the dataset's release: the one `release` is recording, else the one releases.json records for this
 * version, else SOURCE_DATE_EPOCH when set; null for a build not released yet (never the cable's date, never the clock).
 */
async function releaseDateOf(manifest: DatasetManifest, options: BuildOptions): Promise<string | null> {
  if (options.releaseDate) return options.releaseDate;
  const recorded = await recordedReleaseDate(manifest.releaseLog, manifest.version);
  if (recorded) return recorded;
  const epoch = options.env.SOURCE_DATE_EPOCH;
  return epoch ? isoSeconds(epochDate(epoch)) : null;
}

/**
 * Reads what the manifest names (the source cables, within their folder and size cap, the recipe, the changelog, the
 * release date of this version and its published page) and builds the dataset with `@cablepress/pipeline`.
 */
export async function buildDataset(manifest: DatasetManifest, options: BuildOptions): Promise<BuildSummary> {
  if (options.env.SOURCE_DATE_EPOCH) epochDate(options.env.SOURCE_DATE_EPOCH);
  const sources: { file: string; bytes: Uint8Array }[] = [];
  for (const file of manifest.sources) sources.push({ file, bytes: await readBoundedFile(file, options.sourceRoot ?? manifest.dir, options.maxInputBytes) });
  const recipe = await readRecipe(manifest);
  const changelog = await readChangelog(manifest.dir);
  return build(
    {
      dir: manifest.dir,
      name: manifest.name,
      version: manifest.version,
      title: manifest.title,
      description: manifest.description,
      license: manifest.license,
      ...(manifest.homepage ? { homepage: manifest.homepage } : {}),
      sources,
      recipe: recipe && manifest.recipe ? { recipe, file: manifest.recipe } : null,
      reviews: await readReviews(manifest.dir),
      report: manifest.report,
      links: manifest.links,
      ...(changelog === undefined ? {} : { changelog }),
      releaseDate: await releaseDateOf(manifest, options),
      pageUrl: datasetPageUrl(manifest.homepage, manifest.name),
    },
    { paper: options.paper, env: options.env },
  );
}
