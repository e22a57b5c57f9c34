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
    readonly code: string,
    message: string,
    readonly location: Location = {},
    readonly hint?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }

  toJSON(): { kind: string; code: string; message: string; location: Location; hint?: string } {
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
