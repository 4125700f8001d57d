/**
 * From one attempt that did not go as the Console needs to its cause: what the evidence shows,
 * the one fix, and what the Console does about it. Pure: every sentence is chosen from what came
 * back (the status, the body, the headers, the TLS reason, the certificate), never fixed per
 * caller; a caller may only add what it varied in the event (`hint`), for the answers that say
 * the receiver refused or choked on the content. The conformance checks and the scenario
 * runner's preflight both judge with it.
 */
import { formatDurationMs } from '../util/duration.js';
import { formatSizeExactly } from '../util/format-bytes.js';
import { truncate } from '../util/text.js';
import { DEFAULTS } from './defaults.js';
import { explainOutcome } from './explain.js';
import type { AttemptRecord, Auth, CertificateInfo, TlsReason } from './types.js';

/**
 * Why an attempt failed, in a form several callers can share (the 15 accepts checks failing on
 * one 204 have one cause, named once).
 */
export interface Cause {
  /** Stable id: `answers-204`, `credentials-refused`, `tls-expired`, `body-limit`, ... */
  id: string;
  /** What the evidence shows, one sentence. */
  summary: string;
  /** The one fix, chosen from the evidence. */
  advice: string;
  /** What the real Console does about it. */
  consequence: string;
}

/** One attempt to diagnose, and which credentials it carried. */
export interface Subject {
  attempt: AttemptRecord;
  /** The request body's size, in bytes. */
  bodyBytes: number;
  /** `configured`: the destination's own (or none when it has none). */
  credentials: 'configured' | 'none' | 'wrong';
}

/** What the diagnosis knows of the destination and the run. */
export interface DiagnosisContext {
  host: string;
  port: number;
  /** The kind of credentials configured. */
  auth: Auth['type'] | 'none';
  /** The timeout of one attempt as run, and before time scaling (the Console's). */
  timeoutMs: number;
  consoleTimeoutMs: number;
  timeScale: number;
  /** The certificate the host presented, when it is https and one was read. */
  certificate?: CertificateInfo;
  /**
   * True once a plain event to the same URL with the configured credentials was accepted (a
   * conformance run's baseline): then a refusal of a probe that varied the content (a `Hint`)
   * with those credentials is about the content, whatever its status says of routes or tokens.
   */
  plainAccepted?: boolean;
}

/** The largest event the Console plausibly sends; body limits below it lose events (README). */
export const LARGEST_PLAUSIBLE_EVENT_BYTES = 1_000_000;

/** What a check varied in its event, to name when the receiver refused or choked on it. */
export interface Hint {
  /** e.g. `events whose nullable fields are null` */
  what: string;
  /** e.g. `treat null and [] as the valid values the schemas say they are` */
  fix: string;
}

/** The answer's body as one line of text: tags stripped, whitespace folded, at most 140 chars. */
export function bodyExcerpt(x: Subject): string | undefined {
  const raw = x.attempt.responseSnippet;
  if (!raw) return undefined;
  const isHtml = /^\s*<(!doctype|html|head|body|\?xml)/i.test(raw);
  const text = (isHtml ? htmlText(raw) : raw).replace(/\s+/g, ' ').trim();
  if (text === '') return undefined;
  return truncate(text, 140);
}

/** The visible text of an HTML error page (its title and body), for a one-line excerpt. */
function htmlText(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<title>([\s\S]*?)<\/title>/i, ' $1: ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
}

const REFUSAL =
  /\b(not satisfied|unauthori[sz]ed|forbidden|access denied|permission denied|not allowed|authentication (failed|required)|invalid (token|signature|credentials|api key|secret))\b/i;

/** The words of a 200 whose body says the request was refused (adnanh/webhook's unmatched rule). */
export function refusalWords(x: Subject): string | undefined {
  if (x.attempt.outcome.type !== 'delivered') return undefined;
  const text = bodyExcerpt(x);
  return text && REFUSAL.test(text) ? text : undefined;
}

/** True when the Console would count this exchange delivered and the receiver said nothing against it. */
export function isAccepted(x: Subject): boolean {
  return x.attempt.outcome.type === 'delivered' && refusalWords(x) === undefined;
}

const quote = (text: string | undefined) => (text ? ` ("${text}")` : '');

/** `30s`, or `300ms (time scale 0.01: the Console waits 30s)` on a scaled run. */
export function timeoutWords(
  target: Pick<DiagnosisContext, 'timeoutMs' | 'consoleTimeoutMs' | 'timeScale'>,
): string {
  const here = formatDurationMs(target.timeoutMs);
  return target.timeScale === 1
    ? here
    : `${here} (time scale ${target.timeScale}: the Console waits ${formatDurationMs(target.consoleTimeoutMs)})`;
}

/** What the Console does after this answer to a first attempt, to the end of the event. */
function consoleAfter(x: Subject): string {
  const next = explainOutcome(x.attempt.outcome, { attempt: 1, maxAttempts: DEFAULTS.maxAttempts });
  return `${next}; after the ${DEFAULTS.maxAttempts}th failure the event is dropped`;
}

const CREDENTIAL_WORDS: Record<DiagnosisContext['auth'], string> = {
  none: 'no credentials',
  header: 'the configured header',
  bearer: 'the configured Bearer token',
  basic: 'the configured Basic user and password',
};

/** adnanh/webhook says this when a hook's trigger rule does not match; it has a setting for it. */
const WEBHOOK_RULE = /hook rules were not satisfied/i;

/**
 * A 200 that says it refused: the Console counts it delivered and never sends it again.
 * `probe`: which credentials the request carried.
 */
export function refusalCause(x: Subject, target: DiagnosisContext, words: string): Cause {
  const webhook = WEBHOOK_RULE.test(words)
    ? ' (adnanh/webhook: set "trigger-rule-mismatch-http-response-code": 401 on the hook)'
    : '';
  const carried =
    x.credentials === 'configured'
      ? target.auth === 'none'
        ? 'without credentials'
        : `with ${CREDENTIAL_WORDS[target.auth]}`
      : x.credentials === 'none'
        ? 'without credentials'
        : 'with wrong credentials';
  const fixCredentials =
    x.credentials === 'configured' && target.auth === 'none'
      ? 'if it requires credentials, pass them (--bearer, --header or --basic; library: auth) as configured on the Console destination; and '
      : x.credentials === 'configured'
        ? 'check the credentials and the rule it applies; and '
        : '';
  return {
    id: 'refusal-in-200',
    summary: `answered 200 ${carried}, but its body says it refused: "${words}"`,
    advice: `${fixCredentials}make it answer 401 or 403 (not 200) when it refuses a request${webhook}`,
    consequence:
      'the Console counts any 200 as delivered, so the event is never retried: with a rotated or mistyped token on the Console, every event is refused this way and lost silently',
  };
}

function statusCause(x: Subject, target: DiagnosisContext, status: number, hint?: Hint): Cause {
  const body = bodyExcerpt(x);
  const consequence = consoleAfter(x);
  const id = `answers-${status}`;
  if (status >= 200 && status < 300) {
    return {
      id,
      summary: `answered ${status} instead of 200`,
      advice: `answer exactly 200 (any body, or none): the Console counts only 200 as delivered and ${status} as a failure`,
      consequence,
    };
  }
  if (status >= 300 && status < 400) {
    const location = x.attempt.responseHeaders?.location;
    return {
      id,
      summary: `answered ${status}, a redirect${location ? ` to ${location}` : ''}`,
      advice: location
        ? `configure the Console with the final URL (${location}), or answer 200 at this one: the Console does not follow redirects`
        : 'answer 200 at this URL: the Console does not follow redirects',
      consequence,
    };
  }
  // 413 and 429 say what they mean; other refusals of varied content, after a plain event went
  // through, are about the content (a WAF's 403, a 404 from a router by event type).
  if (
    hint &&
    target.plainAccepted &&
    x.credentials === 'configured' &&
    status >= 400 &&
    status < 500 &&
    status !== 413 &&
    status !== 429
  ) {
    return {
      id,
      summary: `refused ${hint.what} with ${status}${quote(body)}`,
      advice: `${hint.fix}; the same URL and credentials took a plain event, so it is this content that was refused, not the route or the credentials`,
      consequence,
    };
  }
  if (status === 401 || status === 403) {
    if (target.auth === 'none') {
      return {
        id: 'credentials-required',
        summary: `refused a delivery without credentials (${status})${quote(body)}`,
        advice:
          'pass the credentials the receiver expects, as configured on the Console destination: --bearer, --header or --basic (library: auth)',
        consequence,
      };
    }
    return {
      id: 'credentials-refused',
      summary: `refused ${CREDENTIAL_WORDS[target.auth]} with ${status}${quote(body)}`,
      advice: `check the credentials given to cswm against what the receiver expects (a typo, a rotated token, the wrong header name or scheme); the Console must be configured with the same ones`,
      consequence,
    };
  }
  if (status === 413) {
    return bodyLimitCause(x, { refusedBytes: x.bodyBytes });
  }
  if (status === 404 || status === 405) {
    return {
      id,
      summary: `answered ${status}${quote(body)}: nothing handles POST at this path`,
      advice: "check the URL's path, and that the route accepts POST (the Console only POSTs)",
      consequence,
    };
  }
  if (status === 415) {
    return {
      id,
      summary: `refused the content type with 415${quote(body)}`,
      advice: 'accept Content-Type: application/json (the Console sends JSON, without a charset parameter)',
      consequence,
    };
  }
  if (status === 429) {
    const retry = x.attempt.responseHeaders?.['retry-after'];
    return {
      id,
      summary: `answered 429 (rate limited${retry ? `, Retry-After ${retry}` : ''})`,
      advice:
        "let the Console's deliveries through the rate limit: it ignores Retry-After and retries on its own schedule",
      consequence,
    };
  }
  if (status >= 400 && status < 500) {
    return {
      id,
      summary: `refused ${hint ? hint.what : 'a schema-valid event'} with ${status}${quote(body)}`,
      advice: hint
        ? hint.fix
        : 'accept every event the schemas allow: validate leniently (extra properties, null and empty values are valid)',
      consequence,
    };
  }
  if (status === 502 || status === 503 || status === 504) {
    return {
      id,
      summary: `answered ${status}${quote(body)}: a proxy or the server itself says the application is down, overloaded or too slow`,
      advice: 'check the application behind the proxy (is it running, does it answer in time?) and its logs',
      consequence,
    };
  }
  return {
    id,
    summary: `failed with ${status}${hint ? ` on ${hint.what}` : ''}${quote(body)}`,
    advice: `the receiver errored${hint ? ` on ${hint.what}` : ''}: see its logs and fix the error so that it answers 200${hint ? ` (${hint.fix})` : ''}`,
    consequence,
  };
}

/**
 * The setting to raise, named only when the refusal says who refused: the error page's own
 * words first (Express behind nginx answers with nginx's Server header but Express's page), the
 * Server header only when the body is empty; nothing for anyone else (Apache, a CDN, a WAF).
 */
function bodyLimitSetting(body: string, server: string): string {
  if (/PayloadTooLargeError|entity\.too\.large/.test(body))
    return " (Express / body-parser: express.json({ limit: '1mb' }))";
  if (/FST_ERR_CTP_BODY_TOO_LARGE/.test(body)) return ' (Fastify: the bodyLimit option)';
  if (/<center>nginx/i.test(body) || (body.trim() === '' && /^nginx/i.test(server)))
    return ' (nginx: client_max_body_size 1m or more)';
  return '';
}

/** A body-size refusal; `accepted` is the largest size that got 200, when known. */
export function bodyLimitCause(x: Subject, sizes: { refusedBytes: number; acceptedBytes?: number }): Cause {
  const status = x.attempt.status;
  const where = bodyLimitSetting(x.attempt.responseSnippet ?? '', x.attempt.responseHeaders?.server ?? '');
  const accepted =
    sizes.acceptedBytes === undefined
      ? ''
      : `; one of ${formatSizeExactly(sizes.acceptedBytes)} was accepted`;
  return {
    id: 'body-limit',
    summary: `refused an event of ${formatSizeExactly(sizes.refusedBytes)}${status === undefined ? '' : ` with ${status}`}${accepted}`,
    advice: `raise the body-size limit to at least ${formatSizeExactly(LARGEST_PLAUSIBLE_EVENT_BYTES)}, the largest event the Console plausibly sends${where}`,
    consequence: `${consoleAfter(x)}: a large attack's notification is refused 5 times and lost`,
  };
}

const date = (iso: string) => iso.slice(0, 10);

/** The TLS cause, with the certificate's own facts where the handshake showed them. */
function tlsCause(x: Subject, target: DiagnosisContext, reason: TlsReason): Cause {
  const cert: CertificateInfo | undefined = target.certificate;
  const consequence = `the Console refuses this handshake unless "disable SSL verification" is on for the destination; then ${consoleAfter(x).replace(/^the Console /, 'it ')}`;
  const id = `tls-${reason}`;
  const code = x.attempt.errorCode;
  if (reason === 'expired') {
    const notYet = cert && Date.parse(cert.validFrom) > Date.now();
    return {
      id,
      summary: cert
        ? notYet
          ? `the certificate for ${cert.subject} is not valid before ${date(cert.validFrom)}`
          : `the certificate for ${cert.subject} expired on ${date(cert.validTo)}`
        : 'the certificate has expired (or is not valid yet)',
      advice: notYet
        ? "check the server's clock and the certificate's dates"
        : 'renew the certificate (e.g. certbot renew, or your CA) and reload the server',
      consequence,
    };
  }
  if (reason === 'hostname-mismatch') {
    const names = cert?.names.length ? cert.names.join(', ') : undefined;
    return {
      id,
      summary: names
        ? `the certificate names ${names}, not ${target.host}`
        : `the certificate does not name ${target.host}`,
      advice: `issue a certificate that names ${target.host}${names ? `, or give the Console a URL whose host is one of ${names}` : ''}`,
      consequence,
    };
  }
  if (reason === 'self-signed') {
    return {
      id,
      summary: `the certificate${cert ? ` for ${cert.subject}` : ''} is self-signed`,
      advice:
        'use a certificate from a public CA (e.g. Let\'s Encrypt), or turn on "disable SSL verification" on the Console destination (here: --insecure)',
      consequence,
    };
  }
  if (reason === 'unknown-ca') {
    const leafOnly = cert !== undefined && cert.chainLength === 1 && !cert.selfSigned;
    return {
      id,
      summary: cert
        ? `the certificate for ${cert.subject} was issued by ${cert.issuer}, which no trusted root vouches for${leafOnly ? ' (the server sent no intermediate certificate)' : ''}`
        : 'the certificate was issued by an authority the Console does not trust',
      advice: leafOnly
        ? `if ${cert.issuer} is an intermediate of a public CA, serve the full chain (leaf then intermediates, e.g. fullchain.pem); if it is a private CA, the Console will not trust it: use a public CA or "disable SSL verification" (to test here: --ca with the CA's certificate)`
        : 'use a certificate from a public CA, or turn on "disable SSL verification" on the Console destination (to test here with a private CA: --ca)',
      consequence,
    };
  }
  return {
    id,
    summary: `the TLS handshake failed${code ? ` (${code})` : ''}`,
    advice:
      "check the server's TLS set-up (protocol versions, ciphers, the certificate) with `openssl s_client -connect host:port`",
    consequence,
  };
}

/**
 * The cause of one exchange that did not end as the Console needs (anything but an accepted 200).
 *
 * @example diagnose(exchangeAnswered204, target).advice
 * // 'answer exactly 200 (any body, or none): the Console counts only 200 as delivered and 204 as a failure'
 */
export function diagnose(x: Subject, target: DiagnosisContext, hint?: Hint): Cause {
  const outcome = x.attempt.outcome;
  const after = formatDurationMs(x.attempt.durationMs);
  switch (outcome.type) {
    case 'delivered': {
      const words = refusalWords(x);
      if (words) return refusalCause(x, target, words);
      return {
        id: 'delivered',
        summary: 'answered 200',
        advice: 'nothing to fix',
        consequence: 'the Console counts 200 as delivered',
      };
    }
    case 'status':
      return statusCause(x, target, outcome.status, hint);
    case 'timeout':
      return {
        id: 'timeout',
        summary: `no complete answer within ${timeoutWords(target)}${hint ? ` to ${hint.what}` : ''}`,
        advice:
          'answer first (200 as soon as the event is read), then do the slow work afterwards in a queue or a background task; if the receiver never logged the request, something between (a firewall or security group dropping the connection) is the cause: open the port to the Console',
        consequence: consoleAfter(x),
      };
    case 'tls':
      return tlsCause(x, target, outcome.reason);
    case 'refused':
      return {
        id: 'refused',
        summary: `nothing accepted a connection on ${target.host}:${target.port}`,
        advice: "start the receiver, or fix the URL's host and port",
        consequence: consoleAfter(x),
      };
    case 'reset':
      return {
        id: 'reset',
        summary: `the connection was closed without an answer after ${after}${hint ? ` to ${hint.what}` : ''}`,
        advice:
          'look at the logs of the receiver (and of any proxy in front of it) for a crash, a size limit or an idle timeout that drops the connection',
        consequence: consoleAfter(x),
      };
    case 'dns':
      return {
        id: 'dns',
        summary: `${target.host} does not resolve`,
        advice:
          'check the host name: the Console looks it up from the internet, so it needs a public DNS record',
        consequence: consoleAfter(x),
      };
    case 'protocol':
      return {
        id: 'malformed',
        summary: `the answer after ${after} was not valid HTTP`,
        advice:
          'answer with a plain HTTP response (status line, headers, body): something writes raw bytes on the socket',
        consequence: consoleAfter(x),
      };
    case 'network':
      return {
        id: `network-${outcome.code}`,
        summary: `the connection failed (${outcome.code})`,
        advice: 'check that the receiver is reachable from here (firewall, proxy, host and port)',
        consequence: consoleAfter(x),
      };
  }
}
