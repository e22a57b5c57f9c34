import { InputError } from './errors/index.js';
import { ellipsis } from './text.js';

/**
 * The longest value, in characters, cablepress takes from each package.json field it reads (a dataset's, and the
 * repository's `cablepress.homepage`). Each is far above any real value and low enough that no field makes a run slow
 * or huge: a 100,000-character prerelease `version` was a valid semantic version that the fact sheet, the README and
 * the release file names all carried.
 *
 * - `name`: npm's own limit.
 * - `version`: `<name>-<version>.tar.gz` of a release stays within the 255 bytes a file name may have, with a dataset
 *   name of the longest kept whole (120 characters, see names.ts).
 * - `description`: one paragraph of the README and datapackage.json; the longest of the repository has 318 characters.
 * - `license`: an SPDX identifier; the longest on the SPDX list has under 40.
 * - `cablepress.title`: a heading of the README, the site and the fact sheet; `cablepress init` makes it from the
 *   cable's subject, which it cuts to fit.
 * - `cablepress.source`, each of `cablepress.sources`, `cablepress.report`, `cablepress.recipe`: paths relative to the
 *   dataset folder.
 * - `cablepress.homepage`: a URL; browsers and servers handle about 2,000 characters everywhere.
 */
export const PACKAGE_FIELD_LIMITS = {
  name: 214,
  version: 100,
  description: 5_000,
  license: 100,
  'cablepress.title': 1_000,
  'cablepress.source': 1_024,
  'cablepress.sources': 1_024,
  'cablepress.report': 1_024,
  'cablepress.recipe': 1_024,
  'cablepress.homepage': 2_000,
} as const;

export type PackageField = keyof typeof PACKAGE_FIELD_LIMITS;

/** The value of a dotted field of a parsed package.json (`cablepress.title`), or undefined. */
function valueOf(pkg: unknown, field: string): unknown {
  let value = pkg;
  for (const key of field.split('.'))
    value = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}

/** Every string of `field` (the field itself, or each entry of a list such as `cablepress.sources`) with its name. */
function stringsOf(pkg: unknown, field: string): [string, string][] {
  const value = valueOf(pkg, field);
  if (typeof value === 'string') return [[field, value]];
  if (Array.isArray(value)) return value.flatMap((v, i): [string, string][] => (typeof v === 'string' ? [[`${field}[${i}]`, v]] : []));
  return [];
}

/**
 * Throws PACKAGE_FIELD_TOO_LONG, naming `file` and the field, for the first of `fields` whose value (or an entry of
 * whose list) is longer than its limit. Checked before anything else reads the fields, so that no check quotes or
 * matches a huge value. Values that are not strings are left to the checks of their type.
 */
export function checkPackageFieldLengths(
  pkg: unknown,
  file: string,
  fields: readonly PackageField[] = Object.keys(PACKAGE_FIELD_LIMITS) as PackageField[],
): void {
  for (const field of fields) {
    const max = PACKAGE_FIELD_LIMITS[field];
    const long = stringsOf(pkg, field).find(([, value]) => value.length > max);
    if (long) {
      throw new InputError(
        'PACKAGE_FIELD_TOO_LONG',
        `package.json "${long[0]}" has ${long[1].length} characters, more than the ${max} it may have ("${ellipsis(long[1], 41)}").`,
        { file, field: long[0] },
        `Shorten "${long[0]}" to at most ${max} characters.`,
      );
    }
  }
}
