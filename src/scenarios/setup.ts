import { createServer } from 'node:net';
import { explainRule } from '../receiver/faults.js';
import { startReceiver } from '../receiver/server.js';
import type { FaultRule, Receiver, ReceiverOptions } from '../receiver/types.js';
import { redactUrl } from '../util/redact.js';
import { tlsMaterial } from './prepare.js';
import type { Scenario, ScenarioTarget } from './types.js';

/**
 * Where a scenario's deliveries go, set up before the run and torn down after: the bundled
 * receiver with the scenario's faults (a proxy in front of a target URL when there is one), the
 * target URL itself, or a destination nothing answers at.
 */
export interface Destination {
  url: string;
  mode: 'receiver' | 'proxy' | 'direct';
  receiver: Receiver | null;
  /** Extra trust for TLS scenarios: the CA that stands for the Console's public roots. */
  ca?: string;
  /** One sentence: what the deliveries meet. */
  setup: string;
  /** Deliveries go straight to the user's receiver: send with its credentials and TLS settings. */
  sendWith?: Omit<ScenarioTarget, 'url'>;
  close(): Promise<void>;
}

/** A host under `.invalid`, which RFC 6761 guarantees never resolves. */
const UNRESOLVABLE_HOST = 'cswm-scenario.invalid';

/** A loopback port nothing listens on: bound to port 0, noted, closed. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The receiver's faults with their delays multiplied by the time scale, like every wait. */
export function scaleFaults(rules: readonly FaultRule[], timeScale: number): FaultRule[] {
  return rules.map((rule) =>
    rule.fault.type === 'delay'
      ? { ...rule, fault: { ...rule.fault, delayMs: Math.round(rule.fault.delayMs * timeScale) } }
      : rule,
  );
}

const noClose = async () => {};

export async function prepareDestination(
  scenario: Scenario,
  options: { timeScale: number; target?: ScenarioTarget | undefined },
): Promise<Destination> {
  const target = scenario.target;
  if (target?.type === 'unreachable') {
    if (target.reason === 'dns') {
      return {
        url: `http://${UNRESOLVABLE_HOST}/hook`,
        mode: 'direct',
        receiver: null,
        setup: `a host name that does not resolve (${UNRESOLVABLE_HOST})`,
        close: noClose,
      };
    }
    const port = await closedPort();
    return {
      url: `http://127.0.0.1:${port}/hook`,
      mode: 'direct',
      receiver: null,
      setup: `a port nothing listens on (127.0.0.1:${port})`,
      close: noClose,
    };
  }
  const given = options.target;
  const upstream = given?.url ?? (target?.type === 'url' ? target.url : undefined);
  const spec = scenario.receiver;
  if (!spec) {
    const { url: _url, ...sendWith } = given ?? { url: '' };
    return {
      url: upstream ?? '',
      mode: 'direct',
      receiver: null,
      setup: `the receiver at ${upstream ? redactUrl(upstream) : '(no URL)'}`,
      ...(given ? { sendWith } : {}),
      close: noClose,
    };
  }
  const receiverOptions: ReceiverOptions = {
    host: '127.0.0.1',
    port: 0,
    faults: scaleFaults(spec.faults, options.timeScale),
  };
  const material = spec.tls ? await tlsMaterial(spec.tls) : undefined;
  if (material) receiverOptions.tls = { certPem: material.certPem, keyPem: material.keyPem };
  if (spec.auth) receiverOptions.auth = spec.auth;
  if (upstream) {
    receiverOptions.proxy = {
      upstream,
      ...(given?.auth ? { auth: given.auth } : {}),
      ...(given?.insecure ? { insecure: true } : {}),
      ...(given?.ca === undefined ? {} : { ca: given.ca }),
    };
  }
  const receiver = await startReceiver(receiverOptions);
  const destination: Destination = {
    url: `${receiver.url}/`,
    mode: upstream ? 'proxy' : 'receiver',
    receiver,
    setup: describeReceiver(scenario, upstream),
    close: () => receiver.close(),
  };
  if (material) destination.ca = material.publicCaPem;
  return destination;
}

function describeReceiver(scenario: Scenario, upstream: string | undefined): string {
  const spec = scenario.receiver;
  const parts: string[] = [];
  if (spec?.tls) parts.push(`TLS with a ${spec.tls} certificate`);
  if (spec?.auth)
    parts.push(`${spec.auth.type === 'basic' ? 'Basic' : `a ${spec.auth.name} header`} required`);
  const faults = (spec?.faults ?? []).map(explainRule);
  const behaviour = faults.length > 0 ? faults.join('; ') : 'answers 200';
  const who = upstream ? `a proxy in front of ${redactUrl(upstream)}` : 'the bundled receiver';
  return `${who}${parts.length ? ` (${parts.join(', ')})` : ''}: ${behaviour}`;
}
