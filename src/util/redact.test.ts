import { describe, expect, it } from 'vitest';
import { REDACTED, redactHeaders, redactUrl, scrubSecrets } from './redact.js';

describe('redactHeaders', () => {
  it('keeps the scheme of an Authorization header and hides its credentials', () => {
    expect(redactHeaders({ Authorization: 'Bearer s3cret-canary' })).toEqual({
      Authorization: `Bearer ${REDACTED}`,
    });
  });

  it('hides the value of a user-chosen auth header, whatever its case', () => {
    const out = redactHeaders({ 'x-webhook-token': 'canary-value', 'content-type': 'application/json' }, [
      'X-Webhook-Token',
    ]);
    expect(out).toEqual({ 'x-webhook-token': REDACTED, 'content-type': 'application/json' });
  });
});

describe('redactUrl', () => {
  it('hides user and password inside a URL', () => {
    const shown = redactUrl('https://alice:canary-pass@example.com:8443/hook');
    expect(shown).not.toContain('canary-pass');
    expect(shown).not.toContain('alice');
    expect(shown).toContain('example.com:8443/hook');
  });
});

describe('scrubSecrets', () => {
  it('removes every occurrence of each secret from free text', () => {
    expect(scrubSecrets('token canary-1 and canary-1 again', ['canary-1'])).toBe(
      `token ${REDACTED} and ${REDACTED} again`,
    );
  });
});

describe('redactUrl markers', () => {
  it('shows the marker as written, not percent-encoded', () => {
    expect(redactUrl('http://bob:pw-canary@127.0.0.1:8080/x')).toBe(
      `http://${REDACTED}:${REDACTED}@127.0.0.1:8080/x`,
    );
  });

  it('leaves a URL without credentials as it is', () => {
    expect(redactUrl('https://example.com/hook?a=1')).toBe('https://example.com/hook?a=1');
  });
});

describe('redactHeaders on names that look like credentials', () => {
  it.each(['X-Api-Token', 'x-webhook-secret', 'X-Auth-Key', 'X-Password'])(
    'hides %s even when not configured',
    (name) => {
      expect(redactHeaders({ [name]: 'canary-value' })[name]).toBe(REDACTED);
    },
  );

  it('keeps ordinary headers readable', () => {
    expect(redactHeaders({ 'user-agent': 'crowdsec-webhook-mock/0.1.0', accept: '*/*' })).toEqual({
      'user-agent': 'crowdsec-webhook-mock/0.1.0',
      accept: '*/*',
    });
  });
});
