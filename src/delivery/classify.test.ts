import { describe, expect, it } from 'vitest';
import { type AttemptEvidence, classifyAttempt } from './classify.js';
import type { Outcome } from './types.js';

const table: [string, AttemptEvidence, Outcome][] = [
  ['200', { status: 200 }, { type: 'delivered', status: 200 }],
  ['201', { status: 201 }, { type: 'status', status: 201 }],
  ['202', { status: 202 }, { type: 'status', status: 202 }],
  ['204', { status: 204 }, { type: 'status', status: 204 }],
  ['301', { status: 301 }, { type: 'status', status: 301 }],
  ['302', { status: 302 }, { type: 'status', status: 302 }],
  ['304', { status: 304 }, { type: 'status', status: 304 }],
  ['401', { status: 401 }, { type: 'status', status: 401 }],
  ['500', { status: 500 }, { type: 'status', status: 500 }],
  ['503', { status: 503 }, { type: 'status', status: 503 }],
  ['ETIMEDOUT', { errorCode: 'ETIMEDOUT' }, { type: 'timeout' }],
  ['ENOTFOUND', { errorCode: 'ENOTFOUND' }, { type: 'dns' }],
  ['EAI_AGAIN', { errorCode: 'EAI_AGAIN' }, { type: 'dns' }],
  ['ECONNREFUSED', { errorCode: 'ECONNREFUSED' }, { type: 'refused' }],
  ['ECONNRESET', { errorCode: 'ECONNRESET' }, { type: 'reset' }],
  ['EPIPE', { errorCode: 'EPIPE' }, { type: 'reset' }],
  ['socket hang up', { errorMessage: 'socket hang up' }, { type: 'reset' }],
  ['reset after a 200 status', { status: 200, errorCode: 'ECONNRESET' }, { type: 'reset' }],
  ['self-signed leaf', { errorCode: 'DEPTH_ZERO_SELF_SIGNED_CERT' }, { type: 'tls', reason: 'self-signed' }],
  [
    'self-signed in chain',
    { errorCode: 'SELF_SIGNED_CERT_IN_CHAIN' },
    { type: 'tls', reason: 'self-signed' },
  ],
  ['expired', { errorCode: 'CERT_HAS_EXPIRED' }, { type: 'tls', reason: 'expired' }],
  ['wrong host', { errorCode: 'ERR_TLS_CERT_ALTNAME_INVALID' }, { type: 'tls', reason: 'hostname-mismatch' }],
  [
    'unknown CA leaf',
    { errorCode: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' },
    { type: 'tls', reason: 'unknown-ca' },
  ],
  [
    'unknown CA issuer',
    { errorCode: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY' },
    { type: 'tls', reason: 'unknown-ca' },
  ],
  ['other TLS', { errorCode: 'ERR_SSL_WRONG_VERSION_NUMBER' }, { type: 'tls', reason: 'other' }],
  ['bad status line', { errorCode: 'HPE_INVALID_STATUS' }, { type: 'protocol' }],
  ['bad header', { errorCode: 'HPE_INVALID_HEADER_TOKEN' }, { type: 'protocol' }],
  ['no status and no error', {}, { type: 'protocol' }],
  ['anything else', { errorCode: 'EHOSTUNREACH' }, { type: 'network', code: 'EHOSTUNREACH' }],
];

describe('classifyAttempt', () => {
  it.each(table)('classifies %s', (_name, evidence, expected) => {
    expect(classifyAttempt(evidence)).toEqual(expected);
  });

  it('counts only status 200 as delivered, across every status code', () => {
    for (let status = 100; status < 600; status++) {
      const type = classifyAttempt({ status }).type;
      expect(type).toBe(status === 200 ? 'delivered' : 'status');
    }
  });
});
