// Scenarios: is the runner only waiting? `cswm scenario run --all --time-scale 0.01` wall time
// (the whole process, start-up included) divided by the waiting its scenarios require: the
// waits between attempts, the timeouts that fired and the receiver delays answered, scaled.
// Target: at most 1.5. Also shown, for information: the same catalog run one scenario at a
// time in-process (no overlap of independent scenarios), which is what the runner saves.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { median } from './lib.mjs';

export const title = 'scenarios';
const CLI = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
const ROUNDS = 3;
const TARGET = 1.5;

function runAll() {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(
      process.execPath,
      [CLI, 'scenario', 'run', '--all', '--time-scale', '0.01', '--json'],
      {
        env: { ...process.env, NO_COLOR: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d) => {
      out += d;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('error', reject);
    child.on('close', () => {
      clearTimeout(timer);
      const wallMs = performance.now() - t0;
      try {
        const summary = JSON.parse(out);
        resolve({
          wallMs,
          requiredMs: summary.requiredWaitMs,
          passed: summary.passed,
          total: summary.total,
          failed: summary.results
            .filter((r) => !r.passed)
            .map((r) => `${r.id}: ${r.expectations.find((e) => !e.passed)?.message ?? r.error?.code}`),
        });
      } catch (error) {
        reject(new Error(`scenario run --all printed no JSON summary: ${String(error)}`));
      }
    });
  });
}

export async function run() {
  const rounds = [];
  for (let i = 0; i < ROUNDS; i++) rounds.push(await runAll());
  const ratios = rounds.map((r) => r.wallMs / r.requiredMs);
  const ratio = median(ratios);
  const { runScenarios } = await import('../dist/scenarios/run-many.js');
  const sequential = await runScenarios('all', { timeScale: 0.01, concurrency: 1 });
  const sequentialRatio = sequential.durationMs / sequential.requiredWaitMs;
  const last = rounds.at(-1);
  return {
    rows: [
      {
        name: 'run --all wall / required waiting (median)',
        value: ratio,
        unit: 'x',
        target: `<= ${TARGET}`,
        // Fast but failing scenarios would be no result: every round must pass them all.
        pass: ratio <= TARGET && rounds.every((r) => r.passed === r.total),
      },
      { name: 'run --all wall time (median)', value: median(rounds.map((r) => r.wallMs)), unit: 'ms' },
      {
        name: 'required waits and timeouts (scaled)',
        value: median(rounds.map((r) => r.requiredMs)),
        unit: 'ms',
      },
      { name: 'scenarios passed', value: `${last.passed}/${last.total}`, unit: '' },
      { name: 'one at a time, in-process: wall / required', value: sequentialRatio, unit: 'x' },
    ],
    figures: {
      rounds: rounds.map((r, i) => ({ ...r, ratio: ratios[i] })),
      sequential: {
        wallMs: sequential.durationMs,
        requiredMs: sequential.requiredWaitMs,
        ratio: sequentialRatio,
      },
    },
  };
}
