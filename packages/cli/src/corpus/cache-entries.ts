import type { CableResult, ChunkResult } from './work.js';

/**
 * The shapes a cache entry must have to be used. An entry is read back with `v8.deserialize`, which gives whatever
 * was stored: a file damaged on disk, copied from another cache or put there by hand can hold a value of another
 * shape, which the build would otherwise take for a result (an INTERNAL crash, or "undefined" failures). One that
 * does not have the shape of what the build stores counts as missing, and its cables are built again. Only the shape
 * is checked: a cable's rows were checked against the schemas when it was built, and bytes damaged inside a
 * well-formed value (an entry has no checksum) are not detected; releases never use the cache.
 */

type Fields = Record<string, unknown>;

const isFields = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);
const isBytes = (value: unknown): boolean => value instanceof Uint8Array;
const isCounts = (value: unknown): boolean => isFields(value) && Object.values(value).every((n) => typeof n === 'number');
const isTextList = (value: unknown): boolean => Array.isArray(value) && value.every((item) => typeof item === 'string');

/** A file that gave no rows: `CableFailed`. */
const isFailed = (v: Fields): boolean => v.ok === false && typeof v.bytes === 'number' && typeof v.code === 'string' && typeof v.message === 'string';

/** What every cable that was read has, built or found: `CableDone` without its rows. */
const isDone = (v: Fields): boolean =>
  v.ok === true &&
  typeof v.cableId === 'string' &&
  typeof v.bytes === 'number' &&
  isCounts(v.warnings) &&
  (v.findings === undefined || (Array.isArray(v.findings) && v.findings.every(isFields))) &&
  (v.tipCandidates === undefined || v.tipCandidates === null || isFields(v.tipCandidates));

const isRows = (value: unknown): boolean => isFields(value) && Object.values(value).every((rows) => Array.isArray(rows) && rows.every(isFields));

/** A cable's entry: what `processCableBytes` gives for the `build` stage. */
export function isCableEntry(value: unknown): value is CableResult {
  if (!isFields(value)) return false;
  return value.ok === false ? isFailed(value) : isDone(value) && isRows(value.rows);
}

const isOutcome = (value: unknown): boolean => {
  if (!isFields(value)) return false;
  if (value.ok === false) return isFailed(value);
  return (
    isDone(value) &&
    (value.created === null || typeof value.created === 'string') &&
    Array.isArray(value.organizations) &&
    value.organizations.every(isFields) &&
    (value.partition === undefined || typeof value.partition === 'string')
  );
};

const isPart = (value: unknown): boolean =>
  isFields(value) &&
  typeof value.rows === 'number' &&
  isBytes(value.csv) &&
  isBytes(value.arrow) &&
  Array.isArray(value.parquet) &&
  value.parquet.every((piece) => isFields(piece) && (piece.partition === null || typeof piece.partition === 'string') && isBytes(piece.bytes));

/** A chunk's entry: what a built chunk of `files` files gives (one outcome a file, every table encoded). */
export function isChunkEntry(value: unknown, files: number): value is ChunkResult {
  return (
    isFields(value) &&
    Array.isArray(value.cables) &&
    value.cables.length === files &&
    value.cables.every(isOutcome) &&
    isFields(value.parts) &&
    Object.values(value.parts).every(isPart) &&
    (value.cableKeys === undefined || isTextList(value.cableKeys))
  );
}
