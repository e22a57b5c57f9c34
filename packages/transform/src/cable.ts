import type { Cable } from '@cablepress/extract';
import type { Row, cablesTable, paragraphsTable, recipientsTable, referencesTable, tagsTable } from '@cablepress/validate';
import { describeTag } from './tag-dictionary.js';

/** What the caller knows about the file the cable came from. */
export interface SourceInfo {
  /** File name as it should appear in the dataset (no directories). */
  file: string;
  /** SHA-256 of the file bytes, lowercase hex. */
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

/** Paragraph id of the paragraph at 1-based position `seq`, e.g. 08VIENTIANE145-p001. */
export function paragraphId(cableId: string, seq: number): string {
  return `${cableId}-p${String(seq).padStart(3, '0')}`;
}

function joined(values: readonly string[]): string | null {
  return values.length > 0 ? values.join('; ') : null;
}

/** Turns one parsed cable into its rows of the core tables. */
export function transformCable(cable: Cable, source: SourceInfo): CableTables {
  const cableId = cable.id;
  const paragraphs = cable.paragraphs.map((p) => ({
    paragraph_id: paragraphId(cableId, p.seq),
    cable_id: cableId,
    seq: p.seq,
    number: p.number,
    section: p.section,
    key: p.key,
    kind: p.kind,
    classification_marking: p.classification,
    text: p.text,
    char_start: p.span.start,
    char_end: p.span.end,
  }));
  return {
    cables: [
      {
        cable_id: cableId,
        created: cable.created,
        classification: cable.classification,
        origin: cable.origin,
        subject: cable.subject,
        title: cable.title,
        precedence: cable.precedence,
        dtg: cable.dtg,
        transmission_id: cable.transmissionId,
        from: cable.from,
        handling: joined(cable.handling),
        classified_by: joined(cable.classifiedBy),
        signed_by: joined(cable.signedBy),
        paragraph_count: paragraphs.length,
        source_file: source.file,
        source_format: cable.format,
        source_sha256: source.sha256,
        truncated: cable.truncated,
      },
    ],
    paragraphs,
    tags: cable.tags.map((tag, i) => ({ cable_id: cableId, position: i + 1, tag, description: describeTag(tag) })),
    recipients: [
      ...cable.to.map((r, i) => ({ role: 'to' as const, position: i + 1, r })),
      ...cable.info.map((r, i) => ({ role: 'info' as const, position: i + 1, r })),
    ].map(({ role, position, r }) => ({
      cable_id: cableId,
      role,
      position,
      routing_indicator: r.route,
      name: r.name,
      precedence: r.precedence,
      serial: r.mcn,
    })),
    references: cable.references.map((ref, i) => ({
      cable_id: cableId,
      position: i + 1,
      bullet: ref.bullet,
      text: ref.text,
      kind: ref.kind,
      referenced_cable_id: ref.canonicalId,
    })),
  };
}
