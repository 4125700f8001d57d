import { describe, expect, it, vi } from 'vitest';
import { type HostLookup, resolveTarget } from './target.js';

const target = (url: string, lookup: HostLookup) =>
  resolveTarget({ url, embeddedPort: 0, allowAnyPort: true, lookup }).then((t) => t.info);

describe('resolveTarget: the host addresses behind transport.public-address', () => {
  it('looks a name up once and keeps every address, in order', async () => {
    const lookup = vi.fn<HostLookup>(async () => ['10.0.0.5', '203.0.113.9']);
    const info = await target('https://hooks.example.com/cs', lookup);
    expect(lookup).toHaveBeenCalledExactlyOnceWith('hooks.example.com');
    expect(info.addresses).toEqual(['10.0.0.5', '203.0.113.9']);
  });

  it.each(['http://127.0.0.1:8080/', 'http://[::1]:8080/', 'https://203.0.113.9/'])(
    'does not look up an address literal (%s)',
    async (url) => {
      const lookup = vi.fn<HostLookup>(async () => ['10.0.0.1']);
      const info = await target(url, lookup);
      expect(lookup).not.toHaveBeenCalled();
      expect(info).not.toHaveProperty('addresses');
    },
  );

  it('goes on without addresses when the name does not resolve', async () => {
    const lookup: HostLookup = async () => {
      throw Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' });
    };
    const info = await target('https://nowhere.invalid/', lookup);
    expect(info.host).toBe('nowhere.invalid');
    expect(info).not.toHaveProperty('addresses');
  });

  it('gives up on a lookup that never answers after 5 s (fake clock)', async () => {
    vi.useFakeTimers();
    try {
      const pending = target('https://slow.example.com/', () => new Promise<string[]>(() => {}));
      await vi.advanceTimersByTimeAsync(5_000);
      expect(await pending).not.toHaveProperty('addresses');
    } finally {
      vi.useRealTimers();
    }
  });

  it('uses the system resolver by default: localhost resolves to loopback', async () => {
    const info = (await resolveTarget({ url: 'http://localhost:8080/', embeddedPort: 0 })).info;
    expect(info.addresses?.length).toBeGreaterThan(0);
    for (const address of info.addresses ?? []) expect(address).toMatch(/^(127\.\d+\.\d+\.\d+|::1)$/);
  });
});
