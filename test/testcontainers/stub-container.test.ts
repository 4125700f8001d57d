/**
 * The container plumbing without a Docker engine: a stub "started" container whose published
 * port is a mock receiver on this machine, so the endpoint's defaults and URL are tested even
 * where the image tests skip.
 */
import type { StartedTestContainer } from 'testcontainers';
import { afterEach, describe, expect, it } from 'vitest';
import { type Receiver, startReceiver } from '../../src/receiver/index.js';
import { checkContainer, deliverToContainer } from '../../src/testing/testcontainers.js';
import { alertEvent } from '../receiver/helpers.js';

let receiver: Receiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

/** A started container publishing container port 8080 as the receiver's port. */
function stubStarted(port: number): StartedTestContainer {
  return {
    getHost: () => '127.0.0.1',
    getMappedPort: (containerPort: number) => {
      if (containerPort !== 8080) throw new Error(`port ${containerPort} is not mapped`);
      return port;
    },
  } as unknown as StartedTestContainer;
}

describe('deliverToContainer on an already started container', () => {
  it('delivers to path / over http by default', async () => {
    receiver = await startReceiver();
    const [record] = await deliverToContainer(stubStarted(receiver.port), [alertEvent('stub-1')], {
      port: 8080,
      timeScale: 0.01,
    });
    expect(record?.url).toBe(`http://127.0.0.1:${receiver.port}/`);
    expect(record?.result).toBe('delivered');
    expect(receiver.deliveries().map((d) => d.path)).toEqual(['/']);
  });

  it('delivers to the given path', async () => {
    receiver = await startReceiver();
    await deliverToContainer(stubStarted(receiver.port), [alertEvent('stub-2')], {
      port: 8080,
      path: '/hook',
      timeScale: 0.01,
    });
    expect(receiver.deliveries().map((d) => d.path)).toEqual(['/hook']);
  });

  it('refuses a port the container does not publish, saying how to publish it', async () => {
    receiver = await startReceiver();
    await expect(
      deliverToContainer(stubStarted(receiver.port), [alertEvent('stub-3')], { port: 9090 }),
    ).rejects.toThrow(/container port 9090 is not published: add \.withExposedPorts\(9090\)/);
  });
});

describe('checkContainer on an already started container', () => {
  it('judges the transport on the container port, and skips public-address with its reason', async () => {
    receiver = await startReceiver();
    const report = await checkContainer(stubStarted(receiver.port), {
      port: 8080,
      only: ['transport'],
      timeScale: 0.01,
    });
    const transport = report.checks.filter((c) => c.id.startsWith('transport.'));
    expect(transport.find((c) => c.id === 'transport.port-allowed')?.result).toBe('pass');
    expect(transport.find((c) => c.id === 'transport.public-address')).toMatchObject({
      result: 'skip',
      title: expect.any(String),
      summary: expect.stringMatching(/^the container was reached through a port published on this machine/),
      evidence: [],
    });
  });
});
