import type { DataPackage } from '../describe/datapackage.js';
import type { ReadmeContext } from '../describe/readme-sections.js';

/** A file published next to the tables (e.g. validation.json), listed as a resource of the package. */
export interface ExtraFile {
  path: string;
  content: string | Uint8Array;
  description: string;
  mediatype: string;
}

/**
 * What a dataset is written from: the descriptor's own fields (name lowercase `[a-z0-9-]`, version the semver of the
 * dataset's workspace package, created the ISO 8601 UTC datetime of the version's release record, or of
 * SOURCE_DATE_EPOCH, and left out for a build not released yet; never the wall clock) and the rows.
 */
export interface DatasetInput extends Omit<DataPackage, '$schema' | 'resources'> {
  /** Rows of each table by table name; tables are written in `allTables` order. */
  tables: Record<string, readonly Record<string, unknown>[]>;
  extraFiles?: ExtraFile[];
  /** Text of the dataset's CHANGELOG.md; read from `<dir>/CHANGELOG.md` when left out. */
  changelog?: string;
  /** The Preparation section of the README; a description of the cablepress pipeline when left out. */
  preparation?: string;
  /** What the README says beyond the rows: fact sheet and dataset page links, the build's warnings, the release date. */
  readme?: ReadmeContext;
}
