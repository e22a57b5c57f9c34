/** A table as plain rows, keyed by column name. */
export type TableRows = readonly Record<string, unknown>[];

/** What the cross-checks read: every table by name, and each cable's decoded source text by cable id. */
export interface CheckInput {
  tables: Record<string, TableRows>;
  sources: ReadonlyMap<string, string>;
  /** Warnings the cable reader gave (e.g. HEADER_BODY_MISMATCH), by cable; optional. */
  cables?: readonly { id: string; warnings: readonly { code: string; message: string; span?: { start: number; end: number } }[] }[];
}

export type Check = (input: CheckInput) => Finding[];

export function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

export function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}
import type { Finding } from '@cablepress/core';
