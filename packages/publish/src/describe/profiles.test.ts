import { afterEach, describe, expect, it } from 'vitest';
import { syntheticInput } from '../fixtures/rows.js';
import { scratchFolders } from '../fixtures/scratch.js';
import { checkDescriptor } from './datapackage.js';
import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';
import { checkProfile, checkProfiles, PROFILE_NAMES, profileAjv, profileSchema, type ProfileName } from './profiles.js';
import { writeDataset } from '../commit/write-dataset.js';

const folders = scratchFolders();
afterEach(folders.cleanup);

/** A copy of a descriptor as read from its file (no shared objects), changed by `edit` to break one property on purpose. */
function broken<T>(descriptor: T, edit: (copy: any) => void): T {
  const copy = JSON.parse(JSON.stringify(descriptor)) as T;
  edit(copy);
  return copy;
}

describe('checkProfiles (official Frictionless v2 profiles)', async () => {
  const dir = await folders.make();
  const { descriptor } = await writeDataset(dir, syntheticInput());

  it('passes every descriptor, resource, table schema and dialect the writer makes', () => {
    expect(checkProfiles(descriptor)).toEqual([]);
    for (const resource of descriptor.resources) {
      expect(checkProfile('dataresource', resource)).toEqual([]);
      if (resource.schema) expect(checkProfile('tableschema', resource.schema)).toEqual([]);
      if (resource.dialect) expect(checkProfile('tabledialect', resource.dialect)).toEqual([]);
    }
  });

  it('leaves foreignKeys out of tables that have none, and writes them where there are', () => {
    const cables = descriptor.resources.find((r) => r.name === 'cables')!;
    const paragraphs = descriptor.resources.find((r) => r.name === 'paragraphs')!;
    expect(cables.schema).not.toHaveProperty('foreignKeys');
    expect(paragraphs.schema?.foreignKeys).toEqual([{ fields: ['cable_id'], reference: { resource: 'cables', fields: ['cable_id'] } }]);
  });

  it('names the JSON pointer of an empty foreignKeys list, once, by the table schema profile', () => {
    const i = descriptor.resources.findIndex((r) => r.name === 'cables');
    const findings = checkProfiles(
      broken(descriptor, (d) => {
        d.resources[i].schema.foreignKeys = [];
      }),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      code: 'DESCRIPTOR_PROFILE',
      severity: 'error',
      path: ['datapackage.json', 'resources', String(i), 'schema', 'foreignKeys'],
    });
    expect(findings[0]!.message).toBe(
      `datapackage.json at /resources/${i}/schema/foreignKeys breaks the Frictionless v2 tableschema profile: must NOT have fewer than 1 items`,
    );
  });

  it('finds a broken dialect, resource and package property, each with its pointer', () => {
    const pointers = (d: unknown) => checkProfiles(d).map((f) => f.message.match(/at (\S+)/)?.[1]);
    expect(
      pointers(
        broken(descriptor, (d) => {
          d.resources[0].dialect.header = 'yes';
        }),
      ),
    ).toEqual(['/resources/0/dialect/header']);
    expect(
      pointers(
        broken(descriptor, (d) => {
          d.resources[1].bytes = 'many';
        }),
      ),
    ).toEqual(['/resources/1/bytes']);
    expect(
      pointers(
        broken(descriptor, (d) => {
          d.contributors = 'cablepress';
        }),
      ),
    ).toEqual(['/contributors']);
    expect(
      pointers(
        broken(descriptor, (d) => {
          d.resources[2].schema.fields[0].type = 'text';
        }),
      ),
    ).toEqual(['/resources/2/schema/fields/0/type']);
  });

  it('is part of checkDescriptor, which every write and every validate runs', () => {
    const findings = checkDescriptor(
      broken(descriptor, (d) => {
        d.resources[0].schema.foreignKeys = [];
      }),
    );
    expect(findings.map((f) => f.code)).toEqual(['DESCRIPTOR_PROFILE']);
  });
});

describe('the profiles compiled at build time (dist/describe/profile-validators.cjs)', async () => {
  const dir = await folders.make();
  const { descriptor } = await writeDataset(dir, syntheticInput());
  const compiled = createRequire(import.meta.url)('../../dist/describe/profile-validators.cjs') as Record<ProfileName, ValidateFunction>;
  const ajv = profileAjv();

  it('judge every descriptor as the profiles compiled here do, and give the same first error', () => {
    const cases = [
      descriptor,
      broken(descriptor, (d) => (d.resources[0].name = 5)),
      broken(descriptor, (d) => (d.resources[1].schema.fields[0].type = 'no-such-type')),
      broken(descriptor, (d) => (d.contributors = [{ email: 'not an email' }])),
      broken(descriptor, (d) => delete d.resources),
    ];
    for (const name of PROFILE_NAMES) {
      const here = ajv.compile(profileSchema(name));
      for (const value of [...cases, ...cases.flatMap((d) => d.resources ?? [])]) {
        expect(compiled[name]!(value), name).toBe(here(value));
        expect(compiled[name]!.errors?.[0] ?? null).toEqual(here.errors?.[0] ?? null);
      }
    }
  });
});
