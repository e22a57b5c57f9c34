import type { Cable } from '@cablepress/extract';
import type { CableRow, ParagraphRow, RecipientRow, ReferenceRow, TagRow } from '@cablepress/validate';
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
  cables: CableRow[];
  paragraphs: ParagraphRow[];
  tags: TagRow[];
  recipients: RecipientRow[];
  cable_references: ReferenceRow[];
}

/** Paragraph id of the paragraph at 1-based position `seq`, e.g. 08VIENTIANE145-p001. */
export function paragraphId(cableId: string, seq: number): string {
  return `${cableId}-p${String(seq).padStart(3, '0')}`;
}

/** A missing or empty value as null: in CSV an empty cell is null, so empty strings are not kept in nullable columns. */
function orNull(value: string | null | undefined): string | null {
  return value ? value : null;
}

function joined(values: readonly string[]): string | null {
  return orNull(values.filter(Boolean).join('; '));
}

/** Turns one parsed cable into its rows of the core tables. */
export function transformCable(cable: Cable, source: SourceInfo): CableTables {
  const cableId = cable.id;
  const paragraphs = cable.paragraphs.map((p) => ({
    paragraph_id: paragraphId(cableId, p.seq),
    cable_id: cableId,
    seq: p.seq,
    number: p.number,
    section: orNull(p.section),
    key: orNull(p.key),
    kind: p.kind,
    classification_marking: orNull(p.classification),
    text: p.text,
    char_start: p.span.start,
    char_end: p.span.end,
  }));
  return {
    cables: [
      {
        cable_id: cableId,
        created: orNull(cable.created),
        classification: orNull(cable.classification),
        origin: orNull(cable.origin),
        subject: cable.subject,
        title: orNull(cable.title),
        precedence: orNull(cable.precedence),
        dtg: orNull(cable.dtg),
        transmission_id: orNull(cable.transmissionId),
        sender: orNull(cable.from),
        handling: joined(cable.handling),
        classified_by: joined(cable.classifiedBy),
        signed_by: joined(cable.signedBy),
        paragraph_count: paragraphs.length,
        source_file: source.file,
        source_format: cable.format,
        source_sha256: source.sha256,
        truncated: cable.truncated,
        classified_by_role: cable.classifiedByRole,
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
      routing_indicator: orNull(r.route),
      name: r.name,
      precedence: orNull(r.precedence),
      serial: orNull(r.mcn),
    })),
    cable_references: cable.references.map((ref, i) => ({
      cable_id: cableId,
      position: i + 1,
      bullet: orNull(ref.bullet),
      text: ref.text,
      kind: ref.kind,
      referenced_cable_id: orNull(ref.canonicalId),
    })),
  };
}
