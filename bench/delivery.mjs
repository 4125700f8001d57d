// Delivery benchmark (dist/ only; traffic to 127.0.0.1 only). Every figure that has a target is
// a ratio or a deviation measured side by side in this one run:
// - deliveries/s of the full `cswm send FILE` path (parsing, validation, policy, records,
//   journal) vs a bare got loop sending the same bodies to the same bare node:http receiver at
//   the same concurrency, both as child processes, alternated, median of rounds (target >= 0.8x);
// - end-to-end deliveries/s when `cswm send` generates the events on the fly (reported);
// - peak RSS of `cswm send` at 100,000 deliveries vs at 1,000, each in its own child process
//   (target <= 1.3x: nothing is kept per event beyond the summary);
// - each wait's deviation from its schedule (target: at most 2 ms early, 15 ms late).
// Sizes: BENCH_DELIVERY_EVENTS (default 30000: enough that start-up, reported apart, is
// amortised), BENCH_DELIVERY_BIG (default 100000),
// BENCH_DELIVERY_ROUNDS (default 3).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './lib.mjs';

export const title = 'delivery';

const root = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(root, 'dist/cli/main.js');
const GOT = join(root, 'node_modules/got/dist/source/index.js');
const EVENTS = Number(process.env.BENCH_DELIVERY_EVENTS ?? 30000);
const BIG = Number(process.env.BENCH_DELIVERY_BIG ?? 100_000);
const ROUNDS = Number(process.env.BENCH_DELIVERY_ROUNDS ?? 3);
const CONCURRENCY = 50;

// A bare receiver in its own process, so neither sender shares its event loop.
const RECEIVER = `
import http from 'node:http';
let count = 0;
const server = http.createServer((req, res) => {
  req.on('data', () => {});
  req.on('end', () => { count++; res.writeHead(200, { 'content-length': '2' }); res.end('ok'); });
});
server.keepAliveTimeout = 60000;
server.listen(0, '127.0.0.1', () => process.stdout.write(JSON.stringify({ port: server.address().port }) + '\\n'));
process.stdin.on('data', () => process.stdout.write(JSON.stringify({ count }) + '\\n'));
`;

// The bare got loop: same options as one delivery attempt (no retry, no redirects, no
// decompression, one timeout), same bodies, same concurrency; nothing else.
const BARE = `
import { readFileSync } from 'node:fs';
import got from ${JSON.stringify(GOT)};
const [file, url, concurrency] = process.argv.slice(1);
const bodies = readFileSync(file, 'utf8').split('\\n').filter((l) => l.trim() !== '');
const client = got.extend({ retry: { limit: 0 }, followRedirect: false, throwHttpErrors: false, decompress: false,
  timeout: { request: 30000 }, headers: { 'content-type': 'application/json' } });
let next = 0;
let ok = 0;
const one = (body) => new Promise((resolve) => {
  const s = client.stream.post(url, { body });
  let status = 0;
  s.on('response', (r) => { status = r.statusCode; });
  s.on('data', () => {});
  s.on('end', () => { if (status === 200) ok++; resolve(); });
  s.on('error', () => resolve());
});
await Promise.all(Array.from({ length: Number(concurrency) }, async () => {
  while (next < bodies.length) await one(bodies[next++]);
}));
process.stdout.write(JSON.stringify({ ok }) + '\\n');
`;

// Reports the child's peak RSS and CPU time on exit, without touching the CLI.
const HOOK = `data:text/javascript,${encodeURIComponent(
  "process.on('exit', () => { const u = process.resourceUsage(); process.stderr.write('\\nRSS_KB=' + u.maxRSS + ' CPU_US=' + (u.userCPUTime + u.systemCPUTime) + '\\n'); });",
)}`;
const cpuMs = (r) => Number(/CPU_US=(\d+)/.exec(r.stderr)?.[1] ?? 0) / 1000;

function runNode(args, options = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, {
      cwd: root,
      env: { ...process.env, NO_COLOR: '1' },
      ...options,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: performance.now() - started }));
  });
}

async function startReceiver() {
  const child = spawn(process.execPath, ['--input-type=module', '-e', RECEIVER], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = [];
  let buffer = '';
  const waiters = [];
  child.stdout.on('data', (d) => {
    buffer += d;
    let i = buffer.indexOf('\n');
    while (i >= 0) {
      const line = JSON.parse(buffer.slice(0, i));
      buffer = buffer.slice(i + 1);
      const w = waiters.shift();
      if (w) w(line);
      else lines.push(line);
      i = buffer.indexOf('\n');
    }
  });
  const nextLine = () =>
    new Promise((resolve) => (lines.length ? resolve(lines.shift()) : waiters.push(resolve)));
  const { port } = await nextLine();
  return {
    url: `http://127.0.0.1:${port}/hook`,
    count: async () => {
      child.stdin.write('?\n');
      return (await nextLine()).count;
    },
    stop: () => child.kill('SIGTERM'),
  };
}

async function pregenerate(dir, count) {
  const { generateEvents } = await import(new URL('../dist/events/generator.js', import.meta.url).href);
  const file = join(dir, `events-${count}.ndjson`);
  const lines = [];
  for (const event of generateEvents('all', { count: Math.ceil(count / 15), seed: 1 })) {
    lines.push(JSON.stringify(event));
    if (lines.length === count) break;
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

const sendArgs = (source, url, extra = []) => [
  '--import',
  HOOK,
  CLI,
  'send',
  source,
  '--url',
  url,
  '--allow-any-port',
  '--concurrency',
  String(CONCURRENCY),
  ...extra,
];

async function throughput(dir, receiver) {
  const file = await pregenerate(dir, EVENTS);
  const perType = Math.ceil(EVENTS / 15);
  const rate = { send: [], bare: [], generated: [] };
  const cpuPerDelivery = { send: [], bare: [] };
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate which goes first, so a drift in the machine's load does not favour one side.
    const order = round % 2 === 0 ? ['send', 'bare'] : ['bare', 'send'];
    for (const side of order) {
      const r =
        side === 'send'
          ? await runNode(sendArgs(file, receiver.url, ['--journal', join(dir, `journal-${round}.ndjson`)]))
          : await runNode([
              '--import',
              HOOK,
              '--input-type=module',
              '-e',
              BARE,
              file,
              receiver.url,
              String(CONCURRENCY),
            ]);
      if (side === 'send' && r.code !== 0) throw new Error(`send failed: ${r.stderr.slice(0, 300)}`);
      if (side === 'bare' && JSON.parse(r.stdout).ok !== EVENTS)
        throw new Error('bare got loop lost deliveries');
      rate[side].push(EVENTS / (r.ms / 1000));
      cpuPerDelivery[side].push((cpuMs(r) * 1000) / EVENTS);
    }
    const c = await runNode(sendArgs('all', receiver.url, ['--count', String(perType)]));
    if (c.code !== 0) throw new Error(`send all failed: ${c.stderr.slice(0, 300)}`);
    rate.generated.push((perType * 15) / (c.ms / 1000));
  }
  return {
    send: median(rate.send),
    bare: median(rate.bare),
    generated: median(rate.generated),
    // Each round's two runs are adjacent in time: the median of their ratios resists load drift.
    pairedRatio: median(rate.send.map((v, i) => v / rate.bare[i])),
    cpuUsPerDelivery: { send: median(cpuPerDelivery.send), bare: median(cpuPerDelivery.bare) },
    rounds: rate,
  };
}

/** Fixed cost of one `cswm send` of 15 events (one per type: every schema compiled) vs the bare loop's. */
async function startup(dir, receiver) {
  const file = await pregenerate(dir, 15);
  const send = [];
  const bare = [];
  for (let round = 0; round < ROUNDS; round++) {
    send.push((await runNode(sendArgs(file, receiver.url))).ms);
    bare.push((await runNode(['--input-type=module', '-e', BARE, file, receiver.url, '1'])).ms);
  }
  return { sendMs: median(send), bareMs: median(bare) };
}

async function peakRss(dir, receiver, count) {
  const journal = join(dir, `rss-${count}.ndjson`);
  const r = await runNode([
    '--import',
    HOOK,
    CLI,
    'send',
    'alert_triggered',
    '--count',
    String(count),
    '--seed',
    '3',
    '--url',
    receiver.url,
    '--allow-any-port',
    '--concurrency',
    String(CONCURRENCY),
    '--journal',
    journal,
  ]);
  if (r.code !== 0) throw new Error(`send --count ${count} failed: ${r.stderr.slice(0, 300)}`);
  const match = /RSS_KB=(\d+)/.exec(r.stderr);
  rmSync(journal, { force: true });
  return { mb: Number(match?.[1] ?? 0) / 1024, rate: count / (r.ms / 1000) };
}

async function waitDeviation() {
  const { deliver } = await import(new URL('../dist/delivery/index.js', import.meta.url).href);
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(500).end());
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${server.address().port}/`;
  const deviations = [];
  for (let i = 0; i < 5; i++) {
    const record = await deliver({ i }, { url, allowAnyPort: true, timeScale: 0.05 });
    for (let n = 1; n < record.attempts.length; n++) {
      const prev = record.attempts[n - 1];
      const waited = record.attempts[n].startOffsetMs - (prev.startOffsetMs + prev.durationMs);
      deviations.push(waited - record.attempts[n].waitBeforeMs);
    }
  }
  server.closeAllConnections();
  server.close();
  return {
    earlyMs: Math.max(0, -Math.min(...deviations)),
    lateMs: Math.max(0, Math.max(...deviations)),
    waits: deviations.length,
  };
}

export async function run() {
  const dir = mkdtempSync(join(tmpdir(), 'cswm-bench-delivery-'));
  const receiver = await startReceiver();
  try {
    const t = await throughput(dir, receiver);
    const start = await startup(dir, receiver);
    const small = await peakRss(dir, receiver, 1000);
    const big = await peakRss(dir, receiver, BIG);
    const waits = await waitDeviation();
    const ratio = t.pairedRatio;
    const rssRatio = big.mb / small.mb;
    const journalLines = readFileSync(join(dir, 'journal-0.ndjson'), 'utf8').trim().split('\n').length;
    return {
      rows: [
        { name: `send FILE (${EVENTS} events, c=${CONCURRENCY})`, value: t.send, unit: 'deliveries/s' },
        { name: 'bare got loop, same bodies', value: t.bare, unit: 'deliveries/s' },
        {
          name: 'send FILE / bare got (paired rounds)',
          value: ratio,
          unit: 'x',
          target: '>= 0.8',
          pass: ratio >= 0.8,
        },
        { name: 'CPU per delivery, send FILE', value: t.cpuUsPerDelivery.send, unit: 'us' },
        { name: 'CPU per delivery, bare got', value: t.cpuUsPerDelivery.bare, unit: 'us' },
        { name: 'start-up, send 15 events (all schemas)', value: start.sendMs, unit: 'ms' },
        { name: 'start-up, bare got loop 15 events', value: start.bareMs, unit: 'ms' },
        { name: 'send all, generated on the fly', value: t.generated, unit: 'deliveries/s' },
        { name: 'peak RSS at 1,000 deliveries', value: small.mb, unit: 'MB' },
        { name: `peak RSS at ${BIG.toLocaleString('en')} deliveries`, value: big.mb, unit: 'MB' },
        { name: 'peak RSS ratio', value: rssRatio, unit: 'x', target: '<= 1.3', pass: rssRatio <= 1.3 },
        {
          name: 'wait deviation, early (max)',
          value: waits.earlyMs,
          unit: 'ms',
          target: '<= 2',
          pass: waits.earlyMs <= 2,
        },
        {
          name: 'wait deviation, late (max)',
          value: waits.lateMs,
          unit: 'ms',
          target: '<= 15',
          pass: waits.lateMs <= 15,
        },
      ],
      figures: {
        ...t,
        startup: start,
        ratio,
        rss: { small, big, ratio: rssRatio },
        waits,
        journalLinesPerRun: journalLines,
        receiverCount: await receiver.count(),
      },
    };
  } finally {
    receiver.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
