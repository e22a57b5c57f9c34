import { CablepressError } from '@cablepress/extract';

/** One problem found in data, in the shape of a zod issue. */
export interface Finding {
  code: string;
  severity: 'error' | 'warning';
  message: string;
  /** Where: table, row index and column, or a JSON path into a descriptor. */
  path: (string | number)[];
  /** Source spans the finding concerns, as [char_start, char_end) pairs with their cable. */
  spans?: { cable_id: string; char_start: number; char_end: number }[];
}

/** Data that breaks a schema or a rule. */
export class ValidationError extends CablepressError {
  readonly kind = 'validation' as const;
  constructor(
    code: string,
    message: string,
    readonly findings: Finding[] = [],
    location: ConstructorParameters<typeof CablepressError>[2] = {},
    hint?: string,
  ) {
    super(code, message, location, hint);
  }
}
