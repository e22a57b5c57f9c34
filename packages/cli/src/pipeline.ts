import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Cable } from '@cablepress/extract';
import { runChecks, ValidationError, type Finding } from '@cablepress/validate';
import { datasetPageUrl } from '@cablepress/core';
import { epochDate, writeDataset } from '@cablepress/publish';
import { renderFactSheet } from '@cablepress/report';
import type { DatasetManifest } from './dataset.js';
import { readBoundedFile } from './read-input.js';
import { readRecipe } from './recipe-file.js';
import { recordedReleaseDate } from './release-date.js';
import { parserFindings, readSourceCable, tablesOf, type SourceCable } from './sources.js';

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

export interface BuildSummary {
  dataset: string;
  version: string;
  cable_id: string;
  rows: Record<string, number>;
  errors: number;
  warnings: number;
  findings: Finding[];
  files: string[];
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

/** An ISO 8601 UTC datetime to the second, as datapackage.json writes it. */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The fact sheet's own timestamp (PDF metadata): SOURCE_DATE_EPOCH when set, else the cable's date — never the wall clock. */
export function buildDate(env: BuildOptions['env'], cable: Cable): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') return epochDate(epoch);
  return new Date(cable.created ?? '1970-01-01T00:00:00Z');
}

/** The cable sent last: the build date of a dataset of several cables. */
function latest(cables: readonly Cable[]): Cable {
  return cables.reduce((a, b) => ((b.created ?? '') > (a.created ?? '') ? b : a));
}

/** Builds one dataset from its source cables: tables, checks, data files and fact sheet. */
export async function buildDataset(manifest: DatasetManifest, options: BuildOptions): Promise<BuildSummary> {
  if (options.env.SOURCE_DATE_EPOCH) epochDate(options.env.SOURCE_DATE_EPOCH);
  const sources: SourceCable[] = [];
  for (const source of manifest.sources) sources.push(readSourceCable(await readBoundedFile(source, options.sourceRoot ?? manifest.dir, options.maxInputBytes), source));
  const parsed = await readRecipe(manifest);
  const recipe = parsed && manifest.recipe ? { recipe: parsed, file: manifest.recipe } : null;
  const tables = tablesOf(sources, recipe);
  const findings = [
    ...parserFindings(sources),
    ...runChecks({ tables, sources: new Map(sources.map(({ cable }) => [cable.id, cable.source])) }),
  ];
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length > 0) {
    throw new ValidationError('CHECKS_FAILED', `${errors.length} check(s) failed: ${errors.slice(0, 3).map((f) => f.message).join('; ')}`, findings, {
      file: manifest.sources[0]!,
    });
  }
  const cableIds = sources.map(({ cable }) => cable.id);
  const releaseDate = await releaseDateOf(manifest, options);
  const created = releaseDate ? new Date(releaseDate) : buildDate(options.env, latest(sources.map(({ cable }) => cable)));
  const changelog = await readFile(path.join(manifest.dir, 'CHANGELOG.md'), 'utf8').catch(() => undefined);
  const validation = `${JSON.stringify({ ...(cableIds.length === 1 ? { cable_id: cableIds[0] } : { cable_ids: cableIds }), findings }, null, 2)}\n`;
  const pdf = await renderFactSheet({
    tables,
    findings,
    dataset: { name: manifest.name, version: manifest.version, title: manifest.title },
    paper: options.paper,
    creationDate: created,
  });
  const written = await writeDataset(manifest.dir, {
    name: manifest.name,
    title: manifest.title,
    description: manifest.description,
    version: manifest.version,
    ...(releaseDate ? { created: releaseDate } : {}),
    licenses: [{ name: manifest.license, path: `https://spdx.org/licenses/${manifest.license}.html`, title: manifest.license }],
    sources: sources.map(({ cable, sha256 }) => ({ id: cable.id, title: cable.subject || cable.title || cable.id, path: `https://wikileaks.org/plusd/cables/${encodeURIComponent(cable.id)}_a.html`, sha256 })),
    contributors: [{ title: 'cablepress', roles: ['creator'] }],
    tables,
    extraFiles: [{ path: 'validation.json', content: validation, description: 'Findings of the cross-checks run on this build (codes, messages, source spans).', mediatype: 'application/json' }],
    readme: {
      factSheet: manifest.links.factSheet,
      ...(manifest.links.datasetPage ? { releasePage: manifest.links.datasetPage } : {}),
      findings,
      releaseDate,
      pageUrl: datasetPageUrl(manifest.homepage, manifest.name),
    },
    ...(changelog === undefined ? {} : { changelog }),
  }, { companions: [{ path: manifest.report, content: pdf }] });
  return {
    dataset: manifest.name,
    version: manifest.version,
    cable_id: cableIds.join(','),
    rows: Object.fromEntries(Object.entries(tables).map(([name, rows]) => [name, rows.length])),
    errors: errors.length,
    warnings: findings.length - errors.length,
    findings,
    files: [...written.files, path.relative(manifest.dir, manifest.report)],
  };
}
