// Compiles the four Frictionless profiles to JavaScript once, at build time (`npm run build`), into
// dist/describe/profile-validators.cjs: compiling them with ajv at run time costs about 0.8 s of CPU in every build
// that checks a descriptor. The validators are the ones `checkProfile` would compile (same ajv set-up and schemas).
import { writeFileSync } from 'node:fs';
import { _ } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { PROFILE_NAMES, profileAjv, profileSchema } from '../dist/describe/profiles.js';

const ajv = profileAjv({ code: { source: true, formats: _`require("ajv-formats/dist/formats").fullFormats` } });
for (const name of PROFILE_NAMES) ajv.addSchema(profileSchema(name), name);
const code = standaloneCode.default(ajv, Object.fromEntries(PROFILE_NAMES.map((name) => [name, name])));
writeFileSync(new URL('../dist/describe/profile-validators.cjs', import.meta.url), code);
