/**
 * Signals on the command line. Ctrl-C or SIGTERM asks a command that stops gracefully (`send`,
 * `receive`, `scenario run`) to stop: it finishes what is in flight and prints its summary; a
 * second signal ends the process at once.
 *
 * Node as PID 1 (the container image runs `cswm` with no init in front, so that `docker stop`
 * reaches node itself) gets no default action for SIGTERM and SIGINT: the kernel drops them
 * unless a handler is installed, and `docker stop` would wait 10 s, then kill. Commands that
 * stop gracefully (`send`, `receive`, `scenario run`) install their own handlers; for every
 * other moment this ends the process at once, as the default action would elsewhere, with the
 * shell's code for it (128 + the signal's number). Outside PID 1 nothing changes.
 */
import { ExitCode } from './output.js';

const SIGNAL_NUMBERS = { SIGINT: 2, SIGTERM: 15 } as const;
const STOP_SIGNALS = Object.keys(SIGNAL_NUMBERS) as NodeJS.Signals[];

/** The parts of `process` this uses, so a test can hand in its own. */
export interface SignalTarget {
  pid: number;
  on(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
  off(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
  listenerCount(signal: NodeJS.Signals): number;
  exit(code: number): never;
  stderr: { write(text: string): unknown };
}

/**
 * Calls `stop` on the first SIGINT or SIGTERM; a second one exits 1 at once (the user wants out
 * now). Returns the function that removes the handlers.
 */
export function onStopSignals(
  stop: (signal: NodeJS.Signals) => void,
  target: SignalTarget = process,
): () => void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals): void => {
    if (stopping) {
      target.exit(ExitCode.FAILED);
      return;
    }
    stopping = true;
    stop(signal);
  };
  for (const signal of STOP_SIGNALS) target.on(signal, handler);
  return () => {
    for (const signal of STOP_SIGNALS) target.off(signal, handler);
  };
}

/** Installs the PID 1 fallback; returns whether it did. */
export function exitOnSignalsAsPid1(target: SignalTarget = process): boolean {
  if (target.pid !== 1) return false;
  for (const [signal, number] of Object.entries(SIGNAL_NUMBERS) as [NodeJS.Signals, number][]) {
    target.on(signal, () => {
      // Another listener means the running command handles this signal itself.
      if (target.listenerCount(signal) > 1) return;
      target.stderr.write(`cswm: stopped by ${signal}\n`);
      target.exit(128 + number);
    });
  }
  return true;
}
