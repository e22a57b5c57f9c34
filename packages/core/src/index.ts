export { SEMVER, isSemver } from './semver.js';
