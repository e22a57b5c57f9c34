import type { Cable } from '@cablepress/extract';
import type { Row, cablesTable, paragraphsTable, recipientsTable, referencesTable, tagsTable } from '@cablepress/validate';

/** What the caller knows about the file the cable came from. */
export interface SourceInfo {
  file: string;
  sha256: string;
}

/** The rows one cable contributes to each core table. */
export interface CableTables {
  cables: Row<typeof cablesTable>[];
  paragraphs: Row<typeof paragraphsTable>[];
  tags: Row<typeof tagsTable>[];
  recipients: Row<typeof recipientsTable>[];
  references: Row<typeof referencesTable>[];
}

export declare function transformCable(cable: Cable, source: SourceInfo): CableTables;
