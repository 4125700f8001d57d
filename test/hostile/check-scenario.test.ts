import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_CASES, MAX_BYTES_PULLED, MAX_EXTRA_RSS_MIB } from './cases.js';
import { hasStackTrace, runMeasured } from './helpers/run.js';
import { type HostileServer, startHostile } from './servers/hostile.js';
import { startPlain } from './servers/plain.js';

/**
 * `cswm check --url` and `cswm scenario run --target` against the same hostile receivers as
 * `send`: each probe or proxied attempt gets a classified outcome, the command exits with its
 * code (1: not ready / scenario failed, or 0 when the receiver did answer 200), and memory stays
 * flat.
 */

const PROBE = 'delivery.accepts.alert_triggered';
const CHECK = ['--allow-any-port', '--timeout', '2s', '--json'];
// The scenario answers 503, 503 itself, then forwards attempts 3 to 5 to the target (timeout 300 ms).
const SCENARIO = ['scenario', 'run', 'retry-then-success', '--time-scale', '0.01', '--json'];

interface CheckJson {
  verdict: string;
  checks: { id: string; result: string; probes: { outcome: string }[] }[];
}
interface ScenarioJson {
  preflight?: { accepted: boolean; outcome: string };
  results: { passed: boolean; deliveries: { attempts: { label: string }[] }[] }[];
}

const baseline = { checkMiB: 0, scenarioMiB: 0 };
beforeAll(async () => {
  const plain = await startPlain();
  try {
    const check = await runMeasured(['check', '--url', plain.url, ...CHECK, '--only', PROBE]);
    const scenario = await runMeasured([...SCENARIO, '--target', plain.url]);
    expect(check.code).toBe(0);
    expect(scenario.code).toBe(0);
    baseline.checkMiB = check.peakRssMiB;
    baseline.scenarioMiB = scenario.peakRssMiB;
    console.log(
      `[hostile/check] baseline peak RSS against a plain 200 receiver: check ${check.peakRssMiB} MiB, scenario run ${scenario.peakRssMiB} MiB`,
    );
  } finally {
    await plain.close();
  }
});

let server: HostileServer | undefined;
afterAll(async () => {
  await server?.close();
});

describe('cswm check --url against hostile receivers', () => {
  for (const c of HOSTILE_CASES) {
    it(`classifies ${c.what} as ${c.direct} in its probe and exits normally`, async () => {
      server = await startHostile(c.kind);
      try {
        const run = await runMeasured(['check', '--url', server.url, ...CHECK, '--only', PROBE], {
          timeoutMs: 30_000,
        });
        console.log(
          `[hostile/check] ${c.kind}: exit ${run.code}, peak RSS ${run.peakRssMiB} MiB (baseline ${baseline.checkMiB}), ${run.wallMs} ms, server: ${JSON.stringify(server.stats)}`,
        );
        expect(run.timedOut).toBe(false);
        expect(hasStackTrace(run.stdout + run.stderr)).toBe(false);
        const report = JSON.parse(run.stdout) as CheckJson;
        const probe = report.checks.find((k) => k.id === PROBE);
        expect(probe?.probes.map((p) => p.outcome)).toEqual([c.direct]);
        expect(probe?.result).toBe(c.direct === 'delivered' ? 'pass' : 'fail');
        expect(run.code).toBe(c.direct === 'delivered' ? 0 : 1);
        expect(server.stats.bytesWritten).toBeLessThan(MAX_BYTES_PULLED);
        expect(run.peakRssMiB).toBeLessThan(baseline.checkMiB + MAX_EXTRA_RSS_MIB);
      } finally {
        await server.close();
        server = undefined;
      }
    });
  }

  it('runs every check against a 1 GiB body with memory flat (each probe reads at most the cap)', async () => {
    server = await startHostile('huge-body');
    try {
      const run = await runMeasured(['check', '--url', server.url, ...CHECK], { timeoutMs: 60_000 });
      const report = JSON.parse(run.stdout) as CheckJson;
      const probes = report.checks.flatMap((k) => k.probes);
      console.log(
        `[hostile/check] huge-body, all checks: ${probes.length} probes, exit ${run.code}, peak RSS ${run.peakRssMiB} MiB, ` +
          `${run.wallMs} ms, response bytes the server got out: ${(server.stats.bytesWritten / 2 ** 20).toFixed(1)} MiB of ${probes.length} GiB offered`,
      );
      expect(probes.length).toBeGreaterThan(20);
      // Every delivery got its 200 (the rest of each body unread); the one finding is that the
      // receiver takes events without credentials, which does not block the verdict.
      expect(report.checks.filter((k) => k.result === 'fail').map((k) => k.id)).toEqual(['auth.required']);
      expect(run.code).toBe(0);
      expect(server.stats.bytesWritten).toBeLessThan(probes.length * MAX_BYTES_PULLED);
      expect(run.peakRssMiB).toBeLessThan(baseline.checkMiB + MAX_EXTRA_RSS_MIB);
    } finally {
      await server.close();
      server = undefined;
    }
  });
});

describe('cswm scenario run --target against hostile receivers', () => {
  for (const c of HOSTILE_CASES) {
    // The preflight (one plain delivery, before any scenario) meets the hostile answer first:
    // when it is not a 200, the run stops there with its classification, and promptly.
    const stops = c.direct !== 'delivered';
    const title = stops
      ? `stops at the preflight on ${c.what}, classified ${c.direct}, and exits promptly`
      : `classifies ${c.what} behind the scenario's proxy as ${c.proxied} and exits promptly`;
    it(title, async () => {
      server = await startHostile(c.kind);
      try {
        const run = await runMeasured([...SCENARIO, '--target', server.url], { timeoutMs: 30_000 });
        console.log(
          `[hostile/scenario] ${c.kind}: exit ${run.code}, peak RSS ${run.peakRssMiB} MiB (baseline ${baseline.scenarioMiB}), ${run.wallMs} ms, server: ${JSON.stringify(server.stats)}`,
        );
        expect(run.timedOut).toBe(false);
        expect(hasStackTrace(run.stdout + run.stderr)).toBe(false);
        const out = JSON.parse(run.stdout) as ScenarioJson;
        if (stops) {
          expect([out.preflight?.accepted, out.preflight?.outcome, out.results]).toEqual([
            false,
            c.direct,
            [],
          ]);
          expect(run.code).toBe(1);
        } else {
          const labels = out.results[0]?.deliveries[0]?.attempts.map((a) => a.label) ?? [];
          expect(labels.slice(0, 2)).toEqual(['status-503', 'status-503']);
          const proxied = labels.slice(2);
          expect(proxied.length).toBeGreaterThan(0);
          expect(new Set(proxied)).toEqual(new Set([c.proxied]));
          expect(run.code).toBe(0);
        }
        // A trickling or endless upstream must not keep the process alive after its result:
        // the preflight's bounded attempt, 3 scaled attempts of 300 ms and the scenario's own
        // set-up fit well inside this.
        expect(run.wallMs).toBeLessThan(20_000);
        expect(server.stats.bytesWritten).toBeLessThan(MAX_BYTES_PULLED);
        expect(run.peakRssMiB).toBeLessThan(baseline.scenarioMiB + MAX_EXTRA_RSS_MIB);
      } finally {
        await server.close();
        server = undefined;
      }
    });
  }
});
