import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readHomepage } from './repository.js';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function root(cablepress: unknown): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'cablepress-homepage-'));
  dirs.push(dir);
  await writeFile(path.join(dir, 'package.json'), JSON.stringify({ workspaces: ['datasets/*'], ...(cablepress === undefined ? {} : { cablepress }) }));
  return dir;
}

describe('readHomepage', () => {
  it('reads the configured home page as a base URL, and null when it is null, absent or there is no repository', async () => {
    expect(await readHomepage(await root({ homepage: 'https://example.org/cablepress' }))).toBe('https://example.org/cablepress/');
    expect(await readHomepage(await root({ homepage: null }))).toBeNull();
    expect(await readHomepage(await root(undefined))).toBeNull();
    expect(await readHomepage(null)).toBeNull();
  });

  it('refuses a home page that is not an absolute URL, naming the field', async () => {
    const dir = await root({ homepage: 'site/' });
    await expect(readHomepage(dir)).rejects.toMatchObject({
      code: 'HOMEPAGE_INVALID',
      location: { file: path.join(dir, 'package.json'), field: 'cablepress.homepage' },
    });
  });

  it('refuses a home page longer than 2,000 characters before matching it, naming the field (issue 26)', async () => {
    const dir = await root({ homepage: `https://example.org/${'a'.repeat(100_000)}/` });
    await expect(readHomepage(dir)).rejects.toMatchObject({
      code: 'PACKAGE_FIELD_TOO_LONG',
      location: { file: path.join(dir, 'package.json'), field: 'cablepress.homepage' },
    });
    expect(await readHomepage(await root({ homepage: `https://example.org/${'a'.repeat(1_900)}/` }))).toBe(`https://example.org/${'a'.repeat(1_900)}/`);
  });
});
