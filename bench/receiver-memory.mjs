// Receiver memory benchmark: the resident memory of a running `cswm receive` after 1,000,000
// deliveries against after 10,000, in the same process. The recorder keeps the newest 10,000
// deliveries and 100,000 event_ids (its defaults), so everything past that must be dropped and
// counted, not held: target RSS(1,000,000) / RSS(10,000) < 2.
// The deliveries are documented alert_triggered events, each with its own event_id, sent on
// loopback by an undici Pool in a child process (so the sender does not share the receiver's
// CPU time), bounded by a deadline. RSS is read from /proc, as the median of five samples taken
// once the receiver is idle. Usage: node bench/run.mjs --only receiver-memory
// (CSWM_BENCH_MEMORY_DELIVERIES=200000 for a shorter run; the target holds the same way.)
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { median, alertTemplate as template } from './lib.mjs';

const TOTAL = Number(process.env.CSWM_BENCH_MEMORY_DELIVERIES ?? 1_000_000);
const FIRST = 10_000;
const DEADLINE_MS = Number(process.env.CSWM_BENCH_MEMORY_DEADLINE_MS ?? 30 * 60_000);
const CONNECTIONS = 32;
const TARGET = 2;

// Sends deliveries [from, to) and prints { sent, non200, errors, ms }. Stops early at the deadline.
const LOAD = `
import { Pool } from 'undici';
const [url, from, to, deadline, connections, template] = [process.argv[1], Number(process.argv[2]), Number(process.argv[3]), Number(process.argv[4]), Number(process.argv[5]), process.argv[6]];
const pool = new Pool(url, { connections, pipelining: 1 });
const [head, tail] = template.split('__ID__');
let next = from, sent = 0, non200 = 0, errors = 0;
const started = Date.now();
async function worker() {
  while (next < to && Date.now() < deadline) {
    const body = head + 'mem-' + next++ + tail;
    try {
      const res = await pool.request({ path: '/hook', method: 'POST', body, headers: { 'content-type': 'application/json' } });
      await res.body.dump();
      if (res.statusCode === 200) sent += 1; else non200 += 1;
    } catch { errors += 1; }
  }
}
await Promise.all(Array.from({ length: connections }, worker));
await pool.close();
process.stdout.write(JSON.stringify({ sent, non200, errors, ms: Date.now() - started }));
`;

function send(url, from, to, deadline) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        LOAD,
        url,
        String(from),
        String(to),
        String(deadline),
        String(CONNECTIONS),
        template(),
      ],
      { cwd: new URL('..', import.meta.url), stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`sender exited with ${code}`)),
    );
  });
}

/** `cswm receive` on a free port, its stdout drained (one line per delivery). */
function startReceive() {
  const cli = new URL('../dist/cli/main.js', import.meta.url).pathname;
  const child = spawn(process.execPath, [cli, 'receive', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  return new Promise((resolve, reject) => {
    let head = '';
    const timer = setTimeout(() => reject(new Error(`cswm receive printed no URL: ${head}`)), 30_000);
    const onData = (chunk) => {
      head += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(head);
      if (!match) return;
      clearTimeout(timer);
      child.stdout.off('data', onData);
      child.stdout.resume();
      resolve({ child, url: match[1] });
    };
    child.stdout.setEncoding('utf8').on('data', onData);
    child.on('error', reject);
  });
}

function statusKb(pid, field) {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) : Number.NaN;
}

/** Median RSS of five samples 200 ms apart, in MB. */
async function rssMb(pid) {
  const samples = [];
  for (let i = 0; i < 5; i++) {
    await new Promise((r) => setTimeout(r, 200));
    samples.push(statusKb(pid, 'VmRSS') / 1024);
  }
  return median(samples);
}

async function stats(url) {
  return (await fetch(`${url}/_cswm/stats`)).json();
}

export const title = 'receiver memory';

export async function run() {
  const { child, url } = await startReceive();
  const deadline = Date.now() + DEADLINE_MS;
  try {
    const first = await send(url, 0, FIRST, deadline);
    const rssFirst = await rssMb(child.pid);
    const afterFirst = await stats(url);
    const rest = await send(url, FIRST, TOTAL, deadline);
    const rssTotal = await rssMb(child.pid);
    const peakMb = statusKb(child.pid, 'VmHWM') / 1024;
    const end = await stats(url);
    const sent = first.sent + rest.sent;
    const failures = first.non200 + first.errors + rest.non200 + rest.errors;
    const ratio = rssTotal / rssFirst;
    const complete = sent === TOTAL && end.received === TOTAL && end.kept === afterFirst.kept;
    return {
      rows: [
        { name: `RSS after ${FIRST.toLocaleString('en-US')} deliveries`, value: rssFirst, unit: 'MB' },
        { name: `RSS after ${sent.toLocaleString('en-US')} deliveries`, value: rssTotal, unit: 'MB' },
        { name: 'peak RSS of the run', value: peakMb, unit: 'MB' },
        {
          name: `RSS ${TOTAL.toLocaleString('en-US')} / ${FIRST.toLocaleString('en-US')}`,
          value: ratio,
          unit: 'x',
          target: `< ${TARGET}`,
          pass: ratio < TARGET && complete && failures === 0,
        },
        { name: 'deliveries/s (loopback, 32 connections)', value: (rest.sent * 1000) / rest.ms, unit: '/s' },
      ],
      figures: {
        deliveries: TOTAL,
        sent,
        failures,
        secondsSending: (first.ms + rest.ms) / 1000,
        rssFirstMb: rssFirst,
        rssTotalMb: rssTotal,
        peakMb,
        ratio,
        kept: end.kept,
        droppedDeliveries: end.droppedDeliveries,
        forgottenEventIds: end.forgottenEventIds,
        maxRecords: end.maxRecords,
        maxEventIds: end.maxEventIds,
      },
    };
  } finally {
    child.kill('SIGTERM');
  }
}
