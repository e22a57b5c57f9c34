import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;
type Parsed<O extends Options> = ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; strict: true; options: O }>>;

/** Parses a command's arguments (options and positionals); a wrong option becomes a UsageError naming the command. */
export function parseCommandArgs<const O extends Options>(command: string, args: string[], options: O): Parsed<O> {
  try {
    return parseArgs({ args, allowPositionals: true, strict: true, options });
  } catch (error) {
    throw new UsageError(`${command}: ${(error as Error).message}.`);
  }
}
