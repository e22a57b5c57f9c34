import { describe, expect, it } from 'vitest';
import { checkPackageFieldLengths, PACKAGE_FIELD_LIMITS, type PackageField } from './package-fields.js';

const FILE = '/data/datasets/x/package.json';

/** A package.json with `value` at the dotted `field` (a list for `cablepress.sources`). */
function pkgWith(field: PackageField, value: string): Record<string, unknown> {
  const leaf = field === 'cablepress.sources' ? ['source/a.txt', value] : value;
  const [head, key] = field.split('.');
  return key === undefined ? { [head!]: leaf } : { [head!]: { [key]: leaf } };
}

describe('checkPackageFieldLengths', () => {
  it.each(Object.entries(PACKAGE_FIELD_LIMITS) as [PackageField, number][])('takes "%s" of %i characters and refuses one more', (field, max) => {
    expect(() => checkPackageFieldLengths(pkgWith(field, 'a'.repeat(max)), FILE)).not.toThrow();
    const named = field === 'cablepress.sources' ? 'cablepress.sources[1]' : field;
    expect(() => checkPackageFieldLengths(pkgWith(field, 'a'.repeat(max + 1)), FILE)).toThrow(
      expect.objectContaining({ code: 'PACKAGE_FIELD_TOO_LONG', kind: 'input', location: { file: FILE, field: named } }),
    );
  });

  it('refuses a 100,000-character prerelease version, which is a valid semantic version, in a message of one line', () => {
    const version = `1.0.0-${'a'.repeat(100_000)}`;
    let error: Error & { hint?: string } = new Error('not thrown');
    try {
      checkPackageFieldLengths({ name: '@cablepress-datasets/x', version }, FILE);
    } catch (e) {
      error = e as Error;
    }
    expect(error.message).toBe(`package.json "version" has 100006 characters, more than the 100 it may have ("1.0.0-${'a'.repeat(34)}…").`);
    expect(error.hint).toBe('Shorten "version" to at most 100 characters.');
  });

  it('checks only the fields asked for, and leaves values that are not strings to the checks of their type', () => {
    const pkg = { description: 'x'.repeat(10_000), cablepress: { homepage: 'https://example.org/' } };
    expect(() => checkPackageFieldLengths(pkg, FILE, ['cablepress.homepage'])).not.toThrow();
    expect(() => checkPackageFieldLengths(pkg, FILE)).toThrow(expect.objectContaining({ location: { file: FILE, field: 'description' } }));
    for (const odd of [null, 42, 'text', [], { version: 7, cablepress: 'x'.repeat(10_000) }, { cablepress: { sources: 'x' } }]) {
      expect(() => checkPackageFieldLengths(odd, FILE), JSON.stringify(odd).slice(0, 40)).not.toThrow();
    }
  });

  it('never quotes half a surrogate pair', () => {
    const title = `${'a'.repeat(39)}${'\u{1F44B}'.repeat(1_000)}`;
    expect(() => checkPackageFieldLengths({ cablepress: { title } }, FILE)).toThrow(`("${'a'.repeat(39)}…")`);
  });
});
