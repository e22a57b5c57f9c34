// Preloaded (`node --import`) into a cablepress process by the tests that kill a commit at each of its renames.
// CABLEPRESS_TEST_KILL_AT=<n>: SIGKILL the process right before its nth file rename.
// CABLEPRESS_TEST_KILL_AFTER=<name>: SIGKILL it right after the rename whose target's base name is <name>.
// CABLEPRESS_TEST_COUNT_RENAMES=<file>: write the number of renames to <file> when the process exits.
import fs from 'node:fs';
import path from 'node:path';
import { syncBuiltinESMExports } from 'node:module';

const killAt = Number(process.env.CABLEPRESS_TEST_KILL_AT ?? 0);
const killAfter = process.env.CABLEPRESS_TEST_KILL_AFTER;
const countFile = process.env.CABLEPRESS_TEST_COUNT_RENAMES;
const rename = fs.promises.rename;
let renames = 0;

fs.promises.rename = async (from, to) => {
  renames++;
  if (renames === killAt) process.kill(process.pid, 'SIGKILL');
  await rename(from, to);
  if (killAfter !== undefined && path.basename(String(to)) === killAfter) process.kill(process.pid, 'SIGKILL');
};
syncBuiltinESMExports();
if (countFile) process.on('exit', () => fs.writeFileSync(countFile, String(renames)));
