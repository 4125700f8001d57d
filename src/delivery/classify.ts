import type { Outcome, TlsReason } from './types.js';

/** What one attempt produced, before classification: a status, or a transport error. */
export interface AttemptEvidence {
  /** HTTP status when a complete response arrived. */
  status?: number | undefined;
  /** The transport's error code (`ECONNREFUSED`, `HPE_INVALID_STATUS`, ...), when it failed. */
  errorCode?: string | undefined;
  /** The error's message; only used for codes Node leaves vague (`socket hang up`). */
  errorMessage?: string | undefined;
}

const NETWORK_CODES: Record<string, Outcome> = {
  ETIMEDOUT: { type: 'timeout' },
  ESOCKETTIMEDOUT: { type: 'timeout' },
  ENOTFOUND: { type: 'dns' },
  EAI_AGAIN: { type: 'dns' },
  EAI_FAIL: { type: 'dns' },
  EAI_NODATA: { type: 'dns' },
  EAI_NONAME: { type: 'dns' },
  ECONNREFUSED: { type: 'refused' },
  ECONNRESET: { type: 'reset' },
  EPIPE: { type: 'reset' },
  ECONNABORTED: { type: 'reset' },
  ERR_STREAM_PREMATURE_CLOSE: { type: 'reset' },
};

const TLS_CODES: Record<string, TlsReason> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'self-signed',
  CERT_HAS_EXPIRED: 'expired',
  CERT_NOT_YET_VALID: 'expired',
  ERR_TLS_CERT_ALTNAME_INVALID: 'hostname-mismatch',
  HOSTNAME_MISMATCH: 'hostname-mismatch',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'unknown-ca',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'unknown-ca',
  UNABLE_TO_GET_ISSUER_CERT: 'unknown-ca',
  CERT_UNTRUSTED: 'unknown-ca',
};

/** Any other code that can only come from a TLS handshake. */
const OTHER_TLS = /^(ERR_TLS_|ERR_SSL_|CERT_|ERR_OSSL_)/;

/**
 * Classifies one attempt the way the Console counts it. Success is status 200 exactly: the
 * Console retries on anything else, 201, 202, 204 and every 3xx included, because redirects are
 * not followed. A transport error wins over a status: a 200 whose body was cut off by a reset
 * is not a finished exchange.
 *
 * @example classifyAttempt({ status: 204 }) // { type: 'status', status: 204 }
 * @example classifyAttempt({ errorCode: 'CERT_HAS_EXPIRED' }) // { type: 'tls', reason: 'expired' }
 */
export function classifyAttempt(evidence: AttemptEvidence): Outcome {
  const { status, errorCode, errorMessage } = evidence;
  if (errorCode !== undefined || errorMessage !== undefined) return classifyError(errorCode, errorMessage);
  if (status === 200) return { type: 'delivered', status: 200 };
  if (status !== undefined) return { type: 'status', status };
  return { type: 'protocol' };
}

function classifyError(code: string | undefined, message: string | undefined): Outcome {
  if (code !== undefined) {
    const known = NETWORK_CODES[code];
    if (known) return known;
    const reason = TLS_CODES[code];
    if (reason) return { type: 'tls', reason };
    if (OTHER_TLS.test(code)) return { type: 'tls', reason: 'other' };
    // llhttp's parse errors: the bytes that came back are not HTTP.
    if (code.startsWith('HPE_')) return { type: 'protocol' };
  }
  if (message && /socket hang up/i.test(message)) return { type: 'reset' };
  if (code === 'EPROTO' && message && /ssl|tls/i.test(message)) return { type: 'tls', reason: 'other' };
  return { type: 'network', code: code ?? 'UNKNOWN' };
}
