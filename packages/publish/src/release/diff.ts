import { InputError, ValidationError } from '@cablepress/core';
import { cellText } from '../encode/cells.js';
import type { DataPackage, Resource } from '../describe/datapackage.js';
import type { PackageFiles } from '../read/files.js';
import { tryOpenDataset, UNREADABLE_CSV } from '../read/open-dataset.js';
import type { TableSchema } from '../describe/table-schema.js';

export type Bump = 'major' | 'minor' | 'patch' | 'none';

export interface CellChange {
  column: string;
  old: string;
  new: string;
}

export interface TableDiff {
  table: string;
  status: 'added' | 'removed' | 'changed' | 'unchanged';
  columnsAdded: string[];
  columnsRemoved: string[];
  columnsRetyped: { column: string; old: string; new: string }[];
  /** True when the columns both versions have are in a different order. */
  columnsReordered: boolean;
  primaryKeyChanged: boolean;
  /** Columns whose description or constraints changed, and the table description. */
  descriptionsChanged: string[];
  rowsAdded: string[];
  rowsRemoved: string[];
  rowsChanged: { key: string; changes: CellChange[] }[];
  rowCount: { old: number; new: number };
}

export interface DatasetDiff {
  old: { name: string; version: string; origin: string };
  new: { name: string; version: string; origin: string };
  /**
   * What makes the two sides look like different datasets rather than two versions of one: another name, or other
   * source cables (by id and sha256). Said before anything else, because the row counts then compare unlike things.
   */
  identity: { sameName: boolean; sameSources: boolean; sources: { old: string[]; new: string[] } };
  tables: TableDiff[];
  /** Other resources (e.g. validation.json) whose content changed, was added or removed. */
  files: { path: string; status: 'added' | 'removed' | 'changed' }[];
  /** Package metadata that changed (title, description, sources, licenses, contributors). */
  metadataChanged: string[];
  /** The smallest version bump the Frictionless data versioning rules call for, and why. */
  suggestedBump: Bump;
  reasons: { bump: Exclude<Bump, 'none'>; reason: string }[];
  /** The bump the new version actually makes over the old one. */
  actualBump: Bump | 'downgrade';
  /** False when the new version bumps less than the changes require. */
  versionOk: boolean;
}

interface LoadedTable {
  resource: Resource;
  schema: TableSchema;
  rows: Record<string, unknown>[];
}

async function load(source: string): Promise<{ files: PackageFiles; descriptor: DataPackage; tables: Map<string, LoadedTable> }> {
  const { dataset, findings } = await tryOpenDataset(source);
  if (!dataset) {
    throw new InputError(
      'DIFF_NOT_A_DATASET',
      `${source} has no valid datapackage.json: ${findings[0]?.message ?? 'unknown problem'}`,
      { file: source },
      'give two dataset folders or release bundles (.tar.gz or .zip)',
    );
  }
  const tables = new Map<string, LoadedTable>();
  for (const resource of dataset.tableResources()) {
    const table = await dataset.table(resource);
    if (!table)
      throw new InputError('DIFF_MISSING_FILE', `${source}: ${resource.path} is missing`, { file: source }, 'rebuild the dataset or download the bundle again');
    const unreadable = table.findings.find((f) => UNREADABLE_CSV.includes(f.code));
    if (unreadable) throw new ValidationError(unreadable.code, `${source}: ${unreadable.message}`, [unreadable], { file: source });
    tables.set(resource.name, { resource, schema: resource.schema, rows: table.rows });
  }
  return { files: dataset.files, descriptor: dataset.descriptor, tables };
}

const RANK: Record<Bump, number> = { none: 0, patch: 1, minor: 2, major: 3 };

function versionBump(oldVersion: string, newVersion: string): Bump | 'downgrade' {
  const parse = (v: string) => v.split(/[-+]/)[0]!.split('.').map(Number) as [number, number, number];
  const [a, b] = [parse(oldVersion), parse(newVersion)];
  for (let i = 0; i < 3; i++) {
    if (b[i]! > a[i]!) return (['major', 'minor', 'patch'] as const)[i]!;
    if (b[i]! < a[i]!) return 'downgrade';
  }
  return 'none';
}

function rowKey(schema: TableSchema, row: Record<string, unknown>): string {
  const key = schema.primaryKey.length > 0 ? schema.primaryKey : schema.fields.map((f) => f.name);
  return key.map((k) => cellText(schema.fields.find((f) => f.name === k)?.type ?? 'string', row[k])).join(' | ');
}

function sameField(a: TableSchema['fields'][number], b: TableSchema['fields'][number]): boolean {
  return a.description === b.description && JSON.stringify(a.constraints) === JSON.stringify(b.constraints);
}

function diffTable(name: string, before: LoadedTable | undefined, after: LoadedTable | undefined): TableDiff {
  const empty: TableDiff = {
    table: name,
    status: 'unchanged',
    columnsAdded: [],
    columnsRemoved: [],
    columnsRetyped: [],
    columnsReordered: false,
    primaryKeyChanged: false,
    descriptionsChanged: [],
    rowsAdded: [],
    rowsRemoved: [],
    rowsChanged: [],
    rowCount: { old: before?.rows.length ?? 0, new: after?.rows.length ?? 0 },
  };
  if (!before) return { ...empty, status: 'added', columnsAdded: after!.schema.fields.map((f) => f.name) };
  if (!after) return { ...empty, status: 'removed', columnsRemoved: before.schema.fields.map((f) => f.name) };
  const oldFields = new Map(before.schema.fields.map((f) => [f.name, f]));
  const newFields = new Map(after.schema.fields.map((f) => [f.name, f]));
  const d = { ...empty };
  d.columnsAdded = [...newFields.keys()].filter((n) => !oldFields.has(n));
  d.columnsRemoved = [...oldFields.keys()].filter((n) => !newFields.has(n));
  for (const [n, f] of newFields) {
    const o = oldFields.get(n);
    if (o && o.type !== f.type) d.columnsRetyped.push({ column: n, old: o.type, new: f.type });
    else if (o && !sameField(o, f)) d.descriptionsChanged.push(n);
  }
  if ((before.resource.description ?? '') !== (after.resource.description ?? '') || (before.resource.title ?? '') !== (after.resource.title ?? '')) {
    d.descriptionsChanged.unshift('(table)');
  }
  const commonOld = before.schema.fields.map((f) => f.name).filter((n) => newFields.has(n));
  const commonNew = after.schema.fields.map((f) => f.name).filter((n) => oldFields.has(n));
  d.columnsReordered = commonOld.join(',') !== commonNew.join(',');
  d.primaryKeyChanged = before.schema.primaryKey.join(',') !== after.schema.primaryKey.join(',');

  const keySchema = d.primaryKeyChanged ? { ...after.schema, primaryKey: [] as string[] } : after.schema;
  const oldRows = new Map(before.rows.map((r) => [rowKey(d.primaryKeyChanged ? { ...before.schema, primaryKey: [] } : before.schema, r), r]));
  const newRows = new Map(after.rows.map((r) => [rowKey(keySchema, r), r]));
  const compared = commonNew.filter((n) => !d.columnsRetyped.some((c) => c.column === n));
  for (const [key, row] of newRows) {
    const old = oldRows.get(key);
    if (!old) {
      d.rowsAdded.push(key);
      continue;
    }
    const changes: CellChange[] = [];
    for (const column of compared) {
      const type = newFields.get(column)!.type;
      const [o, n] = [cellText(type, old[column]), cellText(type, row[column])];
      if (o !== n) changes.push({ column, old: o, new: n });
    }
    if (changes.length > 0) d.rowsChanged.push({ key, changes });
  }
  d.rowsRemoved = [...oldRows.keys()].filter((k) => !newRows.has(k));
  const changed =
    d.columnsAdded.length +
      d.columnsRemoved.length +
      d.columnsRetyped.length +
      d.descriptionsChanged.length +
      d.rowsAdded.length +
      d.rowsRemoved.length +
      d.rowsChanged.length >
      0 ||
    d.columnsReordered ||
    d.primaryKeyChanged;
  d.status = changed ? 'changed' : 'unchanged';
  return d;
}

function reasonsOf(diff: Pick<DatasetDiff, 'tables' | 'files' | 'metadataChanged'>): DatasetDiff['reasons'] {
  const reasons: DatasetDiff['reasons'] = [];
  const add = (bump: Exclude<Bump, 'none'>, reason: string) => reasons.push({ bump, reason });
  for (const t of diff.tables) {
    if (t.status === 'removed') add('major', `table ${t.table} removed`);
    if (t.status === 'added') add('minor', `table ${t.table} added`);
    if (t.status !== 'changed') continue;
    if (t.columnsRemoved.length > 0) add('major', `${t.table}: column(s) ${t.columnsRemoved.join(', ')} removed or renamed`);
    for (const c of t.columnsRetyped) add('major', `${t.table}: column ${c.column} re-typed from ${c.old} to ${c.new}`);
    if (t.columnsReordered) add('major', `${t.table}: columns re-ordered`);
    if (t.primaryKeyChanged) add('major', `${t.table}: primary key changed`);
    if (t.columnsAdded.length > 0) add('minor', `${t.table}: column(s) ${t.columnsAdded.join(', ')} added`);
    if (t.rowsAdded.length > 0) add('minor', `${t.table}: ${t.rowsAdded.length} row(s) added`);
    if (t.rowsChanged.length > 0) add('patch', `${t.table}: ${t.rowsChanged.length} row(s) corrected`);
    if (t.rowsRemoved.length > 0) add('patch', `${t.table}: ${t.rowsRemoved.length} row(s) removed (taken as corrections)`);
    if (t.descriptionsChanged.length > 0) add('patch', `${t.table}: description(s) of ${t.descriptionsChanged.join(', ')} changed`);
  }
  for (const f of diff.files) add(f.status === 'removed' ? 'major' : f.status === 'added' ? 'minor' : 'patch', `file ${f.path} ${f.status}`);
  if (diff.metadataChanged.length > 0) add('patch', `package ${diff.metadataChanged.join(', ')} changed`);
  return reasons;
}

/** A source as a person can compare it: its id (or title) and the start of its sha256. */
function sourceLabel(source: DataPackage['sources'][number]): string {
  return `${source.id ?? source.title}${source.sha256 ? ` (sha256 ${source.sha256.slice(0, 12)})` : ''}`;
}

function identityOf(a: DataPackage, b: DataPackage): DatasetDiff['identity'] {
  const [oldSources, newSources] = [a.sources.map(sourceLabel), b.sources.map(sourceLabel)];
  const sameSources = oldSources.length === newSources.length && oldSources.every((label) => newSources.includes(label));
  return { sameName: a.name === b.name, sameSources, sources: { old: oldSources, new: newSources } };
}

/** The lines that say the two sides are not two versions of one dataset; none when they are. */
function identityLines({ identity, old, new: current }: DatasetDiff): string[] {
  const lines: string[] = [];
  if (!identity.sameName)
    lines.push(`different datasets: the names differ (${old.name} and ${current.name}), so the changes below compare two datasets, not two versions of one`);
  if (!identity.sameSources) {
    const list = (labels: string[]) => (labels.length > 0 ? labels.join(', ') : 'none');
    lines.push(
      `different sources: ${old.name} ${old.version} is built from ${list(identity.sources.old)}; ${current.name} ${current.version} from ${list(identity.sources.new)}`,
    );
  }
  return lines;
}

const METADATA = ['title', 'description', 'licenses', 'sources', 'contributors'] as const;

/**
 * Compares two versions of a dataset (folders or release bundles): tables, columns and rows by primary key,
 * with the version bump the Frictionless rules call for (MAJOR: a column or table removed, renamed, re-typed or
 * re-ordered; MINOR: rows, columns or tables added; PATCH: values corrected, rows dropped, descriptions changed).
 */
export async function diffDatasets(oldDirOrBundle: string, newDirOrBundle: string): Promise<DatasetDiff> {
  const [a, b] = [await load(oldDirOrBundle), await load(newDirOrBundle)];
  const names = [...new Set([...a.tables.keys(), ...b.tables.keys()])];
  const tables = names.map((n) => diffTable(n, a.tables.get(n), b.tables.get(n)));
  const others = (d: DataPackage) => new Map(d.resources.filter((r) => r.type !== 'table').map((r) => [r.path, r.hash]));
  const [oa, ob] = [others(a.descriptor), others(b.descriptor)];
  const files: DatasetDiff['files'] = [];
  for (const [path, hash] of ob)
    if (!oa.has(path)) files.push({ path, status: 'added' });
    else if (oa.get(path) !== hash) files.push({ path, status: 'changed' });
  for (const path of oa.keys()) if (!ob.has(path)) files.push({ path, status: 'removed' });
  files.sort((x, y) => (x.path < y.path ? -1 : 1));
  const metadataChanged = METADATA.filter((k) => JSON.stringify(a.descriptor[k]) !== JSON.stringify(b.descriptor[k]));
  const reasons = reasonsOf({ tables, files, metadataChanged });
  const suggestedBump = reasons.reduce<Bump>((m, r) => (RANK[r.bump] > RANK[m] ? r.bump : m), 'none');
  const actualBump = versionBump(a.descriptor.version, b.descriptor.version);
  const versionOk = actualBump !== 'downgrade' && RANK[actualBump] >= RANK[suggestedBump] && (suggestedBump === 'none' || actualBump !== 'none');
  return {
    old: { name: a.descriptor.name, version: a.descriptor.version, origin: oldDirOrBundle },
    new: { name: b.descriptor.name, version: b.descriptor.version, origin: newDirOrBundle },
    identity: identityOf(a.descriptor, b.descriptor),
    tables,
    files,
    metadataChanged,
    suggestedBump,
    reasons,
    actualBump,
    versionOk,
  };
}

/** A diff for people: one block per changed table, a few example rows, and the suggested version bump. */
export function formatDiff(diff: DatasetDiff, { maxRows = 5 }: { maxRows?: number } = {}): string {
  const out: string[] = [`${diff.old.name} ${diff.old.version} → ${diff.new.name} ${diff.new.version}`, ...identityLines(diff)];
  const list = (label: string, items: string[]) => {
    if (items.length === 0) return;
    const shown = items.slice(0, maxRows).join(', ');
    out.push(`  ${label} (${items.length}): ${shown}${items.length > maxRows ? ', …' : ''}`);
  };
  for (const t of diff.tables) {
    if (t.status === 'unchanged') continue;
    if (t.status !== 'changed') {
      out.push(`${t.table}: table ${t.status} (${t.status === 'added' ? t.rowCount.new : t.rowCount.old} rows)`);
      continue;
    }
    out.push(`${t.table}: ${t.rowCount.old} → ${t.rowCount.new} rows`);
    list('columns added', t.columnsAdded);
    list('columns removed', t.columnsRemoved);
    list(
      'columns re-typed',
      t.columnsRetyped.map((c) => `${c.column} ${c.old} → ${c.new}`),
    );
    if (t.columnsReordered) out.push('  columns re-ordered');
    if (t.primaryKeyChanged) out.push('  primary key changed');
    list('descriptions changed', t.descriptionsChanged);
    list('rows added', t.rowsAdded);
    list('rows removed', t.rowsRemoved);
    if (t.rowsChanged.length > 0) {
      out.push(`  rows changed (${t.rowsChanged.length}):`);
      for (const r of t.rowsChanged.slice(0, maxRows)) {
        out.push(`    ${r.key}: ${r.changes.map((c) => `${c.column} ${JSON.stringify(c.old)} → ${JSON.stringify(c.new)}`).join('; ')}`);
      }
      if (t.rowsChanged.length > maxRows) out.push('    …');
    }
  }
  for (const f of diff.files) out.push(`${f.path}: ${f.status}`);
  if (diff.metadataChanged.length > 0) out.push(`package metadata changed: ${diff.metadataChanged.join(', ')}`);
  if (diff.reasons.length === 0) out.push('no changes to data or metadata');
  out.push(
    `suggested bump: ${diff.suggestedBump}${
      diff.reasons.length > 0
        ? ` (${diff.reasons
            .filter((r) => r.bump === diff.suggestedBump)
            .map((r) => r.reason)
            .join('; ')})`
        : ''
    }`,
  );
  out.push(
    diff.versionOk
      ? `version ${diff.old.version} → ${diff.new.version} (${diff.actualBump}) is enough`
      : `version ${diff.old.version} → ${diff.new.version} (${diff.actualBump}) is not enough: a ${diff.suggestedBump} bump is needed`,
  );
  return out.join('\n') + '\n';
}
