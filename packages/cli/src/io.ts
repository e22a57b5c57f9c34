/** What a command may touch of the outside world; tests pass their own. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** True when stderr is a terminal (progress bars instead of plain lines). */
  isTTY?: boolean;
}

/** Exit codes, documented in the README. */
export const EXIT = {
  ok: 0,
  /** Data failed validation, a check found errors, or a release drifted. */
  invalid: 1,
  /** Bad input or usage: a missing or unreadable file, not a cable, a wrong option. */
  input: 2,
  /** Corpus mode: some files failed and are listed in the failures report; the rest was built. */
  partial: 3,
  /** A bug in cablepress. */
  internal: 70,
} as const;

export function processIo(): Io {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    isTTY: Boolean(process.stderr.isTTY),
  };
}
