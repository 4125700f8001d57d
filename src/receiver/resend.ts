/**
 * The inbox's re-send: one recorded delivery's exact body, sent once more to a URL of the
 * user's choice, as one attempt under the Console's policy (its timeout, 200 only, no
 * redirects, the port allow-list unless the receiver allows any port). The delivery engine is
 * loaded on first use only: the receiver itself never sends.
 */
import type { Auth } from '../delivery/types.js';
import { isCswmError } from '../errors.js';
import { scrubSecrets } from '../util/redact.js';
import { exactBody } from './recorder.js';
import type { Runtime } from './runtime.js';

/** What `POST /_cswm/resend` answers: a status and a JSON body. */
export interface ResendReply {
  status: number;
  body: { outcome: string; status?: number; durationMs: number } | { error: string };
}

interface ResendRequest {
  seq: number;
  url: string;
  auth?: Auth;
  insecure: boolean;
}

const fail = (status: number, error: string): ResendReply => ({ status, body: { error } });

/**
 * Re-sends recorded delivery `seq` to `url`. Bad requests (no such delivery, a body kept only
 * in part, a URL or port the Console would refuse, malformed auth) answer 4xx with one line;
 * credentials given for the re-send never appear in the answer.
 */
export async function resend(rt: Runtime, input: unknown): Promise<ResendReply> {
  const request = parseRequest(input);
  if (typeof request === 'string') return fail(400, request);
  const delivery = rt.recorder.get(request.seq);
  if (!delivery)
    return fail(404, `no recorded delivery #${request.seq} (it may have been cleared or dropped)`);
  const body = exactBody(delivery);
  if (!body) {
    return fail(
      409,
      `delivery #${request.seq} was not kept exactly (${delivery.bodyBytes} bytes received${delivery.bodyNotUtf8 ? ', not valid UTF-8' : ''}); record with cswm receive --record and replay the file with cswm send`,
    );
  }
  const [{ planDelivery }, { runDelivery }] = await Promise.all([
    import('../delivery/plan.js'),
    import('../delivery/deliver.js'),
  ]);
  let plan: ReturnType<typeof planDelivery>;
  try {
    plan = planDelivery({
      url: request.url,
      ...(request.auth ? { auth: request.auth } : {}),
      insecure: request.insecure,
      maxAttempts: 1,
      allowAnyPort: rt.allowAnyPort,
    });
  } catch (error) {
    if (!isCswmError(error)) throw error;
    return fail(400, scrubSecrets(error.message, secretsOf(request.auth)));
  }
  const record = await runDelivery(plan, body, { eventId: delivery.eventId, eventType: delivery.eventType });
  const attempt = record.attempts[0];
  return {
    status: 200,
    body: {
      outcome: attempt?.label ?? record.result,
      ...(attempt?.status !== undefined ? { status: attempt.status } : {}),
      durationMs: Math.round(attempt?.durationMs ?? record.durationMs),
    },
  };
}

function parseRequest(input: unknown): ResendRequest | string {
  if (typeof input !== 'object' || input === null) {
    return 'expected a JSON object {"seq": <number>, "url": "<http(s) URL>"}';
  }
  const { seq, url, auth, insecure } = input as Record<string, unknown>;
  if (!Number.isInteger(seq) || (seq as number) < 1)
    return '"seq" must be the number of a recorded delivery (1 or more)';
  if (typeof url !== 'string' || url.length === 0 || url.length > 4096) {
    return '"url" must be the http(s) URL to send to (e.g. http://127.0.0.1:8080/hook)';
  }
  if (insecure !== undefined && typeof insecure !== 'boolean') return '"insecure" must be true or false';
  const parsedAuth = parseAuth(auth);
  if (typeof parsedAuth === 'string') return parsedAuth;
  return {
    seq: seq as number,
    url,
    insecure: insecure === true,
    ...(parsedAuth ? { auth: parsedAuth } : {}),
  };
}

/** `{type: 'bearer', token}`, `{type: 'basic', username, password}` or `{type: 'header', name, value}`; values never echoed. */
function parseAuth(auth: unknown): Auth | undefined | string {
  if (auth === undefined || auth === null) return undefined;
  const a = auth as Record<string, unknown>;
  const text = (v: unknown) => typeof v === 'string' && v.length > 0;
  if (a.type === 'bearer' && text(a.token)) return { type: 'bearer', token: a.token as string };
  if (a.type === 'basic' && text(a.username) && text(a.password)) {
    return { type: 'basic', username: a.username as string, password: a.password as string };
  }
  if (a.type === 'header' && text(a.name) && text(a.value)) {
    return { type: 'header', name: a.name as string, value: a.value as string };
  }
  return '"auth" must be {"type":"bearer","token"}, {"type":"basic","username","password"} or {"type":"header","name","value"} (values not echoed)';
}

function secretsOf(auth: Auth | undefined): string[] {
  if (!auth) return [];
  if (auth.type === 'bearer') return [auth.token];
  if (auth.type === 'basic') return [auth.password];
  return [auth.value];
}
