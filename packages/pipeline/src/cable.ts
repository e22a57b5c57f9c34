import { extractFacts, transformCable, type CableFacts, type CableTables } from '@cablepress/transform';
import type { SourceCable } from './source.js';

/** The rows one cable gives: its core tables and the facts in its text (indicators come from a dataset's cables together). */
export type CableRows = { [T in keyof (CableTables & CableFacts)]: (CableTables & CableFacts)[T] };

/** The rows of one cable. */
export function cableRows({ cable, file, sha256 }: SourceCable): CableRows {
  const core = transformCable(cable, { file, sha256 });
  return {
    ...core,
    ...extractFacts(
      cable,
      core.paragraphs.map((p) => p.paragraph_id),
    ),
  };
}
