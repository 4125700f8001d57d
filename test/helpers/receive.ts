/**
 * `cswm receive` as a child process: started with `--port 0`, its URL read from its first line,
 * stopped by a signal sent to its own PID. Every wait is bounded.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { CLI_PATH } from './cli.js';
import { waitUntil } from './wait.js';

export interface ReceiveProcess {
  child: ChildProcessWithoutNullStreams;
  url: string;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code once the process has closed. */
  exited: Promise<number | null>;
  /** Sends `signal` to this process and resolves with its exit code (SIGKILL after `graceMs`). */
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<number | null>;
}

export async function startReceive(args: string[], startMs = 20_000): Promise<ReceiveProcess> {
  const child = spawn(process.execPath, [CLI_PATH, 'receive', '--port', '0', ...args], {
    env: { ...process.env, NO_COLOR: '1' },
  });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    out += d;
  });
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    err += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const stop = async (signal: NodeJS.Signals = 'SIGTERM', graceMs = 15_000): Promise<number | null> => {
    if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    const code = await exited;
    clearTimeout(timer);
    return code;
  };
  try {
    const url = await waitUntil(
      'cswm receive to print its URL',
      () => {
        if (child.exitCode !== null) throw new Error(`cswm receive exited ${child.exitCode}: ${out} ${err}`);
        return /(https?:\/\/(?:127\.0\.0\.1|\[::1\]):\d+)/.exec(out)?.[1];
      },
      { timeoutMs: startMs, seen: () => `${out}${err}` },
    );
    return { child, url, stdout: () => out, stderr: () => err, exited, stop };
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
}
