import type { CableFormat, Span } from '../types.js';
import type { MappedText } from '../text.js';

/** Metadata given by the publisher around the cable, as written. */
export interface EnvelopeMeta {
  id: string | null;
  created: string | null;
  classification: string | null;
  origin: string | null;
  title: string | null;
}

/** What a format reader hands to the cable reader: publisher metadata and the raw cable text. */
export interface Envelope {
  format: CableFormat;
  meta: EnvelopeMeta;
  spans: Record<string, Span>;
  /** The raw cable (routing header, header, body), normalised, mapped into the source. */
  cable: MappedText;
}

export const emptyMeta = (): EnvelopeMeta => ({ id: null, created: null, classification: null, origin: null, title: null });
