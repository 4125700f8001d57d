// Conformance benchmark (dist/ only; traffic to 127.0.0.1 only): the wall time of a full
// `cswm check` against the reference receiver, divided by the wall time of a bare got loop that
// sends the same number of requests to the same receiver, both as child processes in this one
// run, alternated, medians of rounds. Target <= 3: the harness's own work (planning, payload
// variants, evaluation, reports, process start) stays small beside its probes.
// The target row: `cswm check --url` against a reference receiver started here, the same one
// the got loop hits. Reported beside it: the embedded default `cswm check` (what `npm start`
// runs), whose wall time includes starting its own receiver. BENCH_CONFORMANCE_ROUNDS (default 5).
// BENCH_COMPARE_CLI=/path/to/other/dist/cli/main.js also times that build's `cswm check --url`
// in the same rounds, alternated, and reports this build's wall time over it (a change's cost).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './lib.mjs';

export const title = 'conformance';

const root = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(root, 'dist/cli/main.js');
const GOT = join(root, 'node_modules/got/dist/source/index.js');
const ROUNDS = Number(process.env.BENCH_CONFORMANCE_ROUNDS ?? 5);
const COMPARE_CLI = process.env.BENCH_COMPARE_CLI;
const TARGET = 3;

// The bare loop: one POST after another, same options as a probe (no retry, no redirects, one
// timeout), a documented alert_triggered with a fresh event_id each time; nothing else.
const BARE = `
import got from ${JSON.stringify(GOT)};
const [url, count, template] = [process.argv[1], Number(process.argv[2]), process.argv[3]];
const client = got.extend({ retry: { limit: 0 }, followRedirect: false, throwHttpErrors: false, decompress: false,
  timeout: { request: 30000 }, headers: { 'content-type': 'application/json' } });
let ok = 0;
for (let i = 0; i < count; i++) {
  const res = await client.post(url, { body: template.replace('__ID__', 'bench' + process.pid + 'n' + i) });
  if (res.statusCode === 200) ok++;
}
process.stdout.write(JSON.stringify({ ok }) + '\\n');
`;

function spawnNode(args) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.resume();
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, ms: performance.now() - started }));
  });
}

export async function run() {
  const { startReceiver } = await import(new URL('../dist/receiver/index.js', import.meta.url).href);
  const example = JSON.parse(readFileSync(join(root, 'schemas/examples/alert_triggered.json'), 'utf8'));
  example.details.event_id = '__ID__';
  const template = JSON.stringify(example);
  const receiver = await startReceiver({ host: '127.0.0.1', port: 0, maxRecords: 1000 });
  try {
    const checkArgs = [CLI, 'check', '--url', receiver.url, '--allow-any-port', '--json'];
    const first = await spawnNode(checkArgs);
    const probes = JSON.parse(first.stdout).counts.probes;
    const checkMs = [];
    const embeddedMs = [];
    const bareMs = [];
    const otherMs = [];
    for (let i = 0; i < ROUNDS; i++) {
      if (COMPARE_CLI) {
        const other = await spawnNode([COMPARE_CLI, ...checkArgs.slice(1)]);
        if (!other.stdout.includes('"counts"')) throw new Error('bench: the other build printed no report');
        otherMs.push(other.ms);
      }
      const check = await spawnNode(checkArgs);
      if (JSON.parse(check.stdout).counts.probes !== probes) throw new Error('bench: probe count changed');
      checkMs.push(check.ms);
      const bare = await spawnNode([
        '--input-type=module',
        '-e',
        BARE,
        receiver.url,
        String(probes),
        template,
      ]);
      if (JSON.parse(bare.stdout).ok !== probes) throw new Error('bench: the bare loop got a non-200');
      bareMs.push(bare.ms);
      const embedded = await spawnNode([CLI, 'check', '--json']);
      if (embedded.code !== 0) throw new Error(`bench: embedded cswm check exited ${embedded.code}`);
      embeddedMs.push(embedded.ms);
    }
    const ratio = median(checkMs) / median(bareMs);
    const embeddedRatio = median(embeddedMs) / median(bareMs);
    return {
      rows: [
        {
          name: 'cswm check --url / bare got loop',
          value: ratio,
          unit: 'x',
          target: `<= ${TARGET}`,
          pass: ratio <= TARGET,
        },
        // Reported, no target: it also pays the reference receiver's own start (express, and
        // compiling the 16 schemas), which the got loop, hitting a receiver already up, does not.
        { name: 'cswm check (embedded) / bare got loop', value: embeddedRatio, unit: 'x' },
        { name: 'cswm check --url, median wall', value: median(checkMs), unit: 'ms' },
        { name: 'cswm check (embedded), median wall', value: median(embeddedMs), unit: 'ms' },
        { name: `bare got loop, ${probes} requests, median wall`, value: median(bareMs), unit: 'ms' },
        ...(COMPARE_CLI
          ? [
              {
                name: 'cswm check --url / the same with BENCH_COMPARE_CLI',
                value: median(checkMs) / median(otherMs),
                unit: 'x',
              },
              { name: 'BENCH_COMPARE_CLI check --url, median wall', value: median(otherMs), unit: 'ms' },
            ]
          : []),
      ],
      figures: { probes, rounds: ROUNDS, checkMs, embeddedMs, bareMs, ...(COMPARE_CLI ? { otherMs } : {}) },
    };
  } finally {
    await receiver.close();
  }
}
