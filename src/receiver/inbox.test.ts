import { describe, expect, it } from 'vitest';
import { isOwnHost } from './inbox.js';

describe('isOwnHost', () => {
  it.each([
    ['127.0.0.1:8080', true],
    ['localhost:8080', true],
    ['[::1]:8080', true],
    ['LOCALHOST:8080', true],
    ['localhost', true],
    ['127.0.0.1:9999', false],
    ['evil.example:8080', false],
    ['127.0.0.1.evil.example:8080', false],
    ['', false],
  ])('Host %j on a receiver at 127.0.0.1:8080 -> %s', (host, own) => {
    expect(isOwnHost(host, '127.0.0.1', 8080)).toBe(own);
  });

  it('accepts the receiver own non-loopback host name', () => {
    expect(isOwnHost('myhost:8080', 'myhost', 8080)).toBe(true);
  });
});
