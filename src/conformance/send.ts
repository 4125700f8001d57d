/**
 * Sends probes through the delivery engine, each as a single attempt (maxAttempts 1) with full
 * evidence. One plan per credentials mode is prepared once and reused, so the harness adds
 * little beside the requests themselves.
 */

import { runDelivery } from '../delivery/deliver.js';
import { eventMetaOf } from '../delivery/meta.js';
import { type DeliveryPlan, planDelivery } from '../delivery/plan.js';
import type { Auth } from '../delivery/types.js';
import { formOf } from '../events/payload.js';
import { wrongAuth } from './options.js';
import type { Exchange, Probe, ProbeAuth, ProbePhase } from './types.js';

export interface SenderConfig {
  url: string;
  auth?: Auth;
  insecure: boolean;
  ca?: string | string[];
  timeoutMs: number;
  timeScale: number;
  headers?: Record<string, string>;
}

export interface Sender {
  send(checkId: string, index: number, probe: Probe, phase?: ProbePhase): Promise<Exchange>;
  /**
   * What the configured credentials put on the wire (token, `Bearer ...`, password, Basic
   * token, credentials written in the URL), to scrub from the report.
   */
  readonly secrets: string[];
}

function authFor(mode: ProbeAuth, auth: Auth | undefined): Auth | undefined {
  if (!auth || mode === 'none') return undefined;
  return mode === 'wrong' ? wrongAuth(auth) : auth;
}

/** A sender whose clock starts now: every exchange's startMs is from this moment. */
export function createSender(config: SenderConfig, now: () => number = () => performance.now()): Sender {
  const t0 = now();
  const plans = new Map<string, DeliveryPlan>();
  const planFor = (mode: ProbeAuth, verify: boolean): DeliveryPlan => {
    const key = `${mode}:${verify}`;
    let plan = plans.get(key);
    if (!plan) {
      const auth = authFor(mode, config.auth);
      plan = planDelivery({
        url: config.url,
        ...(auth ? { auth } : {}),
        insecure: verify ? false : config.insecure,
        ...(config.ca === undefined ? {} : { ca: config.ca }),
        timeoutMs: config.timeoutMs,
        timeScale: config.timeScale,
        maxAttempts: 1,
        ...(config.headers ? { headers: config.headers } : {}),
        // The destination was checked (and the port decided) before the run began.
        allowAnyPort: true,
      });
      plans.set(key, plan);
    }
    return plan;
  };
  return {
    secrets: planFor('configured', false).secrets,
    async send(checkId, index, probe, phase = 'single') {
      const mode = probe.auth ?? 'configured';
      const plan = planFor(mode, probe.verifyTls ?? false);
      const payload =
        typeof probe.payload === 'function' ? (probe.payload as () => unknown)() : probe.payload;
      const meta = eventMetaOf(payload);
      const startMs = now() - t0;
      const record = await runDelivery(plan, JSON.stringify(payload), meta);
      return {
        checkId,
        phase,
        index,
        label: probe.label,
        auth: mode,
        eventType: meta.eventType,
        eventId: meta.eventId,
        form: formOf(payload),
        startMs,
        record,
      };
    },
  };
}
