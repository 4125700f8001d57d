// Receiver benchmark: requests per second of the mock receiver in reference mode (recording,
// redaction, schema validation, duplicate tracking) against a bare express handler that only
// parses the JSON and answers 200. Same load generator (an undici Pool loop in a child process,
// so it does not share the servers' event loop), same body, rounds alternated, medians.
// Target: receiver >= 0.7x bare. Usage: node bench/run.mjs --only receiver
import { spawn } from 'node:child_process';
import { median, alertTemplate as template } from './lib.mjs';

const ROUNDS = Number(process.env.CSWM_BENCH_ROUNDS ?? 8);
const DURATION_MS = Number(process.env.CSWM_BENCH_DURATION_MS ?? 1_000);
const CONNECTIONS = 16;
const TARGET = 0.7;

// The load loop: keeps CONNECTIONS requests in flight for DURATION_MS, each body a documented
// alert_triggered with its own event_id, and prints { requests, errors, non200 }.
const LOAD = `
import { Pool } from 'undici';
const [url, durationMs, connections, template] = [process.argv[1], Number(process.argv[2]), Number(process.argv[3]), process.argv[4]];
const pool = new Pool(url, { connections, pipelining: 1 });
let requests = 0, errors = 0, non200 = 0, n = 0;
const until = Date.now() + durationMs;
async function worker() {
  while (Date.now() < until) {
    n += 1;
    const body = template.replace('__ID__', 'bench-' + process.pid + '-' + n);
    try {
      const res = await pool.request({ path: '/', method: 'POST', body, headers: { 'content-type': 'application/json' } });
      await res.body.dump();
      if (res.statusCode === 200) requests += 1; else non200 += 1;
    } catch { errors += 1; }
  }
}
await Promise.all(Array.from({ length: connections }, worker));
await pool.close();
process.stdout.write(JSON.stringify({ requests, errors, non200 }));
`;

function load(url, body) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--input-type=module', '-e', LOAD, url, String(DURATION_MS), String(CONNECTIONS), body],
      { cwd: new URL('..', import.meta.url), stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`load generator exited with ${code}`));
      const result = JSON.parse(out);
      resolve({ ...result, perSecond: (result.requests * 1000) / DURATION_MS });
    });
  });
}

async function startBare() {
  const { default: express } = await import('express');
  const app = express();
  app.post('/', express.json({ limit: '16mb' }), (_req, res) => {
    res.sendStatus(200);
  });
  const server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(resolve);
      }),
    deliveries: () => 0,
  };
}

export const title = 'receiver';

export async function run() {
  const { startReceiver } = await import('../dist/receiver/index.js');
  const body = template();
  const bare = await startBare();
  const receiver = await startReceiver({ port: 0 });
  // Warm both (JIT, schema compilation) before measuring.
  await load(bare.url, body);
  await load(receiver.url, body);
  const bareRates = [];
  const receiverRates = [];
  let problems = 0;
  const pairRatios = [];
  for (let round = 0; round < ROUNDS; round++) {
    // ABBA order: a machine getting busier or calmer during the run favours neither side.
    const order = round % 2 === 0 ? ['bare', 'receiver'] : ['receiver', 'bare'];
    const got = {};
    for (const side of order) got[side] = await load(side === 'bare' ? bare.url : receiver.url, body);
    problems += got.bare.errors + got.bare.non200 + got.receiver.errors + got.receiver.non200;
    bareRates.push(got.bare.perSecond);
    receiverRates.push(got.receiver.perSecond);
    pairRatios.push(got.receiver.perSecond / got.bare.perSecond);
  }
  const recorded = receiver.deliveries().length;
  const allValid = receiver.deliveries().every((d) => d.valid);
  await receiver.close();
  await bare.close();
  const ratio = median(receiverRates) / median(bareRates);
  return {
    rows: [
      { name: 'bare express JSON handler (median)', value: median(bareRates), unit: 'req/s' },
      { name: 'receiver, reference mode (median)', value: median(receiverRates), unit: 'req/s' },
      {
        name: 'receiver / bare',
        value: ratio,
        unit: 'x',
        target: `>= ${TARGET}`,
        pass: ratio >= TARGET && problems === 0 && allValid,
      },
    ],
    figures: {
      rounds: ROUNDS,
      durationMs: DURATION_MS,
      connections: CONNECTIONS,
      bareRates,
      receiverRates,
      ratio,
      medianPairedRatio: median(pairRatios),
      failedRequests: problems,
      recordedKept: recorded,
      allRecordedValid: allValid,
    },
  };
}
