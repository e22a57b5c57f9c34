import type { Finding } from '@cablepress/core';
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

/** The four official Frictionless v2 profiles, shipped with the package (data/frictionless/2.0, public domain). */
export const PROFILE_NAMES = ['datapackage', 'dataresource', 'tableschema', 'tabledialect'] as const;
export type ProfileName = (typeof PROFILE_NAMES)[number];

// ajv-formats is CommonJS: under NodeNext its default import is the module object, whose `default` is the plugin.
const addFormats = addFormatsModule.default;

let validators: Record<ProfileName, ValidateFunction> | undefined;

/** Compiles the profiles once per process; they are JSON Schema draft-07 and never fetched. */
function profileValidators(): Record<ProfileName, ValidateFunction> {
  if (validators) return validators;
  const ajv = new Ajv({ strict: false, allErrors: false });
  addFormats(ajv);
  ajv.addFormat('textarea', true);
  const compile = (name: ProfileName) => {
    const file = new URL(`../../data/frictionless/2.0/${name}.json`, import.meta.url);
    return ajv.compile(JSON.parse(readFileSync(file, 'utf8')) as object);
  };
  validators = {
    datapackage: compile('datapackage'),
    dataresource: compile('dataresource'),
    tableschema: compile('tableschema'),
    tabledialect: compile('tabledialect'),
  };
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
