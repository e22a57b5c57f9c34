import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { decodeCableBytes, parseCable, type Cable } from '@cablepress/extract';
import { runChecks, ValidationError, type Finding } from '@cablepress/validate';
import { applyRecipe, extractFacts, transformCable } from '@cablepress/transform';
import { epochDate, writeDataset } from '@cablepress/publish';
import { renderFactSheet } from '@cablepress/report';
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

/** The build date: SOURCE_DATE_EPOCH when set, else the cable's own date — never the wall clock. */
export function buildDate(env: BuildOptions['env'], cable: Cable): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') return epochDate(epoch);
  return new Date(cable.created ?? '1970-01-01T00:00:00Z');
}

/** Builds one dataset from its single source cable: tables, checks, data files and fact sheet. */
export async function buildDataset(manifest: DatasetManifest, options: BuildOptions): Promise<BuildSummary> {
  if (options.env.SOURCE_DATE_EPOCH) epochDate(options.env.SOURCE_DATE_EPOCH);
  const bytes = await readBoundedFile(manifest.source, options.sourceRoot ?? manifest.dir, options.maxInputBytes);
  const file = path.basename(manifest.source);
  const text = decodeCableBytes(bytes, manifest.source);
  const cable = parseCable(text, { source: manifest.source });
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const core = transformCable(cable, { file, sha256 });
  const facts = extractFacts(cable, core.paragraphs.map((p) => p.paragraph_id));
  const recipe = await readRecipe(manifest);
  const indicators = recipe ? applyRecipe(recipe, { quantities: facts.quantities, paragraphs: core.paragraphs }, { file: manifest.recipe! }) : [];
  const tables = {
    ...core,
    quantities: facts.quantities,
    events: facts.events,
    organizations: facts.organizations,
    organization_mentions: facts.organization_mentions,
    legal_provisions: facts.legal_provisions,
    penalties: facts.penalties,
    indicators,
  };
  const findings = [
    ...cable.warnings.map((w): Finding => ({
      code: w.code,
      severity: 'warning',
      message: w.message,
      path: ['cables', cable.id],
      ...(w.span ? { spans: [{ cable_id: cable.id, char_start: w.span.start, char_end: w.span.end }] } : {}),
    })),
    ...runChecks({ tables, sources: new Map([[cable.id, cable.source]]) }),
  ];
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length > 0) {
    throw new ValidationError('CHECKS_FAILED', `${errors.length} check(s) failed: ${errors.slice(0, 3).map((f) => f.message).join('; ')}`, findings, {
      file: manifest.source,
    });
  }
  const created = buildDate(options.env, cable);
  const createdText = created.toISOString().replace(/\.000Z$/, 'Z');
  const changelog = await readFile(path.join(manifest.dir, 'CHANGELOG.md'), 'utf8').catch(() => undefined);
  const validation = `${JSON.stringify({ cable_id: cable.id, findings }, null, 2)}\n`;
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
    created: createdText,
    licenses: [{ name: manifest.license, path: `https://spdx.org/licenses/${manifest.license}.html`, title: manifest.license }],
    sources: [{ id: cable.id, title: cable.subject || cable.title || cable.id, path: `https://wikileaks.org/plusd/cables/${encodeURIComponent(cable.id)}_a.html`, sha256 }],
    contributors: [{ title: 'cablepress', roles: ['creator'] }],
    tables,
    extraFiles: [{ path: 'validation.json', content: validation, description: 'Findings of the cross-checks run on this build (codes, messages, source spans).', mediatype: 'application/json' }],
    readme: {
      factSheet: manifest.links.factSheet,
      ...(manifest.links.datasetPage ? { releasePage: manifest.links.datasetPage } : {}),
      findings,
      releaseDate: (await recordedReleaseDate(manifest.releaseLog, manifest.version)) ?? createdText,
    },
    ...(changelog === undefined ? {} : { changelog }),
  }, { companions: [{ path: manifest.report, content: pdf }] });
  return {
    dataset: manifest.name,
    version: manifest.version,
    cable_id: cable.id,
    rows: Object.fromEntries(Object.entries(tables).map(([name, rows]) => [name, rows.length])),
    errors: errors.length,
    warnings: findings.length - errors.length,
    findings,
    files: [...written.files, path.relative(manifest.dir, manifest.report)],
  };
}
