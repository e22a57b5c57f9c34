import path from 'node:path';
import { mkdir } from 'node:fs/promises';
import { InputError } from '@cablepress/extract';
import { allTables, type TableDef } from '@cablepress/validate';
import { stage, type Staging } from '../atomic.js';
import { datasetReadme } from '../readme.js';
import { datasetDescriptor, extraResource, tableResources } from '../resources.js';
import type { DatasetInput } from '../dataset-input.js';
import type { WrittenDataset } from '../write-dataset.js';
import { TableStreamWriter, type StreamedTable } from './table-writer.js';

export interface DatasetStreamOptions {
  /** Rows per CSV chunk and Arrow record batch: what is held in memory per table (default 8192). */
  batchRows?: number;
  /**
   * Rows per Parquet row group (default 65536). The open row group is kept encoded and compressed in the writer's
   * WebAssembly memory; bigger groups compress better (on paragraph-like rows, 8192-row groups made the file 2.6×
   * the size of one group, 65536-row groups 1.3×) for a few more MB of memory.
   */
  rowGroupRows?: number;
}

/** Everything `writeDataset` takes except the rows, which were streamed. */
export type StreamedDatasetInput = Omit<DatasetInput, 'tables'>;

/**
 * A dataset written while its rows arrive: `data/<table>.{csv,arrow,parquet}` are streamed into the same staging
 * folder `writeDataset` uses, at most one batch per table in memory. `finish` writes the extra files,
 * datapackage.json and README.md and swaps the whole dataset in; `abort` leaves the previous files as they were.
 * The files have the schemas, types, CSV dialect and descriptions of `writeDataset`; Arrow files hold one record
 * batch per `batchRows` rows and Parquet files one row group per `rowGroupRows` rows instead of one.
 */
export class DatasetStreamWriter {
  private constructor(
    private readonly staging: Staging,
    private readonly writers: Map<string, TableStreamWriter>,
  ) {}

  /** Opens a stream for every table of `allTables` (or the ones given), in publishing order. */
  static async open(dir: string, options: DatasetStreamOptions & { tables?: readonly TableDef[] } = {}): Promise<DatasetStreamWriter> {
    const staging = await stage(dir);
    const tables = (options.tables ?? allTables) as readonly TableDef[];
    const batchRows = options.batchRows ?? 8192;
    const rowGroupRows = options.rowGroupRows ?? 65536;
    const dataDir = path.join(staging.root, 'data');
    await mkdir(dataDir, { recursive: true });
    const writers = new Map(tables.map((t) => [t.name, new TableStreamWriter(t, dataDir, batchRows, rowGroupRows)]));
    return new DatasetStreamWriter(staging, writers);
  }

  /** Appends rows to some of the tables; rows must already fit their schema (see `assertRows`). */
  async append(rows: Readonly<Record<string, readonly Record<string, unknown>[]>>): Promise<void> {
    for (const [name, tableRows] of Object.entries(rows)) {
      const writer = this.writers.get(name);
      if (!writer) throw new InputError('UNKNOWN_TABLE', `table "${name}" is not one of ${[...this.writers.keys()].join(', ')}`, { field: name }, 'use the table names of @cablepress/validate');
      if (tableRows.length > 0) await writer.append(tableRows);
    }
  }

  /** Rows buffered in all tables, waiting for their batch. */
  get buffered(): number {
    let n = 0;
    for (const w of this.writers.values()) n += w.buffered;
    return n;
  }

  /** Closes the table files, writes extra files, datapackage.json and README.md, and swaps the dataset in. */
  async finish(input: StreamedDatasetInput): Promise<WrittenDataset & { rowCounts: Record<string, number> }> {
    try {
      const streamed: StreamedTable[] = [];
      for (const writer of this.writers.values()) streamed.push(await writer.close());
      const files = streamed.flatMap((s) => ['csv', 'arrow', 'parquet'].map((ext) => `data/${s.table.name}.${ext}`));
      const resources = streamed.flatMap((s) => tableResources(s.table, s));
      for (const extra of [...(input.extraFiles ?? [])].sort((a, b) => (a.path < b.path ? -1 : 1))) {
        if (extra.path.startsWith('data/') || ['datapackage.json', 'README.md'].includes(extra.path)) {
          throw new InputError('EXTRA_FILE_PATH', `extra file "${extra.path}" would overwrite a dataset file`, { field: extra.path }, 'give the extra file a new path inside the dataset, such as validation.json');
        }
        await this.staging.write(extra.path, extra.content);
        files.push(extra.path);
        resources.push(extraResource(extra));
      }
      const descriptor = datasetDescriptor(input, resources);
      const rowCounts = Object.fromEntries(streamed.map((s) => [s.table.name, s.rows]));
      await this.staging.write('datapackage.json', JSON.stringify(descriptor, null, 2) + '\n');
      await this.staging.write(
        'README.md',
        datasetReadme({ descriptor, rowCounts, ...(input.changelog ? { changelog: input.changelog } : {}), ...(input.preparation ? { preparation: input.preparation } : {}) }),
      );
      files.push('datapackage.json', 'README.md');
      const entries = [...new Set(files.map((f) => f.split('/')[0]!))].sort();
      await this.staging.commit(entries, []);
      return { descriptor, files, rowCounts };
    } finally {
      await this.staging.discard();
    }
  }

  /** Drops everything streamed so far; the dataset folder keeps its previous files. */
  async abort(): Promise<void> {
    for (const writer of this.writers.values()) await writer.abandon();
    await this.staging.discard();
  }
}
