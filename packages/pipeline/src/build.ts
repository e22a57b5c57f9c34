import { epochDate, type Finding } from '@cablepress/core';
import path from 'node:path';
import type { Cable } from '@cablepress/extract';
import type { Review } from '@cablepress/validate';
import { writeDataset } from '@cablepress/publish';
import { checkTables, errorsOf } from './checks.js';
import { datasetTables, type DatasetTables } from './dataset.js';
import { failOnErrors } from './one-cable.js';
import type { DatasetRecipe } from './indicators.js';
import { parserFindings, readSourceCable, type SourceCable } from './source.js';

/** What a dataset is built from, read by the caller: its identity, its source cables' bytes and the files beside them. */
export interface DatasetBuildInput {
  /** Absolute path of the dataset folder, written in place. */
  dir: string;
  name: string;
  version: string;
  title: string;
  description: string;
  /** An SPDX licence identifier. */
  license: string;
  /** The site's base URL when the repository configures one: the fact sheet links the dataset's page under it. */
  homepage?: string;
  /** The source cables in the order the dataset lists them; `file` is the path errors name. */
  sources: readonly { file: string; bytes: Uint8Array }[];
  recipe: DatasetRecipe | null;
  /** The maintainers' decisions on indicator figures (the dataset's reviews.json); none when absent. */
  reviews?: readonly Review[];
  /** Absolute path of the fact sheet PDF, written with the dataset. */
  report: string;
  /** What the README links, relative to the dataset folder: the fact sheet and the dataset's page on the site. */
  links: { factSheet: string; datasetPage: string | null };
  /** The dataset's CHANGELOG.md, when it has one. */
  changelog?: string;
  /**
   * The release date of this version (the one the release log records, or the one `release` is recording), or null
   * for a build not released yet: datapackage.json then has no `created` and the README and citation say so.
   */
  releaseDate: string | null;
  /** The dataset's published page under the configured homepage, or null when none is configured. */
  pageUrl: string | null;
}

export interface DatasetBuildOptions {
  paper: 'a4' | 'letter';
  /** The environment: SOURCE_DATE_EPOCH, when set, is the build date. */
  env: Readonly<Record<string, string | undefined>>;
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

/** The fact sheet's own timestamp (PDF metadata) before a release: SOURCE_DATE_EPOCH when set, else the cable's own date — never the wall clock. */
export function buildDate(env: DatasetBuildOptions['env'], cable: Pick<Cable, 'created'>): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') return epochDate(epoch);
  return new Date(cable.created ?? '1970-01-01T00:00:00Z');
}

/** The cable sent last: the build date of a dataset of several cables. */
function latest(cables: readonly Cable[]): Cable {
  return cables.reduce((a, b) => ((b.created ?? '') > (a.created ?? '') ? b : a));
}

/** The tables of a dataset and every finding (parser warnings, then the checks); a check error throws CHECKS_FAILED and nothing is written. */
export function checkedTables(input: Pick<DatasetBuildInput, 'sources' | 'recipe' | 'reviews'>): {
  sources: SourceCable[];
  tables: DatasetTables;
  findings: Finding[];
} {
  const sources = input.sources.map(({ file, bytes }) => readSourceCable(bytes, file));
  const tables = datasetTables(sources, input.recipe, input.reviews);
  const findings = [...parserFindings(sources), ...checkTables(tables, sources)];
  failOnErrors(findings, input.sources[0]!.file);
  return { sources, tables, findings };
}

/** Builds one dataset from its source cables: tables, checks, fact sheet and data files (written atomically). */
export async function buildDataset(input: DatasetBuildInput, options: DatasetBuildOptions): Promise<BuildSummary> {
  if (options.env.SOURCE_DATE_EPOCH) epochDate(options.env.SOURCE_DATE_EPOCH);
  const { sources, tables, findings } = checkedTables(input);
  const errors = errorsOf(findings);
  const cableIds = sources.map(({ cable }) => cable.id);
  const created = input.releaseDate ? new Date(input.releaseDate) : buildDate(options.env, latest(sources.map(({ cable }) => cable)));
  const validation = `${JSON.stringify({ ...(cableIds.length === 1 ? { cable_id: cableIds[0] } : { cable_ids: cableIds }), findings }, null, 2)}\n`;
  // The fact sheet's code (pdfkit and its fonts) is loaded only here: a corpus build, which makes no fact sheet, and its
  // workers start without it (a third of the time they spend loading code).
  const { renderFactSheet } = await import('@cablepress/report');
  const pdf = await renderFactSheet({
    tables,
    findings,
    dataset: { name: input.name, version: input.version, title: input.title, license: input.license, ...(input.homepage ? { homepage: input.homepage } : {}) },
    paper: options.paper,
    creationDate: created,
  });
  const written = await writeDataset(
    input.dir,
    {
      name: input.name,
      title: input.title,
      description: input.description,
      version: input.version,
      ...(input.releaseDate ? { created: input.releaseDate } : {}),
      licenses: [{ name: input.license, path: `https://spdx.org/licenses/${input.license}.html`, title: input.license }],
      sources: sources.map(({ cable, sha256 }) => ({
        id: cable.id,
        title: cable.subject || cable.title || cable.id,
        path: `https://wikileaks.org/plusd/cables/${encodeURIComponent(cable.id)}_a.html`,
        sha256,
      })),
      contributors: [{ title: 'cablepress', roles: ['creator'] }],
      tables,
      extraFiles: [
        {
          path: 'validation.json',
          content: validation,
          description: 'Findings of the cross-checks run on this build (codes, messages, source spans).',
          mediatype: 'application/json',
        },
      ],
      readme: {
        factSheet: input.links.factSheet,
        ...(input.links.datasetPage ? { releasePage: input.links.datasetPage } : {}),
        findings,
        releaseDate: input.releaseDate,
        pageUrl: input.pageUrl,
      },
      ...(input.changelog === undefined ? {} : { changelog: input.changelog }),
    },
    { companions: [{ path: input.report, content: pdf }] },
  );
  return {
    dataset: input.name,
    version: input.version,
    cable_id: cableIds.join(','),
    rows: Object.fromEntries(Object.entries(tables).map(([name, rows]) => [name, rows.length])),
    errors: errors.length,
    warnings: findings.length - errors.length,
    findings,
    files: [...written.files, path.relative(input.dir, input.report)],
  };
}
