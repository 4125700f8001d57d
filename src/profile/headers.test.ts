import { describe, expect, it } from 'vitest';
import { headerFacts } from './headers.js';

const go = (id: string): [string, string][] => [
  ['Host', 'example.com'],
  ['User-Agent', 'Go-http-client/1.1'],
  ['Content-Length', '123'],
  ['Authorization', 'Bearer [REDACTED]'],
  ['Content-Type', 'application/json'],
  ['X-Delivery', id],
  ['Accept-Encoding', 'gzip'],
];

describe('headerFacts', () => {
  const facts = headerFacts([go('1'), go('2')]);

  it('keeps the headers every delivery sent with the same value, lower-cased', () => {
    expect(facts.headers).toEqual({
      'user-agent': 'Go-http-client/1.1',
      'content-type': 'application/json',
      'accept-encoding': 'gzip',
    });
    expect(facts.userAgent).toBe('Go-http-client/1.1');
  });

  it('leaves transport headers and credentials out of what is sent, naming the credentials', () => {
    expect(Object.keys(facts.headers)).not.toContain('host');
    expect(Object.keys(facts.headers)).not.toContain('content-length');
    expect(facts.credentialHeaders).toEqual(['authorization']);
    expect(JSON.stringify(facts)).not.toMatch(/Bearer [^[]/);
  });

  it('names headers whose value changes as varying, and keeps every name as written, in order', () => {
    expect(facts.varyingHeaders).toEqual(['x-delivery']);
    expect(facts.headerNames).toEqual(go('1').map(([n]) => n));
  });

  it('counts a header only some deliveries carry as varying', () => {
    const some = headerFacts([[['Accept', '*/*']], []]);
    expect(some.headers).toEqual({});
    expect(some.varyingHeaders).toEqual(['accept']);
  });

  it('has no User-Agent when none was sent', () => {
    expect(headerFacts([[['Content-Type', 'application/json']]]).userAgent).toBeNull();
  });
});
