import { afterEach, describe, expect, it } from 'vitest';
import { deliver } from '../../src/delivery/index.js';
import { ErrorCodes } from '../../src/errors.js';
import { startHttp, statuses, type TestServer } from './servers.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serverOn3000OrAny(): Promise<TestServer> {
  try {
    return await startHttp(statuses(200), 3000);
  } catch {
    // Port 3000 is busy on this machine: any ephemeral port is just as disallowed.
    return await startHttp(statuses(200));
  }
}

describe('the port allow-list', () => {
  it('refuses a port outside the list before any connection is made', async () => {
    server = await serverOn3000OrAny();
    await expect(deliver({ a: 1 }, { url: server.url })).rejects.toMatchObject({
      code: ErrorCodes.PORT_NOT_ALLOWED,
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.connections).toBe(0);
    expect(server.requests).toHaveLength(0);
  });

  it('sends to the same port when allowAnyPort is given', async () => {
    server = await serverOn3000OrAny();
    const record = await deliver({ a: 1 }, { url: server.url, allowAnyPort: true });
    expect(record.result).toBe('delivered');
    expect(server.connections).toBe(1);
  });

  it('refuses a file: URL before anything is sent', async () => {
    await expect(deliver({ a: 1 }, { url: 'file:///etc/passwd' })).rejects.toMatchObject({
      code: ErrorCodes.INVALID_URL,
    });
  });
});
