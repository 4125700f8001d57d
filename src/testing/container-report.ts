/**
 * A conformance report made against a container's published port (an ephemeral port on this
 * machine) says nothing true about the transport: the Console will call the port the user
 * exposes, on the host the user deploys to. This re-judges the two transport checks on those
 * facts and recomputes the score, so a receiver in a container is scored as it will be deployed.
 */
import { assembleReport, checkReport } from '../conformance/assemble.js';
import { portAllowed } from '../conformance/checks/transport.port-allowed.js';
import { publicAddress } from '../conformance/checks/transport.public-address.js';
import type { CheckReport, ConformanceReport } from '../conformance/report.js';
import type { Cause, CheckOutcome, TargetInfo } from '../conformance/types.js';
import { ALLOWED_PORTS } from '../delivery/ports.js';

/** What the transport checks are judged on for a container. */
export interface ContainerFacts {
  /** The port the user will expose (the container's own port unless told otherwise). */
  port: number;
  protocol: 'http' | 'https';
  path: string;
  /** The container port, for the evidence. */
  containerPort: number;
  /**
   * How the check reached the container: a port published on this machine, or its address on
   * a Docker network (the checker container). Only the skip reason of public-address differs.
   * @default 'published-port'
   */
  reachedThrough?: 'published-port' | 'network';
}

function portOutcome(report: ConformanceReport, facts: ContainerFacts): CheckOutcome {
  const shownUrl = `${facts.protocol}://<your host>:${facts.port}${facts.path}`;
  const target: TargetInfo = {
    url: shownUrl,
    protocol: facts.protocol,
    host: '<your host>',
    port: facts.port,
    portAllowed: ALLOWED_PORTS.includes(facts.port),
    embedded: false,
    auth: report.target.auth,
    insecure: report.target.insecure,
    localRun: false,
    timeoutMs: report.target.timeoutMs,
    consoleTimeoutMs: report.target.consoleTimeoutMs,
    timeScale: report.target.timeScale,
    hasObserver: false,
  };
  const outcome = portAllowed.evaluate(
    { target, exchanges: [], all: [], observation: { type: 'none' }, baseline: null },
    {},
  );
  if (outcome.result === 'skip' || facts.port === facts.containerPort) return outcome;
  const note = ` (container port ${facts.containerPort}, exposed as ${facts.port})`;
  return { ...outcome, summary: outcome.summary + note };
}

const PUBLIC_ADDRESS_SKIP_REASONS = {
  'published-port':
    'the container was reached through a port published on this machine; whether the Console can reach it depends on where you deploy it',
  network:
    'the container was reached at its address on a Docker network; whether the Console can reach it depends on where you deploy it',
} as const;

/** The report with transport.port-allowed judged on `facts.port` and transport.public-address skipped. */
export function judgeOnContainer(report: ConformanceReport, facts: ContainerFacts): ConformanceReport {
  const causes = new Map<string, Cause>(
    report.rootCauses
      .filter((r) => !r.baseline && !r.id.startsWith('port-') && r.id !== 'private-address')
      .map((r) => [r.id, r]),
  );
  const checks: CheckReport[] = report.checks.map((check) => {
    if (check.id === portAllowed.id) {
      const outcome = portOutcome(report, facts);
      const cause = outcome.result === 'fail' || outcome.result === 'warn' ? outcome.cause : undefined;
      if (cause && outcome.result === 'fail') causes.set(cause.id, cause);
      return checkReport(portAllowed, outcome, [], cause);
    }
    if (check.id === publicAddress.id) {
      const reason = PUBLIC_ADDRESS_SKIP_REASONS[facts.reachedThrough ?? 'published-port'];
      return checkReport(publicAddress, { result: 'skip', reason }, []);
    }
    return check;
  });
  const { score: _s, verdict: _v, verdictText: _t, blocking: _b, counts: _c, rootCauses, ...parts } = report;
  const baseline = rootCauses.find((r) => r.baseline) ?? null;
  return assembleReport({ ...parts, checks }, { baseline, others: causes }, []);
}
