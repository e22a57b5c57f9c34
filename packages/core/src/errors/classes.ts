import type { Code } from './codes.js';

/** Where in an input a problem is: the file, and a line/column (1-based) or a field name. */
export interface Location {
  file?: string;
  line?: number;
  column?: number;
  field?: string;
}

/** Base class of every error cablepress throws on purpose: a stable code, a location and a hint for the person. */
export abstract class CablepressError extends Error {
  abstract readonly kind: 'input' | 'validation' | 'internal';
  constructor(
    readonly code: Code,
    message: string,
    readonly location: Location = {},
    readonly hint?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }

  toJSON(): { kind: string; code: Code; message: string; location: Location; hint?: string } {
    return { kind: this.kind, code: this.code, message: this.message, location: this.location, ...(this.hint ? { hint: this.hint } : {}) };
  }
}

/** The input is not something cablepress can read (missing, empty, not a cable, not text). */
export class InputError extends CablepressError {
  readonly kind = 'input' as const;
}

/** A bug: something that should not happen whatever the input. */
export class InternalError extends CablepressError {
  readonly kind = 'internal' as const;
}

/** Wrong command-line usage. */
export class UsageError extends CablepressError {
  readonly kind = 'input' as const;
  constructor(message: string, hint = 'Run `cablepress help` to see the commands and their options.') {
    super('USAGE', message, {}, hint);
  }
}

/** One problem found in data, in the shape of a zod issue. */
export interface Finding {
  code: Code;
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
    code: Code,
    message: string,
    readonly findings: Finding[] = [],
    location: Location = {},
    hint?: string,
  ) {
    super(code, message, location, hint);
  }
}
