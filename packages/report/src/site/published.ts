import { decodeCableBytes } from '@cablepress/extract';
import type { Finding } from '@cablepress/core';
import { type DataPackage, type Dataset, openDataset, type Resource, type TableSchema } from '@cablepress/publish';

/** A row as the CSV writes it: every cell text, an empty cell null (the site shows values, never converts them). */
export type SiteRow = Record<string, string | null>;

/** A published table: its CSV resource and its rows. */
export interface SiteTable {
  resource: Resource & { schema: TableSchema };
  rows: SiteRow[];
  primaryKey: string[];
}

export interface ReleaseEntry {
  version: string;
  created: string;
}

/** What the site shows of one published dataset, read with publish's `openDataset`. */
export interface PublishedDataset {
  dir: string;
  descriptor: DataPackage;
  /** CSV tables by resource name, in descriptor order. */
  tables: Map<string, SiteTable>;
  /** The decoded text of each source cable by cable id; absent when the source file is not in the dataset. */
  sources: Map<string, string>;
  findings: Finding[];
  releases: ReleaseEntry[];
}

async function siteTables(dataset: Dataset): Promise<Map<string, SiteTable>> {
  const tables = new Map<string, SiteTable>();
  for (const resource of dataset.tableResources()) {
    const table = await dataset.table(resource);
    if (!table) continue;
    const rows = table.cells.map((cells) => Object.fromEntries(table.header.map((name, i) => [name, cells[i] === '' || cells[i] === undefined ? null : cells[i]!])));
    tables.set(resource.name, { resource, rows, primaryKey: resource.schema.primaryKey });
  }
  return tables;
}

/** The source cables named in the cables table, read from the dataset's `source/` folder when they are there. */
async function siteSources(dataset: Dataset, cables: SiteTable | undefined): Promise<Map<string, string>> {
  const sources = new Map<string, string>();
  for (const row of cables?.rows ?? []) {
    const id = row.cable_id;
    const file = row.source_file;
    if (!id || !file || file.includes('/') || file.includes('\\')) continue;
    const bytes = await dataset.files.read(`source/${file}`).catch(() => undefined);
    if (bytes) sources.set(id, decodeCableBytes(bytes, file));
  }
  return sources;
}

/** Reads a dataset (folder or bundle) for the site: its tables as text, its source cables, validation.json and releases.json. */
export async function readPublishedDataset(dir: string): Promise<PublishedDataset> {
  const dataset = await openDataset(dir);
  const tables = await siteTables(dataset);
  const validation = await dataset.json<{ findings?: Finding[] }>('validation.json');
  const log = await dataset.json<{ releases?: ReleaseEntry[] }>('releases.json');
  return {
    dir,
    descriptor: dataset.descriptor,
    tables,
    sources: await siteSources(dataset, tables.get('cables')),
    findings: validation?.findings ?? [],
    releases: log?.releases ?? [],
  };
}
