/**
 * The receiver zoo's expected judgements (issue 12), as data: for each real receiver and the
 * options a user would pass, the one root cause an expert names, the result of each check that
 * cause touches, the verdict, and the words the report must and must not say. judgement.test.ts
 * runs every row through runConformance and holds the report to it.
 *
 * Reading a row:
 * - `rootCauses`: the ids of report.rootCauses, in order: the baseline's cause first (when it
 *   was not accepted), then the cause of each other failure, heaviest first; each named once.
 * - `results`: check id -> the result (or the results an expert may choose between). Every
 *   check NOT listed must pass, warn or skip: nothing fails beyond what a row names.
 * - `causeSays`: words in the root cause's own summary or advice (the "Fix first" line).
 * - `says`: words in renderText(report); `neverSays`: words in neither renderText(report) nor
 *   renderJson(report) (leaving out each check's fixed title and rationale).
 * Every row runs with allowAnyPort (loopback, ephemeral ports), so every row also expects
 * transport.* to warn, not fail; a time-scaled row's report must say it was scaled.
 */
import { CHECKS, type ConformanceOptions } from '../../src/index.js';
import { startFlask } from './flask.js';
import { type NginxReceiver, OTHER_NAME, startNginx } from './nginx.js';
import { startNodeApp } from './node-apps.js';
import type { ZooReceiver } from './process.js';
import { startWebhook } from './webhook.js';

export type Result = 'pass' | 'fail' | 'warn' | 'blocked' | 'skip';
export type Words = (string | RegExp)[];

/** A receiver as started for a row; nginx rows also know the certificate they serve. */
export type StartedReceiver = ZooReceiver & Partial<Pick<NginxReceiver, 'certificate'>>;

export interface JudgementCase {
  /** The behaviour, as a sentence. */
  name: string;
  start: () => Promise<StartedReceiver>;
  /** Options besides url, allowAnyPort and the default time scale. */
  options?: (receiver: StartedReceiver) => Partial<ConformanceOptions>;
  rootCauses: string[];
  results: Record<string, Result | Result[]>;
  verdict: 'ready' | 'not-ready';
  causeSays?: Words | ((receiver: StartedReceiver) => Words);
  says?: Words | ((receiver: StartedReceiver) => Words);
  neverSays?: Words;
  /** Secrets given to the receiver or the checker: never in any output. */
  secrets?: string[];
  /** Metrics of one check that must hold (a bound each). */
  metrics?: Record<string, Record<string, { min?: number; max?: number; equals?: number; absent?: true }>>;
}

/**
 * The time scale of every row but the slow one: the Console's own figures. Nothing in those rows
 * waits for a timeout, so this costs no time, and a 50-probe TLS burst on two busy cores (tens
 * of seconds at worst) stays inside the real 30 s; the slow row proves a scaled run says so.
 */
export const TIME_SCALE = 1;

const ACCEPTS = CHECKS.map((c) => c.id).filter((id) => id.startsWith('delivery.accepts.'));

/** The checks that need an accepted delivery to judge anything (issue 12, item 1). */
const NEEDS_ACCEPTED = [
  'payload.nullable-fields',
  'payload.unknown-fields',
  'payload.unknown-event-type',
  'payload.blocking-safe-ip-forms',
  'payload.large',
  'idempotency.duplicate-event-id',
  'load.burst',
];

const each = (ids: readonly string[], result: Result | Result[]) =>
  Object.fromEntries(ids.map((id) => [id, result]));

/** Every row is a local run over plain loopback: declared, not punished. */
const LOCAL = { 'transport.port-allowed': 'warn', 'transport.public-address': 'warn' } as const;

/** A baseline that never got through: the deliveries fail, what needs one is not judged. */
const NOTHING_GOT_THROUGH = { ...each(ACCEPTS, 'fail'), ...each(NEEDS_ACCEPTED, 'blocked') };

/** Every delivery got 200. */
const ALL_DELIVERED = { ...each(ACCEPTS, 'pass'), ...each(NEEDS_ACCEPTED, 'pass') };

/** The Console's handshake fails: nothing got through, and no answer to time. */
const TLS_REFUSED = {
  ...LOCAL,
  'tls.certificate-trusted': 'fail',
  ...NOTHING_GOT_THROUGH,
  'auth.required': 'blocked',
  'delivery.response-time': ['blocked', 'skip'],
} satisfies JudgementCase['results'];

/**
 * Refused for want of the right credentials: nothing was accepted, but the credentials (the
 * user's or the receiver's) may be what is wrong, so an expert may call the delivery checks
 * failed or not judged; either way the one cause explains them.
 */
const CREDENTIALS_BLOCK = { ...each(ACCEPTS, ['fail', 'blocked']), ...each(NEEDS_ACCEPTED, 'blocked') };

/** A scaled run says so, beside the Console's real 30 s timeout (issue 12, item 6). */
const SCALED: Words = [/scaled|time scale/i, /\b30 ?s\b/];

/** The date a certificate ended, as ISO (2026-10-31) or as OpenSSL prints it (Oct 31 ... 2026). */
export function dateWords(date: Date): RegExp {
  const iso = date.toISOString().slice(0, 10);
  const month = date.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
  return new RegExp(`${iso}|${month} +${date.getUTCDate()} [\\d:]+ ${date.getUTCFullYear()}`);
}

const certificate = (r: StartedReceiver) => {
  if (!r.certificate) throw new Error(`${r.name} serves no certificate`);
  return r.certificate;
};

const FLASK_TOKEN = 'zoo-flask-token-5be1';
const MISTYPED_TOKEN = 'zoo-flask-tokne-5be1';
const WEBHOOK_TOKEN = 'zoo-webhook-token-c07a';
const trustLocalCa = (r: StartedReceiver): Partial<ConformanceOptions> => (r.ca ? { ca: r.ca } : {});

export const CASES: JudgementCase[] = [
  {
    name: 'flask answering 204 everywhere: one cause (answer 200), the payload, idempotency and load checks not judged',
    start: () => startFlask('answers_204'),
    rootCauses: ['answers-204'],
    results: { ...LOCAL, ...NOTHING_GOT_THROUGH, 'auth.required': 'blocked' },
    verdict: 'not-ready',
    causeSays: [/answer (exactly )?200/i],
    says: [/\b204\b/],
    neverSays: [
      /body.size/i,
      /ignore (the )?(properties|fields)/i,
      /unknown properties/i,
      /then lost/i,
      /anyone/i,
    ],
  },
  {
    name: 'flask checking a Bearer token, given the right token: ready, the auth checks pass, no limit up to the largest probe',
    start: () => startFlask('bearer', { token: FLASK_TOKEN }),
    options: () => ({ auth: { type: 'bearer', token: FLASK_TOKEN } }),
    rootCauses: [],
    results: {
      ...LOCAL,
      ...ALL_DELIVERED,
      'auth.rejects-missing': 'pass',
      'auth.rejects-wrong': 'pass',
      'auth.required': ['pass', 'skip'],
    },
    verdict: 'ready',
    neverSays: [/not judged/i],
    secrets: [FLASK_TOKEN],
    metrics: {
      'payload.large': { largestAcceptedBytes: { min: 1_100_000 }, firstRefusedBytes: { absent: true } },
    },
  },
  {
    name: 'flask checking a Bearer token, given a mistyped token: credentials refused, check the configured token',
    start: () => startFlask('bearer', { token: FLASK_TOKEN }),
    options: () => ({ auth: { type: 'bearer', token: MISTYPED_TOKEN } }),
    rootCauses: ['credentials-refused'],
    // Refusing every credential shows nothing about how the receiver checks them.
    results: {
      ...LOCAL,
      ...CREDENTIALS_BLOCK,
      'auth.rejects-missing': 'blocked',
      'auth.rejects-wrong': 'blocked',
      // 401s in a few ms say nothing of how fast it processes an event.
      'delivery.response-time': 'blocked',
    },
    verdict: 'not-ready',
    causeSays: [/\b401\b/, /check/i, /token|credentials/i],
    neverSays: [/anyone/i, /body.size/i],
    secrets: [FLASK_TOKEN, MISTYPED_TOKEN],
  },
  {
    name: 'flask checking a Bearer token, given no credentials: credentials required, pass them',
    start: () => startFlask('bearer', { token: FLASK_TOKEN }),
    rootCauses: ['credentials-required'],
    // It refuses an unauthenticated delivery: exactly what auth.required asks for.
    results: { ...LOCAL, ...CREDENTIALS_BLOCK, 'auth.required': 'pass', 'delivery.response-time': 'blocked' },
    verdict: 'not-ready',
    causeSays: [/\b401\b/, /credentials/i],
    neverSays: [/anyone/i, /body.size/i],
    secrets: [FLASK_TOKEN],
  },
  {
    name: 'adnanh/webhook with its default hook: everything accepted, but no credentials enforced (auth.required fails, never 100)',
    start: () => startWebhook(),
    rootCauses: ['auth-not-required'],
    results: { ...LOCAL, ...ALL_DELIVERED, 'auth.required': 'fail' },
    verdict: 'ready',
    says: [/Basic/, /header/i],
    neverSays: [/not judged/i],
    metrics: {
      'payload.large': { largestAcceptedBytes: { min: 1_100_000 }, firstRefusedBytes: { absent: true } },
    },
  },
  {
    name: 'adnanh/webhook with a token rule, given the right token: the 200 to wrong credentials loses events silently',
    start: () => startWebhook({ token: WEBHOOK_TOKEN }),
    options: () => ({ auth: { type: 'bearer', token: WEBHOOK_TOKEN } }),
    rootCauses: ['refusal-in-200'],
    results: {
      ...LOCAL,
      ...ALL_DELIVERED,
      'auth.rejects-missing': 'fail',
      'auth.rejects-wrong': 'fail',
      'auth.required': ['pass', 'skip'],
    },
    verdict: 'not-ready',
    says: ['Hook rules were not satisfied', /rotated|mistyped/i, /never retried/i, /silently|lost/i],
    neverSays: [/anyone who finds the URL/i],
    secrets: [WEBHOOK_TOKEN],
  },
  {
    name: 'adnanh/webhook with a token rule, given no credentials: a refusal in a 200, never ready',
    start: () => startWebhook({ token: WEBHOOK_TOKEN }),
    rootCauses: ['refusal-in-200'],
    // It does refuse the unauthenticated delivery (in words), so auth.required has nothing to
    // fail; an expert may also call it not judged.
    results: {
      ...LOCAL,
      ...CREDENTIALS_BLOCK,
      'auth.required': ['pass', 'blocked'],
      'delivery.response-time': 'blocked',
    },
    verdict: 'not-ready',
    causeSays: ['Hook rules were not satisfied', /credentials/i],
    neverSays: [/anyone who finds the URL/i],
    secrets: [WEBHOOK_TOKEN],
  },
  {
    name: 'express with express.json() defaults: payload.large finds the 100kb limit (413) and names it',
    start: () => startNodeApp('express'),
    rootCauses: ['body-limit', 'auth-not-required'],
    results: {
      ...LOCAL,
      ...ALL_DELIVERED,
      'payload.large': 'fail',
      'auth.required': 'fail',
    },
    // payload.large is high: a large attack's notification would be refused 5 times and lost.
    verdict: 'not-ready',
    says: [/\b413\b/, /limit/i, /\b\d[\d,.]* ?(bytes|B|KiB|kB|KB|MiB|MB)\b/],
    neverSays: [/not judged/i],
    metrics: {
      'payload.large': {
        firstRefusedStatus: { equals: 413 },
        largestAcceptedBytes: { min: 32_768, max: 102_400 },
        firstRefusedBytes: { min: 102_401, max: 1_000_000 },
      },
    },
  },
  {
    name: 'fastify with its defaults: payload.large passes (1 MiB limit above the 1,000,000-byte threshold)',
    start: () => startNodeApp('fastify'),
    rootCauses: ['auth-not-required'],
    results: { ...LOCAL, ...ALL_DELIVERED, 'auth.required': 'fail' },
    verdict: 'ready',
    neverSays: [/not judged/i],
    metrics: {
      'payload.large': {
        firstRefusedStatus: { equals: 413 },
        largestAcceptedBytes: { min: 1_000_000, max: 1_048_576 },
        firstRefusedBytes: { min: 1_048_577 },
      },
    },
  },
  {
    name: 'nginx with a valid certificate from a trusted CA: ready over https, its 1m body limit above the threshold',
    start: () => startNginx('valid'),
    options: trustLocalCa,
    rootCauses: ['auth-not-required'],
    results: {
      ...LOCAL,
      'tls.certificate-trusted': 'pass',
      ...ALL_DELIVERED,
      'auth.required': 'fail',
    },
    verdict: 'ready',
    neverSays: [/not judged/i],
    metrics: {
      'payload.large': { firstRefusedStatus: { equals: 413 }, largestAcceptedBytes: { min: 1_000_000 } },
    },
  },
  {
    name: 'nginx with an expired certificate: renew it (with the date it ended)',
    start: () => startNginx('expired'),
    options: trustLocalCa,
    rootCauses: ['tls-expired'],
    results: TLS_REFUSED,
    verdict: 'not-ready',
    causeSays: (r) => [/renew/i, dateWords(certificate(r).notAfter)],
    neverSays: [/public CA/i, /body.size/i, /anyone/i],
  },
  {
    name: 'nginx with a certificate for another name: the certificate names against the host',
    start: () => startNginx('wrong-name'),
    options: trustLocalCa,
    rootCauses: ['tls-hostname-mismatch'],
    results: TLS_REFUSED,
    verdict: 'not-ready',
    causeSays: [OTHER_NAME, '127.0.0.1'],
    neverSays: [/renew/i, /body.size/i],
  },
  {
    name: 'nginx with a certificate from a CA the checker does not know: the issuer or missing chain, or --ca',
    start: () => startNginx('unknown-ca'),
    options: trustLocalCa,
    rootCauses: ['tls-unknown-ca'],
    results: TLS_REFUSED,
    verdict: 'not-ready',
    causeSays: [/issuer|chain/i, 'zoo unknown CA'],
    neverSays: [/renew/i, /expired/i],
  },
  {
    name: 'nginx with an expired certificate and verification disabled (insecure): ready, the TLS check warns with the date',
    start: () => startNginx('expired'),
    options: (r) => ({ ...trustLocalCa(r), insecure: true }),
    rootCauses: ['auth-not-required'],
    results: {
      ...LOCAL,
      'tls.certificate-trusted': 'warn',
      ...ALL_DELIVERED,
      'auth.required': 'fail',
    },
    verdict: 'ready',
    says: (r) => [/expired/i, dateWords(certificate(r).notAfter)],
    neverSays: [/not judged/i],
  },
  {
    name: 'flask working 0.6 s at a 0.01 time scale (timeout 300 ms): answer first, queue the work; the real 30 s is said',
    start: () => startFlask('slow', { slowSeconds: 0.6 }),
    options: () => ({ timeScale: 0.01 }),
    rootCauses: ['timeout'],
    results: {
      ...LOCAL,
      ...NOTHING_GOT_THROUGH,
      'auth.required': 'blocked',
      'delivery.response-time': ['fail', 'blocked'],
    },
    verdict: 'not-ready',
    causeSays: [/answer first/i, /queue/i],
    says: [/300 ?ms/],
    neverSays: [/body.size/i, /anyone/i],
  },
];

/** Words every time-scaled report says. */
export const SCALED_SAYS: Words = SCALED;
