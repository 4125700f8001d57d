import { describe, expect, it } from 'vitest';
import { makeAuthCheck, toReceiverAuth } from './auth.js';

describe('makeAuthCheck', () => {
  const bearer = makeAuthCheck({ type: 'header', name: 'Authorization', value: 'Bearer tok-123' });
  const basic = makeAuthCheck({ type: 'basic', username: 'u', password: 'p@ss' });

  it('accepts the exact header value', () => {
    expect(bearer.check({ authorization: 'Bearer tok-123' })).toBe(true);
  });

  it('refuses a missing, shorter, longer or different value', () => {
    for (const value of [undefined, 'Bearer tok-12', 'Bearer tok-1234', 'Bearer tok-124']) {
      expect(bearer.check(value === undefined ? {} : { authorization: value })).toBe(false);
    }
  });

  it('accepts Basic credentials whatever the case of the scheme', () => {
    const encoded = Buffer.from('u:p@ss').toString('base64');
    expect(basic.check({ authorization: `Basic ${encoded}` })).toBe(true);
    expect(basic.check({ authorization: `basic ${encoded}` })).toBe(true);
    expect(basic.check({ authorization: `Basic ${Buffer.from('u:wrong').toString('base64')}` })).toBe(false);
  });

  it('checks a custom header by its lower-case name', () => {
    const custom = makeAuthCheck({ type: 'header', name: 'X-Token', value: 'abc' });
    expect(custom.headerName).toBe('x-token');
    expect(custom.check({ 'x-token': 'abc' })).toBe(true);
  });
});

describe('toReceiverAuth', () => {
  it('turns a bearer token into the Authorization header it stands for', () => {
    expect(toReceiverAuth({ type: 'bearer', token: 'tok-123' })).toEqual({
      type: 'header',
      name: 'Authorization',
      value: 'Bearer tok-123',
    });
  });

  it('keeps header and basic auth as they are', () => {
    const header = { type: 'header', name: 'X-Token', value: 'abc' } as const;
    const basic = { type: 'basic', username: 'u', password: 'p@ss' } as const;
    expect(toReceiverAuth(header)).toEqual(header);
    expect(toReceiverAuth(basic)).toEqual(basic);
  });
});
