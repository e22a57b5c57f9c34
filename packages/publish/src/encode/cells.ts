import type { FieldDef, FieldType } from '@cablepress/validate';

/** Milliseconds since the epoch as an ISO 8601 UTC datetime, without a `.000` fraction. */
export function isoDatetime(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/** Days since the epoch as an ISO 8601 date. */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * The one text form of a cell value, shared by the CSV writer and every read-back comparison:
 * null is the empty string, numbers use JavaScript's shortest round-trip form, datetimes are normalised to UTC.
 */
export function cellText(type: FieldType, value: unknown): string {
  if (value === null || value === undefined) return '';
  switch (type) {
    case 'datetime':
      return isoDatetime(Date.parse(String(value)));
    case 'boolean':
      return value ? 'true' : 'false';
    default:
      return String(value);
  }
}

/** True when a column keeps the empty string as a value (a required string column) rather than as null. */
export function emptyIsValue(field: Pick<FieldDef, 'type' | 'nullable'>): boolean {
  return field.type === 'string' && !field.nullable;
}
