import type { Got } from 'got';
import { scrubSecrets } from '../util/redact.js';
import type { AbortScope } from './abort-scope.js';
import { type AttemptEvidence, classifyAttempt } from './classify.js';
import { DEFAULTS } from './defaults.js';
import { outcomeLabel } from './label.js';
import type { Outcome } from './types.js';

/** Everything one attempt needs, prepared once per destination (see plan.ts). */
export interface AttemptPlan {
  /** A got instance with the policy's options baked in: no retry, no redirects, no decompression. */
  client: Got;
  /** Destination, credentials removed. */
  url: string;
  maxResponseBytes: number;
  secrets: string[];
  now: () => number;
}

/** What one POST produced (the loop adds the attempt number and offsets). */
export interface AttemptResult {
  outcome: Outcome;
  label: string;
  durationMs: number;
  status?: number;
  errorCode?: string;
  responseSnippet?: string;
  responseHeaders?: Record<string, string>;
  /** True when the signal cut this attempt short: it is not a Console attempt and is not recorded. */
  aborted: boolean;
}

/** Response headers worth keeping as evidence. */
const KEPT_HEADERS = [
  'content-type',
  'content-length',
  'location',
  'retry-after',
  'server',
  'www-authenticate',
];
/** Bytes kept for the snippet (enough for DEFAULTS.snippetChars characters of UTF-8). */
const SNIPPET_BYTES = DEFAULTS.snippetChars * 4;

/**
 * One POST, never throwing. The body is read up to `maxResponseBytes`; past that the stream
 * is destroyed, so a hostile receiver's huge (or gzip-bombed: got never decompresses here)
 * answer costs at most the cap. got's `timeout.request` bounds the whole exchange, DNS to the
 * body's end.
 */
export function attemptOnce(
  plan: AttemptPlan,
  body: string | Uint8Array,
  scope?: AbortScope,
): Promise<AttemptResult> {
  const started = plan.now();
  return new Promise((resolve) => {
    let status: number | undefined;
    let headers: Record<string, string> | undefined;
    const kept: Buffer[] = [];
    let keptBytes = 0;
    let readBytes = 0;
    let done = false;
    let aborted = false;
    let unregister: () => void = noop;
    const finish = (evidence: AttemptEvidence): void => {
      if (done) return;
      done = true;
      unregister();
      const bytes = kept.length === 1 ? (kept[0] as Buffer) : Buffer.concat(kept, keptBytes);
      resolve(toResult(plan, evidence, started, headers, bytes, aborted));
    };
    const onAbort = (): void => {
      aborted = true;
      stream.destroy();
      finish({ errorCode: 'ERR_ABORTED' });
    };
    const stream = plan.client.stream.post(plan.url, { body });
    stream.on('response', (response: { statusCode: number; headers: Record<string, string | string[]> }) => {
      status = response.statusCode;
      headers = pickHeaders(response.headers, plan.secrets);
    });
    stream.on('data', (chunk: Buffer) => {
      readBytes += chunk.length;
      if (keptBytes < SNIPPET_BYTES) {
        kept.push(chunk);
        keptBytes += chunk.length;
      }
      if (readBytes >= plan.maxResponseBytes) {
        // The status is in; the rest of the body is not worth memory. Destroying the stream
        // also cancels got's timeout.
        stream.destroy();
        finish({ status });
      }
    });
    stream.on('end', () => finish({ status }));
    stream.on('error', (error: Error & { code?: string }) =>
      finish({ status, errorCode: error.code, errorMessage: error.message }),
    );
    if (scope) unregister = scope.onAbort(onAbort);
  });
}

/** The evidence headers; none is a credential, but a receiver may echo one back inside them. */
function pickHeaders(
  all: Record<string, string | string[] | undefined>,
  secrets: string[],
): Record<string, string> | undefined {
  let picked: Record<string, string> | undefined;
  for (const name of KEPT_HEADERS) {
    const value = all[name];
    if (value === undefined) continue;
    picked ??= {};
    picked[name] = scrubSecrets(Array.isArray(value) ? value.join(', ') : value, secrets);
  }
  return picked;
}

function noop(): void {}

function toResult(
  plan: AttemptPlan,
  evidence: AttemptEvidence,
  started: number,
  headers: Record<string, string> | undefined,
  bytes: Buffer,
  aborted: boolean,
): AttemptResult {
  const outcome = classifyAttempt(evidence);
  const result: AttemptResult = {
    outcome,
    label: outcomeLabel(outcome),
    durationMs: Math.max(0, plan.now() - started),
    aborted,
  };
  if (evidence.status !== undefined) result.status = evidence.status;
  if (evidence.errorCode !== undefined) result.errorCode = evidence.errorCode;
  if (headers) result.responseHeaders = headers;
  if (bytes.length > 0) {
    const text = bytes.toString('utf8').slice(0, DEFAULTS.snippetChars);
    result.responseSnippet = scrubSecrets(text, plan.secrets);
  }
  return result;
}
