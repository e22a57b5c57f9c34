import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '@cablepress/core';
import { isSafePath } from '../describe/datapackage.js';

/** What a committed write switches: staged paths moved onto live paths, and live paths retired. Paths are relative to the dataset folder. */
export interface Journal {
  moves: { from: string; to: string }[];
  removes: string[];
}

/** Work folders live in `<dir>/.tmp/` (same file system as the target, so renames are atomic; ignored by git). */
export const WORK = '.tmp';
/** The name of a write's work folder in `.tmp/`: the prefix and a random id. */
export const PREFIX = 'cablepress-write-';
/** Top-level names of a dataset folder that no commit ever writes or retires: what the person keeps, and the work folder. */
const KEPT = new Set(['package.json', 'CHANGELOG.md', 'releases.json', 'source', 'node_modules', WORK]);

/** A top-level entry a commit may switch in or retire: one plain name, not hidden, not one the person keeps. */
export function isEntryName(name: string): boolean {
  return isSafePath(name) && !name.includes('/') && !name.startsWith('.') && !KEPT.has(name);
}

/** Where `stage` keeps the copy of an attached file (a companion such as the fact sheet) until the commit: beside its target. */
export function attachedStagingPath(target: string, workName: string): string {
  return join(dirname(target), `.${basename(target)}.${workName}`);
}

/** Where a write's new entries are staged, relative to the dataset folder. */
export function stagedEntryPath(workName: string, entry: string): string {
  return `${WORK}/${workName}/new/${entry}`;
}

function unsafe(record: string, what: string): InputError {
  return new InputError(
    'JOURNAL_UNSAFE',
    `the interrupted write's record names ${what}, which no cablepress write makes; nothing was replayed or deleted.`,
    { file: record },
    `Check how the file got there; if the dataset is yours, delete ${dirname(record)} and build again.`,
  );
}

const isString = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= 4096;

/** The companion a relative path names, when it is one of the companions this write may publish (absolute paths). */
function companionOf(dir: string, path: string, companions: readonly string[]): string | undefined {
  const target = resolve(dir, path);
  return companions.map((c) => resolve(c)).find((c) => c === target);
}

function checkMove(value: unknown, ctx: { dir: string; workName: string; companions: readonly string[]; record: string }): { from: string; to: string } {
  const move = value as { from?: unknown; to?: unknown } | null;
  if (typeof move !== 'object' || move === null || !isString(move.from) || !isString(move.to)) throw unsafe(ctx.record, 'a move that is not a pair of paths');
  const { from, to } = move as { from: string; to: string };
  if (isEntryName(to) && from === stagedEntryPath(ctx.workName, to)) return { from, to };
  const companion = companionOf(ctx.dir, to, ctx.companions);
  if (companion !== undefined && resolve(ctx.dir, from) === attachedStagingPath(companion, ctx.workName)) return { from, to };
  throw unsafe(ctx.record, `the move of "${from.slice(0, 200)}" onto "${to.slice(0, 200)}"`);
}

/**
 * Checks a parsed commit record before anything of it is replayed: every move takes a staged entry of this write
 * (`.tmp/<work>/new/<entry>`) onto the same top-level entry, or this write's staged copy of a companion onto that
 * companion (one of `companions`, the files the dataset publishes outside its folder); every retired path is a
 * top-level entry. Anything else (`..`, absolute paths, another write's files, `package.json`) is JOURNAL_UNSAFE.
 */
export function checkJournal(value: unknown, dir: string, workName: string, companions: readonly string[], record: string): Journal {
  const journal = value as { moves?: unknown; removes?: unknown } | null;
  if (typeof journal !== 'object' || journal === null || !Array.isArray(journal.moves) || !Array.isArray(journal.removes)) {
    throw unsafe(record, 'no list of moves and removes');
  }
  const ctx = { dir, workName, companions, record };
  const moves = journal.moves.map((move) => checkMove(move, ctx));
  const removes = journal.removes.map((gone) => {
    if (!isString(gone) || !isEntryName(gone)) throw unsafe(record, `the removal of "${String(gone).slice(0, 200)}"`);
    return gone;
  });
  return { moves, removes };
}

/**
 * Checks the list of companion copies an uncommitted write staged beside their targets (`attached.json`), before any
 * is deleted: each must be this write's staged copy of one of `companions`. Returns the absolute paths.
 */
export function checkAttached(value: unknown, dir: string, workName: string, companions: readonly string[], record: string): string[] {
  if (!Array.isArray(value)) throw unsafe(record, 'no list of staged files');
  const allowed = new Set(companions.map((c) => attachedStagingPath(resolve(c), workName)));
  return value.map((staged) => {
    if (!isString(staged) || !allowed.has(resolve(dir, staged))) throw unsafe(record, `the staged file "${String(staged).slice(0, 200)}"`);
    return resolve(dir, staged);
  });
}
