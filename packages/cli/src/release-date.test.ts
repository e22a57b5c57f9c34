import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchFolder } from '../test-support/paths.js';
import { recordedReleaseDate } from './release-date.js';

async function log(content: string): Promise<string> {
  const dir = await scratchFolder('release-date');
  await writeFile(path.join(dir, 'releases.json'), content);
  return path.join(dir, 'releases.json');
}

describe('recordedReleaseDate', () => {
  it('gives the date the release log records for the version, and null for a version not released yet', async () => {
    const file = await log(
      JSON.stringify({
        name: 'x',
        releases: [
          { version: '0.1.0', created: '2008-02-29T05:44:00Z', files: {} },
          { version: '0.1.1', created: '2008-03-01T00:00:00Z', files: {} },
        ],
      }),
    );
    expect(await recordedReleaseDate(file, '0.1.1')).toBe('2008-03-01T00:00:00Z');
    expect(await recordedReleaseDate(file, '0.2.0')).toBeNull();
    expect(await recordedReleaseDate(path.join(path.dirname(file), 'none.json'), '0.1.0')).toBeNull();
  });

  it('refuses a release log that is not one, naming it', async () => {
    const file = await log('{ "releases": {} }');
    await expect(recordedReleaseDate(file, '0.1.0')).rejects.toMatchObject({ code: 'RELEASE_LOG_INVALID', location: { file } });
  });
});
