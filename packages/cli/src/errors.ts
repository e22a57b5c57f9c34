import { CablepressError, writeFailure } from '@cablepress/core';
import path from 'node:path';
import { EXIT, type Io } from './io.js';

function where(error: CablepressError): string {
  const { file, line, column, field } = error.location;
  const parts = [file, line !== undefined ? `line ${line}${column !== undefined ? `, column ${column}` : ''}` : undefined, field];
  return parts.filter(Boolean).join(': ');
}

/**
 * A file system error that reached the command line without a code (a write deep inside a writer): a full disk or
 * a folder that cannot be written is a typed input error naming the path, not a bug.
 */
export async function asTypedError(error: unknown): Promise<unknown> {
  if (error instanceof CablepressError || !(error instanceof Error)) return error;
  const { path: source, dest, syscall } = error as NodeJS.ErrnoException & { dest?: string };
  // a copy or rename that fails writing names its target in `dest` (`path` is the file it read)
  const file = dest ?? source;
  if (file === undefined) return error;
  return writeFailure(error, file, syscall === 'mkdir' ? file : path.dirname(file));
}

export function exitCodeOf(error: unknown): number {
  if (error instanceof CablepressError) {
    if (error.kind === 'input') return EXIT.input;
    if (error.kind === 'validation') return EXIT.invalid;
  }
  return EXIT.internal;
}

/** Text that ends as a sentence does (".", "!" or "?", before a closing bracket or quote), with a period added if not. */
function closed(text: string): string {
  const trimmed = text.trimEnd();
  return /[.!?][)"'`\]]*$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** A hint as a sentence of its own: a capital first letter and a closing period. */
function sentence(text: string): string {
  return closed(text.charAt(0).toUpperCase() + text.slice(1));
}

/** Reports an error to a person (one sentence: what, where, what to do) or as JSON; returns the exit code. */
export function reportError(error: unknown, io: Io, json: boolean): number {
  const code = exitCodeOf(error);
  if (json) {
    const body = error instanceof CablepressError ? error.toJSON() : { kind: 'internal', code: 'INTERNAL', message: String(error) };
    io.stdout(`${JSON.stringify({ ok: false, exitCode: code, error: body })}\n`);
    return code;
  }
  if (error instanceof CablepressError) {
    const place = where(error);
    io.stderr(`cablepress: ${error.code}: ${place ? `${place}: ` : ''}${closed(error.message)}${error.hint ? ` ${sentence(error.hint)}` : ''}\n`);
  } else {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr(`cablepress: INTERNAL: an unexpected error occurred; please report it with this output.\n${detail}\n`);
  }
  return code;
}
