/**
 * Runs the built CLI as a child process and measures its peak resident memory: through
 * `/usr/bin/time -f %M` when present (the kernel's maxrss at exit, exact), else by polling the
 * child's /proc/<pid>/status VmHWM. Bounded by `timeoutMs`; on timeout only the process this
 * helper started is killed, by its PID.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI_PATH } from '../../helpers/cli.js';

const TIME = '/usr/bin/time';

export interface MeasuredRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Peak resident set size of the CLI process, in MiB (NaN when it could not be measured). */
  peakRssMiB: number;
  wallMs: number;
  timedOut: boolean;
}

export interface RunOptions {
  env?: Record<string, string>;
  timeoutMs?: number;
  input?: string;
  /** Called once the child is spawned (to signal it, say). */
  onSpawn?: (child: ChildProcess) => void;
  /** Measure memory (wraps the CLI in /usr/bin/time). @default true */
  measure?: boolean;
}

export function runMeasured(args: string[], options: RunOptions = {}): Promise<MeasuredRun> {
  const measure = options.measure ?? true;
  const useTime = measure && existsSync(TIME);
  const dir = useTime ? mkdtempSync(join(tmpdir(), 'cswm-rss-')) : '';
  const rssFile = join(dir, 'rss');
  const command = useTime ? TIME : process.execPath;
  const argv = useTime
    ? ['-f', '%M', '-o', rssFile, process.execPath, CLI_PATH, ...args]
    : [CLI_PATH, ...args];
  const started = performance.now();
  return new Promise((resolve, reject) => {
    // Its own process group: on timeout the group is killed, /usr/bin/time and the CLI under it
    // (killing only `time` would leave the CLI holding the pipes open).
    const child = spawn(command, argv, {
      env: { ...process.env, NO_COLOR: '1', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
    });
    let stdout = '';
    let stderr = '';
    let hwmKiB = 0;
    let timedOut = false;
    child.stdout?.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr?.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    const poll =
      measure && !useTime
        ? setInterval(() => {
            hwmKiB = Math.max(hwmKiB, readHwmKiB(child.pid));
          }, 10)
        : undefined;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, options.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (poll) clearInterval(poll);
      let peakKiB = hwmKiB;
      if (useTime) {
        try {
          const lines = readFileSync(rssFile, 'utf8').trim().split('\n');
          peakKiB = Number(lines[lines.length - 1]);
        } catch {
          peakKiB = Number.NaN;
        }
        rmSync(dir, { recursive: true, force: true });
      }
      resolve({
        code,
        signal,
        stdout,
        stderr,
        peakRssMiB: measure ? Math.round((peakKiB / 1024) * 10) / 10 : Number.NaN,
        wallMs: Math.round(performance.now() - started),
        timedOut,
      });
    });
    child.stdin?.on('error', () => {});
    child.stdin?.end(options.input ?? '');
    options.onSpawn?.(child);
  });
}

function readHwmKiB(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** True when the text has a stack frame in it (`    at fn (file:line:col)`). */
export function hasStackTrace(text: string): boolean {
  return /^\s+at .+[:(]/m.test(text);
}
