import { GenericContainer, type StartedTestContainer, Wait } from 'testcontainers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkContainer,
  deliverToContainer,
  runScenarioAgainstContainer,
} from '../../src/testing/testcontainers.js';
import { captureFailure } from '../helpers/failure.js';
import '../../src/testing/vitest.js';
import {
  BROKEN_204_IMAGE,
  dockerAvailable,
  ensureTestImages,
  REFERENCE_IMAGE,
  receiveRequiringToken,
} from './images.js';

// Both images are distroless (no shell), so testcontainers' default port probe cannot run in
// them; any HTTP answer on the port means the receiver listens.
const httpUp = (port: number) => Wait.forHttp('/', port).forStatusCodeMatching(() => true);

const EVENT = {
  metadata: { version: 1, issuer: 'crowdsec.net' },
  details: {
    event_id: 'evt-container-1',
    event_type: 'alert_triggered',
    event_timestamp: '2025-01-01T00:00:00Z',
  },
};

describe.skipIf(!dockerAvailable)('checkContainer on the reference receiver image', () => {
  beforeAll(ensureTestImages, 300_000);

  it('scores 100 and is ready for the Console when it requires the credentials the check sends', async () => {
    const token = 'container-token-3d9e';
    const report = await checkContainer(
      new GenericContainer(REFERENCE_IMAGE)
        .withCommand(receiveRequiringToken(token))
        .withWaitStrategy(httpUp(8080)),
      { port: 8080, auth: { type: 'bearer', token } },
    );
    expect(report).toBeConsoleReady();
    expect(report.score).toBe(100);
    expect(report.checks.find((c) => c.id === 'transport.port-allowed')?.result).toBe('pass');
    expect(report.checks.find((c) => c.id === 'transport.public-address')?.result).toBe('skip');
  });

  it('fails transport.port-allowed when the receiver listens on 3000 inside the container', async () => {
    const container = new GenericContainer(REFERENCE_IMAGE)
      .withCommand(['receive', '--host', '0.0.0.0', '--port', '3000'])
      .withWaitStrategy(httpUp(3000));
    const report = await checkContainer(container, {
      port: 3000,
      only: ['transport', 'delivery.accepts.alert_triggered'],
    });
    expect(report.verdict).toBe('not-ready');
    expect(report.blocking).toEqual(['transport.port-allowed']);
  });

  it('judges the port on exposedPort when the container port is published as 8443', async () => {
    const container = new GenericContainer(REFERENCE_IMAGE)
      .withCommand(['receive', '--host', '0.0.0.0', '--port', '3000'])
      .withWaitStrategy(httpUp(3000));
    const report = await checkContainer(container, {
      port: 3000,
      exposedPort: 8443,
      only: ['transport', 'delivery.accepts.alert_triggered'],
    });
    expect(report.checks.find((c) => c.id === 'transport.port-allowed')?.result).toBe('pass');
  });
});

describe.skipIf(!dockerAvailable)('checkContainer on a receiver image that answers 204', () => {
  beforeAll(ensureTestImages, 300_000);

  it('fails every delivery.accepts check, and toBeConsoleReady says which, with evidence', async () => {
    const report = await checkContainer(
      new GenericContainer(BROKEN_204_IMAGE).withWaitStrategy(httpUp(8080)),
      {
        port: 8080,
      },
    );
    const accepts = report.checks.filter((c) => c.id.startsWith('delivery.accepts.'));
    expect(accepts).toHaveLength(15);
    expect(accepts.every((c) => c.result === 'fail')).toBe(true);
    expect(report.verdict).toBe('not-ready');
    const message = captureFailure(() => expect(report).toBeConsoleReady());
    expect(message).toContain('delivery.accepts.alert_triggered [critical]');
    expect(message).toContain('delivery.accepts.payment_failed');
    expect(message).toMatch(/received: .*204/);
    expect(message).toMatch(/Console: .*(retr|again|more time)/);
  });
});

describe.skipIf(!dockerAvailable)('deliverToContainer', () => {
  let started: StartedTestContainer | undefined;

  beforeAll(async () => {
    await ensureTestImages();
    started = await new GenericContainer(BROKEN_204_IMAGE)
      .withExposedPorts(8080)
      .withWaitStrategy(httpUp(8080))
      .start();
  }, 300_000);
  afterAll(async () => {
    await started?.stop({ timeout: 5_000 });
  });

  it('retries a 204 five times against a started container and leaves it running', async () => {
    const [record] = await deliverToContainer(started!, [EVENT], { port: 8080, timeScale: 0.001 });
    expect(record).toHaveAttempts(5);
    expect(record).not.toHaveBeenDelivered();
    const again = await fetch(`http://${started!.getHost()}:${started!.getMappedPort(8080)}/`, {
      method: 'POST',
    });
    expect(again.status).toBe(204);
  });

  it('starts a container definition, delivers, and stops it', async () => {
    const records = await deliverToContainer(
      new GenericContainer(REFERENCE_IMAGE).withWaitStrategy(httpUp(8080)),
      [EVENT, EVENT],
      { port: 8080 },
    );
    expect(records.map((r) => r.result)).toEqual(['delivered', 'delivered']);
  });
});

describe.skipIf(!dockerAvailable)('runScenarioAgainstContainer', () => {
  beforeAll(ensureTestImages, 300_000);

  it('passes retry-then-success with the bundled receiver proxying to the reference container', async () => {
    const result = await runScenarioAgainstContainer(
      new GenericContainer(REFERENCE_IMAGE).withWaitStrategy(httpUp(8080)),
      'retry-then-success',
      { port: 8080, timeScale: 0.01 },
    );
    expect(result.expectations.filter((e) => !e.passed)).toEqual([]);
    expect(result.mode).toBe('proxy');
  });
});
