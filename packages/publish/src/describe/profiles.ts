import type { Finding } from '@cablepress/core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

/** The four official Frictionless v2 profiles, shipped with the package (data/frictionless/2.0, public domain). */
export const PROFILE_NAMES = ['datapackage', 'dataresource', 'tableschema', 'tabledialect'] as const;
export type ProfileName = (typeof PROFILE_NAMES)[number];

// ajv-formats is CommonJS: under NodeNext its default import is the module object, whose `default` is the plugin.
const addFormats = addFormatsModule.default;

let validators: Record<ProfileName, ValidateFunction> | undefined;

/** The ajv instance the profiles are compiled with: JSON Schema draft-07, never fetched, `textarea` a free format. */
export function profileAjv(options: ConstructorParameters<typeof Ajv>[0] = {}): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: false, ...options });
  addFormats(ajv);
  ajv.addFormat('textarea', true);
  return ajv;
}

/** A profile's JSON Schema, as shipped in data/frictionless/2.0. */
export function profileSchema(name: ProfileName): object {
  return JSON.parse(readFileSync(new URL(`../../data/frictionless/2.0/${name}.json`, import.meta.url), 'utf8')) as object;
}

/**
 * The profile validators: compiled to JavaScript by the package's build (scripts/compile-profiles.mjs, into
 * dist/describe/profile-validators.cjs, found from src/ and dist/ alike), else compiled here once per process.
 */
function profileValidators(): Record<ProfileName, ValidateFunction> {
  if (validators) return validators;
  try {
    validators = createRequire(import.meta.url)(fileURLToPath(new URL('../../dist/describe/profile-validators.cjs', import.meta.url))) as Record<
      ProfileName,
      ValidateFunction
    >;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
    const ajv = profileAjv();
    validators = Object.fromEntries(PROFILE_NAMES.map((name) => [name, ajv.compile(profileSchema(name))])) as Record<ProfileName, ValidateFunction>;
  }
  return validators;
}

/** Appends a JSON pointer segment, escaped as RFC 6901 says. */
function pointer(base: string, key: string | number): string {
  return `${base}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

function profileFinding(profile: ProfileName, at: string, error: ErrorObject): Finding {
  const where = `${at}${error.instancePath}` || '/';
  const detail = error.keyword === 'additionalProperties' || error.keyword === 'required' ? ` (${JSON.stringify(error.params)})` : '';
  return {
    code: 'DESCRIPTOR_PROFILE',
    severity: 'error',
    message: `datapackage.json${where === '/' ? '' : ` at ${where}`} breaks the Frictionless v2 ${profile} profile: ${error.message ?? error.keyword}${detail}`,
    path: ['datapackage.json', ...where.split('/').slice(1)],
  };
}

/** Validates `value` against one profile; returns the first error as a finding, with the JSON pointer from the descriptor's root. */
export function checkProfile(profile: ProfileName, value: unknown, at = ''): Finding[] {
  const validate = profileValidators()[profile];
  if (validate(value)) return [];
  const [first] = validate.errors ?? [];
  return first ? [profileFinding(profile, at, first)] : [];
}

/**
 * The package profile inlines the resource profile, which inlines the schema and dialect profiles: one broken property
 * is reported once, by the most specific profile (the last one checked).
 */
function mostSpecific(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings
    .reverse()
    .filter((f) => {
      const key = f.path.join('/');
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .reverse();
}

/**
 * Checks a parsed datapackage.json against the official Frictionless v2 profiles, the way a data portal does:
 * the package, then each resource, its table schema and its dialect. Findings carry the JSON pointer of the first error of each.
 */
export function checkProfiles(descriptor: unknown): Finding[] {
  const findings = checkProfile('datapackage', descriptor);
  const resources = (descriptor as { resources?: unknown })?.resources;
  if (Array.isArray(resources)) {
    resources.forEach((resource: unknown, i) => {
      const at = pointer('/resources', i);
      findings.push(...checkProfile('dataresource', resource, at));
      const { schema, dialect } = (resource ?? {}) as { schema?: unknown; dialect?: unknown };
      if (schema !== undefined && typeof schema !== 'string') findings.push(...checkProfile('tableschema', schema, pointer(at, 'schema')));
      if (dialect !== undefined && typeof dialect !== 'string') findings.push(...checkProfile('tabledialect', dialect, pointer(at, 'dialect')));
    });
  }
  return mostSpecific(findings);
}
