import { describe, expect, it } from 'vitest';
import {
  parseAuthStatus,
  parseFaultFlags,
  parseRequireBasic,
  parseRequireHeader,
  parseRespond,
  parseTlsMode,
  parseUpstream,
} from './receive-options.js';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
}

describe('parseRespond', () => {
  it('reads a comma-separated status sequence', () => {
    expect(parseRespond('503, 503,200')).toEqual({ type: 'status', statuses: [503, 503, 200] });
  });

  it.each(['', '503,,200', '99', '600', 'abc', '200.5'])('refuses %j with ERR_INVALID_OPTION', (text) => {
    expect(codeOf(() => parseRespond(text))).toBe('ERR_INVALID_OPTION');
  });
});

describe('parseFaultFlags', () => {
  it('makes one rule scoped by times, path and event type', () => {
    expect(
      parseFaultFlags({ fault: 'reset', times: '2', path: '/hook', eventType: 'payment_failed' }),
    ).toEqual([{ fault: { type: 'reset' }, times: 2, path: '/hook', eventType: 'payment_failed' }]);
  });

  it('turns --delay with one --respond status into a delay answering that status', () => {
    expect(parseFaultFlags({ delay: '31s', respond: '204' })).toEqual([
      { fault: { type: 'delay', delayMs: 31_000, status: 204 } },
    ]);
  });

  it('gives no rule (the reference behaviour) when no fault flag is given', () => {
    expect(parseFaultFlags({})).toEqual([]);
  });

  it.each([
    [{ fault: 'explode' }, 'ERR_INVALID_OPTION'],
    [{ fault: 'hang', respond: '503' }, 'ERR_INVALID_OPTION'],
    [{ delay: '31s', respond: '503,200' }, 'ERR_INVALID_OPTION'],
    [{ delay: 'soon' }, 'ERR_INVALID_DURATION'],
    [{ times: '2' }, 'ERR_INVALID_OPTION'],
    [{ fault: 'reset', times: '0' }, 'ERR_INVALID_OPTION'],
    [{ fault: 'reset', path: 'hook' }, 'ERR_INVALID_OPTION'],
  ])('refuses %j with %s', (flags, code) => {
    expect(codeOf(() => parseFaultFlags(flags))).toBe(code);
  });
});

describe('auth and TLS flags', () => {
  it('splits a required header at the first colon', () => {
    expect(parseRequireHeader('Authorization: Bearer a:b')).toEqual({
      type: 'header',
      name: 'Authorization',
      value: 'Bearer a:b',
    });
  });

  it('never echoes a malformed secret in the error', () => {
    const parse = () => parseRequireHeader('no-colon-s3cret');
    expect(parse).toThrow(/--require-header: expected "Name: value"/);
    expect(parse).not.toThrow(/s3cret/);
  });

  it('splits Basic credentials at the first colon', () => {
    expect(parseRequireBasic('user:pa:ss')).toEqual({ type: 'basic', username: 'user', password: 'pa:ss' });
    expect(codeOf(() => parseRequireBasic('user:'))).toBe('ERR_INVALID_OPTION');
  });

  it('allows 401 and 403 only as the auth failure status', () => {
    expect(parseAuthStatus('403')).toBe(403);
    expect(codeOf(() => parseAuthStatus('400'))).toBe('ERR_INVALID_OPTION');
  });

  it('knows the TLS modes', () => {
    expect(parseTlsMode('untrusted-ca')).toBe('untrusted-ca');
    expect(codeOf(() => parseTlsMode('broken'))).toBe('ERR_INVALID_OPTION');
  });
});

describe('parseUpstream', () => {
  it('takes an http or https URL', () => {
    expect(parseUpstream('http://127.0.0.1:3000/webhook')).toBe('http://127.0.0.1:3000/webhook');
    expect(codeOf(() => parseUpstream('ftp://127.0.0.1/'))).toBe('ERR_INVALID_OPTION');
  });

  it('never repeats the password of a URL it cannot parse', () => {
    expect(() => parseUpstream('http://u:supersecret@[::1')).toThrow(/not a URL/);
    expect(() => parseUpstream('http://u:supersecret@[::1')).not.toThrow(/supersecret/);
  });
});
