import { describe, expect, it } from 'vitest';
import { isSemver } from './semver.js';

describe('isSemver', () => {
  it('takes MAJOR.MINOR.PATCH with a prerelease or build', () => {
    for (const v of ['0.1.0', '1.0.0', '10.20.30', '1.0.0-rc.1', '1.0.0+sha.5114f85']) expect(isSemver(v), v).toBe(true);
  });
  it('refuses leading zeros, missing parts and non-strings', () => {
    for (const v of ['01.0.0', '1.0', 'v1.0.0', '1.0.0-', '', 1]) expect(isSemver(v), String(v)).toBe(false);
  });
});
