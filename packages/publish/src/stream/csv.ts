import type { TableDef } from '@cablepress/validate';
import { tableToCsv } from '../csv.js';
import { HashedFile, type WrittenFile } from './hashed-file.js';

/**
 * A table's CSV written batch by batch. Every batch goes through `tableToCsv`, the one CSV writer of the package,
 * so dialect, quoting and cell text are those of `writeDataset`; the header is kept from the first batch only.
 */
export class CsvStreamWriter {
  private out: HashedFile;
  private started = false;

  constructor(
    private readonly table: TableDef,
    file: string,
  ) {
    this.out = new HashedFile(file);
  }

  write(rows: readonly Record<string, unknown>[]): void {
    if (rows.length === 0) return;
    const csv = tableToCsv(this.table, rows);
    this.out.write(this.started ? csv.slice(csv.indexOf('\r\n') + 2) : csv);
    this.started = true;
  }

  /** Closes the file; a table without rows gets its header line alone. */
  close(): WrittenFile {
    if (!this.started) {
      const csv = tableToCsv(this.table, []);
      this.out.write(csv.slice(0, csv.indexOf('\r\n') + 2));
    }
    return this.out.close();
  }
}
