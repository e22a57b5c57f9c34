/** A semantic version (semver.org 2.0.0): MAJOR.MINOR.PATCH with an optional prerelease and build. */
export const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;

/** True when `value` is a semantic version string. */
export function isSemver(value: unknown): value is string {
  return typeof value === 'string' && SEMVER.test(value);
}
