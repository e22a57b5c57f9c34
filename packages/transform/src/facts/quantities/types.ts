import type { QUALIFIERS, QUANTITY_KINDS } from '@cablepress/validate';

export type QuantityKind = (typeof QUANTITY_KINDS)[number];
export type Qualifier = (typeof QUALIFIERS)[number];

/** A figure found in clean text, with [start, end) offsets into the paragraph text. */
export interface QuantityMatch {
  start: number;
  end: number;
  kind: QuantityKind;
  value: number;
  value_max: number | null;
  unit: string | null;
  qualifier: Qualifier;
  per: string | null;
  counted: string | null;
}
