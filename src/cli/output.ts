import { CommanderError } from 'commander';
import { isCswmError } from '../errors.js';
import { inFlagTerms } from './flag-words.js';

/** Exit codes of every command. */
export const ExitCode = { OK: 0, FAILED: 1, USAGE: 2 } as const;

/** True when colour is wanted: a terminal, and no NO_COLOR. */
export function useColor(stream: NodeJS.WriteStream = process.stdout): boolean {
  return Boolean(stream.isTTY) && !('NO_COLOR' in process.env) && process.env.TERM !== 'dumb';
}

/** Prints one machine-readable object on stdout. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/**
 * Turns any error into one line on stderr and an exit code: 2 for input errors (ours or
 * commander's), 1 for anything else. A stack trace only with --debug.
 */
export function exitWithError(error: unknown, debug: boolean): never {
  if (error instanceof CommanderError) {
    // Help and version are "errors" to commander's exitOverride, with exit code 0.
    if (
      error.exitCode === 0 ||
      error.code === 'commander.helpDisplayed' ||
      error.code === 'commander.version'
    ) {
      process.exit(0);
    }
    // commander already printed its message.
    process.exit(ExitCode.USAGE);
  }
  if (isCswmError(error)) {
    process.stderr.write(`cswm: ${inFlagTerms(error.message)}\n`);
    if (debug && error.stack) process.stderr.write(`${error.stack}\n`);
    process.exit(error.isInputError ? ExitCode.USAGE : ExitCode.FAILED);
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`cswm: unexpected error: ${message.split('\n')[0]} (run with --debug for details)\n`);
  if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  process.exit(ExitCode.FAILED);
}

/** Ends the process with a code once stdout has drained (large NDJSON output is not cut). */
export function exitWhenDrained(code: number): void {
  if (process.stdout.writableNeedDrain) {
    process.stdout.once('drain', () => process.exit(code));
  } else {
    process.exitCode = code;
  }
}
