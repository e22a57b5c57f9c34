import { InputError, LIMITS, readTextInside } from '@cablepress/core';
import path from 'node:path';

/**
 * The date the release log records for `version` (its `created`), or null when the version has no record yet: the
 * release will then record the build's own date, so a README dated either way has the same bytes before and after.
 */
export async function recordedReleaseDate(releaseLog: string, version: string): Promise<string | null> {
  const text = await readTextInside(releaseLog, path.dirname(releaseLog), {
    maxBytes: LIMITS.releaseLog,
    tooLargeHint: 'Restore it from git: `cablepress release` writes it.',
  });
  if (text === undefined) return null;
  try {
    const log = JSON.parse(text) as { releases?: { version?: unknown; created?: unknown }[] };
    if (!Array.isArray(log.releases)) throw new Error('"releases" is not an array');
    const created = log.releases.find((r) => r.version === version)?.created;
    return typeof created === 'string' ? created : null;
  } catch (error) {
    throw new InputError(
      'RELEASE_LOG_INVALID',
      `the release log is not valid: ${(error as Error).message}.`,
      { file: releaseLog },
      'Restore it from git: `cablepress release` writes it.',
    );
  }
}
