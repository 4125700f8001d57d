/**
 * Starting and stopping a zoo receiver's process: by PID, with its output kept for the failure
 * message, readiness awaited by its own ready line and a connection to its port (bounded), and a stop that sends SIGTERM,
 * then SIGKILL after a bounded grace. Nothing here knows any one receiver.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { waitUntil } from '../helpers/wait.js';

/** What every zoo start function returns. */
export interface ZooReceiver {
  /** e.g. `flask-204`, `nginx-expired`. */
  name: string;
  /** Where to deliver: loopback, an ephemeral port. */
  url: string;
  /** PEM of the CA a checker configured like the Console should trust (TLS receivers only). */
  ca?: string;
  /** Stops every process by PID (SIGTERM, then SIGKILL after a grace) and removes temp dirs. */
  stop(): Promise<void>;
  /** What the receiver's processes printed so far (stdout and stderr, interleaved, tail kept). */
  logs(): string;
}

export interface ProcessSpec {
  /** Shown in messages: `webhook`, `flask`, `nginx`. */
  label: string;
  command: string;
  args: string[];
  cwd?: string;
  env?: Record<string, string>;
  /**
   * A line the process prints only once it listens, naming the port where it can: a port that
   * answers could belong to another process that took it first, this line cannot.
   */
  readyLine: RegExp;
}

/** A pattern matching `text` literally. */
export function literally(text: string): RegExp {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}

/** Readiness waits at most this long (a cold Python import on two busy cores takes seconds). */
const READY_DEADLINE_MS = 20_000;
/** SIGTERM, then this long before SIGKILL. */
const STOP_GRACE_MS = 5_000;
/** Only the tail of a receiver's output is kept: enough to explain a failure. */
const LOG_LIMIT_CHARS = 64_000;
/** Attempts to start on a fresh port when another process took the one picked. */
const PORT_ATTEMPTS = 3;

/** Children still running, killed by PID if the test process exits without stopping them. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) if (child.pid) signal(child.pid, 'SIGKILL');
});

/** Signals a process we started; it may have exited in between, which is fine. */
function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

export class StartedProcess {
  private output = '';
  readonly exited: Promise<void>;
  exitDescription: string | undefined;

  constructor(
    readonly spec: ProcessSpec,
    readonly child: ChildProcess,
  ) {
    running.add(child);
    const keep = (chunk: string) => {
      this.output = (this.output + chunk).slice(-LOG_LIMIT_CHARS);
    };
    child.stdout?.setEncoding('utf8').on('data', keep);
    child.stderr?.setEncoding('utf8').on('data', keep);
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.exitDescription = signal ? `killed by ${signal}` : `exited with code ${code}`;
        running.delete(child);
        resolve();
      });
      child.once('error', (error) => {
        this.exitDescription = `could not start: ${error.message}`;
        running.delete(child);
        resolve();
      });
    });
  }

  logs(): string {
    return this.output;
  }

  /** SIGTERM, then SIGKILL after the grace; resolves once the process is gone. */
  async stop(graceMs = STOP_GRACE_MS): Promise<void> {
    const pid = this.child.pid;
    if (pid === undefined || this.exitDescription !== undefined) return;
    signal(pid, 'SIGTERM');
    const gone = await Promise.race([this.exited.then(() => true), delay(graceMs, false)]);
    if (!gone && this.exitDescription === undefined) {
      signal(pid, 'SIGKILL');
      await this.exited;
    }
  }
}

export function startProcess(spec: ProcessSpec): StartedProcess {
  const child = spawn(spec.command, spec.args, {
    cwd: spec.cwd,
    // Python must not write __pycache__ beside the receiver sources in the worktree.
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', ...spec.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new StartedProcess(spec, child);
}

/** A port free on 127.0.0.1 right now (another process may still take it: see startOnFreePort). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no TCP address for a free port');
  return address.port;
}

function connects(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Thrown when a receiver cannot start: says which, why, and what it printed. */
export class ReceiverStartError extends Error {
  override name = 'ReceiverStartError';
  constructor(
    message: string,
    readonly portTaken: boolean,
  ) {
    super(message);
  }
}

/**
 * Waits until the process printed its ready line and the port accepts connections; fails loudly
 * (with the process's output) when it exits first or the deadline passes.
 */
export async function waitForReady(proc: StartedProcess, port: number): Promise<void> {
  try {
    await waitUntil(
      `${proc.spec.label} to print ${proc.spec.readyLine} and listen on 127.0.0.1:${port}`,
      async () => {
        if (proc.exitDescription !== undefined) {
          const output = proc.logs();
          throw new ReceiverStartError(
            `${proc.spec.label} ${proc.exitDescription} before listening on 127.0.0.1:${port}; it printed:\n${output}`,
            /address already in use|EADDRINUSE/i.test(output),
          );
        }
        return proc.spec.readyLine.test(proc.logs()) && (await connects(port));
      },
      { timeoutMs: READY_DEADLINE_MS, everyMs: 50, seen: () => proc.logs() },
    );
  } catch (error) {
    if (error instanceof ReceiverStartError) throw error;
    await proc.stop();
    throw new ReceiverStartError((error as Error).message, false);
  }
}

/**
 * Starts a process on a port picked free just before, retrying with a new port when another
 * process took it in between (the only race of picking a port outside the receiver).
 */
export async function startOnFreePort(
  specFor: (port: number) => ProcessSpec | Promise<ProcessSpec>,
): Promise<{ proc: StartedProcess; port: number }> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const proc = startProcess(await specFor(port));
    try {
      await waitForReady(proc, port);
      return { proc, port };
    } catch (error) {
      await proc.stop();
      const retry = error instanceof ReceiverStartError && error.portTaken && attempt < PORT_ATTEMPTS;
      if (!retry) throw error;
    }
  }
}

/** A temp dir for one receiver's files, removed by the returned function. */
export async function tempDir(prefix: string): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), `cswm-zoo-${prefix}-`));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

/** Source files of the receivers, as a reader finds them: test/zoo/receivers/... */
export function receiverFile(...parts: string[]): string {
  return join(import.meta.dirname, 'receivers', ...parts);
}
