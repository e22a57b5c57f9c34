export type { Cable, CableFormat, Paragraph, ParagraphKind, ParseOptions, Recipient, Reference, Span, Warning } from './types.js';
export { CablepressError, InputError, InternalError, type Location } from './errors.js';
