import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { cp, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProfile, checkProfiles, PROFILE_NAMES } from '@cablepress/publish';
import { cli, repoRoot, scratchFolder } from './helpers.js';

const shippedProfiles = path.join(repoRoot, 'packages/publish/data/frictionless/2.0');

/** Every dataset of the repository that has been built (it has a datapackage.json). */
const datasets = readdirSync(path.join(repoRoot, 'datasets'), { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => path.join(repoRoot, 'datasets', e.name, 'datapackage.json'))
  .filter((file) => {
    try {
      readFileSync(file);
      return true;
    } catch {
      return false;
    }
  });

/** The first profile error of a value as "profile at pointer: message", or "" when it is valid. */
function firstError(findings: { message: string }[]): string {
  return findings[0]?.message ?? '';
}

describe('every datapackage.json in the repository passes the official Frictionless v2 profiles', () => {
  it('finds the datasets', () => {
    expect(datasets.map((f) => path.basename(path.dirname(f)))).toContain('laos-tip-2008');
  });

  for (const file of datasets) {
    const name = path.basename(path.dirname(file));
    const descriptor = JSON.parse(readFileSync(file, 'utf8'));

    it(`${name}: the data package, each resource, table schema and dialect`, () => {
      expect(firstError(checkProfile('datapackage', descriptor))).toBe('');
      for (const [i, resource] of descriptor.resources.entries()) {
        const at = `/resources/${i}`;
        expect(firstError(checkProfile('dataresource', resource, at))).toBe('');
        if (resource.schema) expect(firstError(checkProfile('tableschema', resource.schema, `${at}/schema`))).toBe('');
        if (resource.dialect) expect(firstError(checkProfile('tabledialect', resource.dialect, `${at}/dialect`))).toBe('');
      }
    });

    it(`${name}: breaking a descriptor on purpose fails with the JSON pointer`, () => {
      const copy = JSON.parse(JSON.stringify(descriptor));
      const i = copy.resources.findIndex((r: { schema?: object }) => r.schema);
      copy.resources[i].schema.foreignKeys = [];
      expect(firstError(checkProfiles(copy))).toBe(
        `datapackage.json at /resources/${i}/schema/foreignKeys breaks the Frictionless v2 tableschema profile: must NOT have fewer than 1 items`,
      );
    });
  }
});

describe('cablepress validate on a downloaded copy', () => {
  it('refuses a descriptor that breaks a profile, naming the JSON pointer', async () => {
    const copy = await scratchFolder('profile');
    await cp(path.join(repoRoot, 'datasets/laos-tip-2008'), copy, { recursive: true, filter: (src) => !src.endsWith('releases.json') });
    const descriptor = JSON.parse(readFileSync(path.join(copy, 'datapackage.json'), 'utf8'));
    descriptor.resources[0].dialect.header = 'yes';
    await writeFile(path.join(copy, 'datapackage.json'), `${JSON.stringify(descriptor, null, 2)}\n`);
    const result = await cli(['validate', copy]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('DESCRIPTOR_PROFILE: datapackage.json at /resources/0/dialect/header breaks the Frictionless v2 tabledialect profile');
  });
});

/**
 * sha256 of the official profiles, byte for byte as published in frictionlessdata/datapackage (public/profiles/2.0/);
 * see packages/publish/data/frictionless/README.md.
 */
const OFFICIAL_SHA256: Record<string, string> = {
  datapackage: 'a9ef0fc168b3402ae7aa7d22bbcb798e0db6b639e7ee15ff4aa177463cea7112',
  dataresource: '067d769b44b22178615620d37ac4e9f732cf0459c5540255cbba2480aa91c35a',
  tabledialect: '54e884a84e499b9f63b2f04e8e8aa47f4f2257fdf94a71b9462f40ed19a1d3b3',
  tableschema: 'a67779642acc7f51031d2e881166d31ef8dd90cd8a92c9ff8821d7a8821d0490',
};

describe('the shipped profiles', () => {
  it('are byte-identical to the official copies (their sha256)', () => {
    const shipped = Object.fromEntries(
      PROFILE_NAMES.map((name) => [
        name,
        createHash('sha256')
          .update(readFileSync(path.join(shippedProfiles, `${name}.json`)))
          .digest('hex'),
      ]),
    );
    expect(shipped).toEqual(OFFICIAL_SHA256);
  });
});
