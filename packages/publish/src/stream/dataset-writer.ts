import { InputError } from '@cablepress/core';
import path from 'node:path';
import { makeDirs } from '@cablepress/core';
import { allTables, fieldsOf, type TableDef } from '@cablepress/validate';
import { stage, type Staging } from '../commit/atomic.js';
import { datasetDocuments, DOCUMENTS } from '../describe/documents.js';
import { datasetDescriptor, extraResource, extraResourceOf, partitionedTableResources, tableResources } from '../describe/resources.js';
import type { DatasetInput, ExtraFile } from '../commit/dataset-input.js';
import type { ReadmeRows } from '../describe/readme-sections.js';
import type { WrittenDataset } from '../commit/write-dataset.js';
import { HashedFile } from './hashed-file.js';
import type { TablePart } from './table-part.js';
import { TableStreamWriter, type StreamedTable } from './table-writer.js';

export interface DatasetStreamOptions {
  /** Rows per part when rows are appended with `append` (default 8192): what is held in memory per table. */
  batchRows?: number;
  /**
   * Write the Parquet of every table that has this column as a Hive-style partitioned folder
   * (`data/<table>/<partition>=<value>/part-0.parquet`) instead of one file; parts then carry their partition
   * values (see `encodeTablePart`). The column itself is not in the files: readers take it from the folder name.
   */
  partition?: { name: string; byColumn: string };
}

/** Where the Parquet row-group descriptions wait for the footers, in the staging folder; it is never committed. */
const SPILL_FOLDER = 'row-groups';

/** Everything `writeDataset` takes except the rows, which were streamed. */
export type StreamedDatasetInput = Omit<DatasetInput, 'tables'>;

/** An extra file written while the build runs (e.g. findings listed as they come), described like an `ExtraFile`. */
export interface ExtraFileStream {
  write(text: string): void;
}

/** What `finish` does beside writing the files: the hooks of a writer that holds every row (`writeDataset`). */
export interface FinishOptions {
  /** Every row, for the README sections that read them (the period covered, the warnings of each paragraph). */
  readmeRows?: ReadmeRows;
  /** Top-level entries of the previous release that the commit retires when this one does not publish them. */
  replaces?: string[];
  /** Files published outside the dataset folder with it (the fact sheet), switched in by the same commit. */
  companions?: { path: string; content: Uint8Array }[];
  /** Called with each staged file (package-relative path, writing order) before the commit; throwing aborts it. */
  onFile?: (path: string) => void | Promise<void>;
  /** Called with the staging folder once every file is written, before the commit; throwing aborts it. */
  check?: (root: string) => Promise<void>;
}

/**
 * A dataset written while its rows arrive: `data/<table>.{csv,arrow,parquet}` are streamed into the same staging
 * folder `writeDataset` uses. Rows come either as encoded parts (`appendParts`, made in worker threads by
 * `encodeTablePart`) or as rows (`append`). `finish` writes the extra files, datapackage.json and README.md and swaps
 * the whole dataset in with the shared commit of `stage`; `abort` leaves the previous files as they were. The files
 * have the schemas, types, CSV dialect and descriptions of `writeDataset`; Arrow files hold one record batch and
 * Parquet files one row group per part.
 */
export class DatasetStreamWriter {
  private streams = new Map<string, { file: HashedFile; extra: Omit<ExtraFile, 'content'> }>();

  private constructor(
    private readonly staging: Staging,
    private readonly writers: Map<string, TableStreamWriter>,
    private readonly partition: DatasetStreamOptions['partition'],
  ) {}

  /** Opens a stream for every table of `allTables` (or the ones given); `companions` are the files outside `dir` that `finish` may publish with it. */
  static async open(
    dir: string,
    options: DatasetStreamOptions & { tables?: readonly TableDef[]; companions?: readonly string[] } = {},
  ): Promise<DatasetStreamWriter> {
    const staging = await stage(dir, options.companions ?? []);
    try {
      const tables = (options.tables ?? allTables) as readonly TableDef[];
      const batchRows = options.batchRows ?? 8192;
      const dataDir = path.join(staging.root, 'data');
      const spillDir = path.join(staging.root, SPILL_FOLDER);
      await makeDirs(dataDir);
      await makeDirs(spillDir);
      const writers = new Map(tables.map((t) => [t.name, new TableStreamWriter(t, dataDir, spillDir, batchRows, partitionedBy(t, options.partition))]));
      return new DatasetStreamWriter(staging, writers, options.partition);
    } catch (error) {
      await staging.discard();
      throw error;
    }
  }

  private writer(name: string): TableStreamWriter {
    const writer = this.writers.get(name);
    if (!writer)
      throw new InputError(
        'UNKNOWN_TABLE',
        `table "${name}" is not one of ${[...this.writers.keys()].join(', ')}`,
        { field: name },
        'use the table names of @cablepress/validate',
      );
    return writer;
  }

  /** Whether the Parquet of this table is partitioned (its parts must then be encoded with a partition function). */
  isPartitioned(table: TableDef): boolean {
    return partitionedBy(table, this.partition) !== undefined;
  }

  /** Appends encoded parts to some of the tables. */
  appendParts(parts: Readonly<Record<string, TablePart>>): void {
    for (const [name, part] of Object.entries(parts)) this.writer(name).appendPart(part);
  }

  /** Appends rows to some of the (unpartitioned) tables; rows must already fit their schema (see `assertRows`). */
  async append(rows: Readonly<Record<string, readonly Record<string, unknown>[]>>): Promise<void> {
    for (const [name, tableRows] of Object.entries(rows)) {
      const writer = this.writer(name);
      if (tableRows.length > 0) writer.append(tableRows);
    }
  }

  /** Rows buffered in all tables, waiting for their part. */
  get buffered(): number {
    let n = 0;
    for (const w of this.writers.values()) n += w.buffered;
    return n;
  }

  /** Opens an extra file to be written a piece at a time; it becomes a resource like `extraFiles` in `finish`. */
  openExtraFile(extra: Omit<ExtraFile, 'content'>): ExtraFileStream {
    checkExtraPath(extra.path);
    const file = new HashedFile(path.join(this.staging.root, extra.path));
    this.streams.set(extra.path, { file, extra });
    return { write: (text) => file.write(text) };
  }

  /** Closes the table files, writes extra files, datapackage.json, README.md, LICENSE.md and CITATION.cff, and swaps the dataset in. */
  async finish(input: StreamedDatasetInput, options: FinishOptions = {}): Promise<WrittenDataset & { rowCounts: Record<string, number> }> {
    try {
      const streamed: StreamedTable[] = [];
      for (const writer of this.writers.values()) streamed.push(writer.close());
      const files: string[] = [];
      const resources = streamed.flatMap((s) => {
        if (Array.isArray(s.parquet)) {
          files.push(`data/${s.table.name}.csv`, `data/${s.table.name}.arrow`, ...s.parquet.map((p) => p.path));
          return partitionedTableResources(s.table, { csv: s.csv, arrow: s.arrow, parquet: s.parquet }, this.partition!.name);
        }
        files.push(...['csv', 'arrow', 'parquet'].map((ext) => `data/${s.table.name}.${ext}`));
        return tableResources(s.table, { csv: s.csv, arrow: s.arrow, parquet: s.parquet });
      });
      const extras = [
        ...(input.extraFiles ?? []).map((extra) => ({
          path: extra.path,
          write: async () => {
            checkExtraPath(extra.path);
            await this.staging.write(extra.path, extra.content);
            return extraResource(extra);
          },
        })),
        ...[...this.streams.values()].map(({ file, extra }) => ({ path: extra.path, write: async () => extraResourceOf(extra, file.close()) })),
      ].sort((a, b) => (a.path < b.path ? -1 : 1));
      for (const extra of extras) {
        resources.push(await extra.write());
        files.push(extra.path);
      }
      const descriptor = datasetDescriptor(input, resources);
      const rowCounts = Object.fromEntries(streamed.map((s) => [s.table.name, s.rows]));
      await this.staging.write('datapackage.json', JSON.stringify(descriptor, null, 2) + '\n');
      const documents = datasetDocuments({
        descriptor,
        rowCounts,
        context: input.readme ?? {},
        ...(options.readmeRows ? { rows: options.readmeRows } : {}),
        ...(input.changelog ? { changelog: input.changelog } : {}),
        ...(input.preparation ? { preparation: input.preparation } : {}),
      });
      for (const [name, text] of documents) await this.staging.write(name, text);
      files.push('datapackage.json', ...documents.map(([name]) => name));
      for (const file of files) await options.onFile?.(file);
      await options.check?.(this.staging.root);
      for (const companion of options.companions ?? []) await this.staging.attach(companion.path, companion.content);
      const entries = [...new Set(files.map((f) => f.split('/')[0]!))].sort();
      await this.staging.commit(entries, options.replaces ?? []);
      return { descriptor, files, rowCounts };
    } finally {
      await this.staging.discard();
    }
  }

  /** Drops everything streamed so far; the dataset folder keeps its previous files. */
  async abort(): Promise<void> {
    for (const writer of this.writers.values()) writer.abandon();
    for (const { file } of this.streams.values()) file.abandon();
    await this.staging.discard();
  }
}

/** The partition column of a table, when the dataset is partitioned and the table has the column it is keyed by. */
function partitionedBy(table: TableDef, partition: DatasetStreamOptions['partition']): string | undefined {
  if (!partition) return undefined;
  return fieldsOf(table).some((f) => f.name === partition.byColumn) ? partition.name : undefined;
}

function checkExtraPath(extraPath: string): void {
  if (extraPath.startsWith('data/') || extraPath.includes('/') || ['datapackage.json', ...DOCUMENTS].includes(extraPath as never)) {
    throw new InputError(
      'EXTRA_FILE_PATH',
      `extra file "${extraPath}" would overwrite a dataset file`,
      { field: extraPath },
      'give the extra file a new path inside the dataset, such as validation.json',
    );
  }
}
