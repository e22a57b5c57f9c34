export { scanQuantities } from './scanner.js';
export type { QuantityKind, QuantityMatch, Qualifier } from './types.js';
export type { ScanContext } from './view.js';
