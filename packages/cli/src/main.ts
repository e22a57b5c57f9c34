import { UsageError } from '@cablepress/core';
import { asTypedError, reportError } from './errors.js';
import { EXIT, processIo, type Io } from './io.js';
import { CommanderError, createProgram, isCommandName, usageErrorOf } from './program.js';

/** The command a person asked for (or help about) that does not exist, if any. */
function unknownCommand(argv: string[]): string | undefined {
  const [first, second] = argv;
  const asked = first === 'help' ? second : first;
  return asked !== undefined && !asked.startsWith('-') && asked !== 'help' && !isCommandName(asked) ? asked : undefined;
}

async function runProgram(argv: string[], io: Io): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = createProgram(io, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync(argv.length === 0 ? ['--help'] : argv, { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    if (error.exitCode === 0) return EXIT.ok;
    throw usageErrorOf(error, argv);
  }
  return exitCode;
}

/** Runs the cablepress command line; returns the exit code. */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  try {
    const unknown = unknownCommand(argv);
    if (unknown !== undefined) throw new UsageError(`unknown command "${unknown}".`);
    return await runProgram(argv, io);
  } catch (error) {
    return reportError(await asTypedError(error), io, argv.includes('--json'));
  }
}
