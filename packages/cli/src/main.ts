import { asTypedError, reportError, UsageError } from './errors.js';
import { EXIT, processIo, type Io } from './io.js';

type Command = (args: string[], io: Io) => Promise<number>;

const commands: Record<string, { summary: string; load: () => Promise<Command> }> = {
  build: { summary: 'build a dataset and its fact sheet: build <dataset-dir> | build --corpus <dir-or-glob> --out <dataset-dir>', load: async () => (await import('./commands/build.js')).run },
  validate: { summary: 'check a published dataset: files, bytes, hashes and every row against its schema', load: async () => (await import('./commands/validate.js')).run },
  diff: { summary: 'compare two dataset folders or release bundles: diff <old> <new> [--json]', load: async () => (await import('./commands/diff.js')).run },
  site: { summary: 'build the static site of every dataset: site [dataset-dir...] [--out site]', load: async () => (await import('./commands/site.js')).run },
  release: { summary: 'write the versioned release bundles and SHA256SUMS: release <dataset-dir>', load: async () => (await import('./commands/release.js')).run },
};

function help(io: Io): number {
  const width = Math.max(...Object.keys(commands).map((c) => c.length));
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  io.stdout(`usage: cablepress <command> [options]\n\ncommands:\n${lines.join('\n')}\n\nexit codes: 0 ok, 1 invalid data, 2 bad input or usage, 3 some corpus files failed, 70 internal error\n`);
  return EXIT.ok;
}

/** Runs the cablepress command line; returns the exit code. */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') return help(io);
  const command = commands[name];
  if (!command) return reportError(new UsageError(`unknown command "${name}".`), io, argv.includes('--json'));
  try {
    return await (await command.load())(rest, io);
  } catch (error) {
    return reportError(await asTypedError(error), io, rest.includes('--json'));
  }
}
