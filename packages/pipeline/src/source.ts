import type { Finding } from '@cablepress/core';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { decodeCableBytes, parseCable, type Cable } from '@cablepress/extract';

/** A source cable, read and parsed. */
export interface SourceCable {
  cable: Cable;
  /** File name of the source (its base name), as the cables table records it. */
  file: string;
  sha256: string;
}

/** Parses the bytes of one cable file; `file` names it in errors and warnings. */
export function readSourceCable(bytes: Uint8Array, file: string): SourceCable {
  const cable = parseCable(decodeCableBytes(bytes, file), { source: file });
  return { cable, file: path.basename(file), sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** The parser's warnings about each cable, as findings. */
export function parserFindings(sources: readonly Pick<SourceCable, 'cable'>[]): Finding[] {
  return sources.flatMap(({ cable }) =>
    cable.warnings.map((w): Finding => ({
      code: w.code,
      severity: 'warning',
      message: w.message,
      path: ['cables', cable.id],
      ...(w.span ? { spans: [{ cable_id: cable.id, char_start: w.span.start, char_end: w.span.end }] } : {}),
    })),
  );
}
