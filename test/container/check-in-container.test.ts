/**
 * checkInContainer(): the checker image runs next to the receiver container on one Docker
 * network (no host networking, no published port) and its JSON report comes back parsed.
 */
import {
  GenericContainer,
  Network,
  type StartedNetwork,
  type StartedTestContainer,
  Wait,
} from 'testcontainers';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { checkInContainer } from '../../src/testing/testcontainers.js';
import '../../src/testing/vitest.js';
import {
  BROKEN_204_IMAGE,
  ensureTestImages,
  REFERENCE_IMAGE,
  receiveRequiringToken,
} from '../testcontainers/images.js';
import { CSWM_IMAGE, describeWithImage } from './docker.js';

// Both test images log a line once they listen; the wait needs no published port.
const listening = Wait.forLogMessage(/listening on/);

describeWithImage('checkInContainer', () => {
  beforeAll(ensureTestImages, 300_000);

  it('checks a receiver definition on a network made for it: ready, reached by its alias', async () => {
    // The receiver requires the token the checker sends, so the run scores 100 (without
    // credentials, auth.required would fail and keep it under 100).
    const token = 'container-checker-token-8a2f';
    const receiver = new GenericContainer(REFERENCE_IMAGE)
      .withCommand(receiveRequiringToken(token))
      .withWaitStrategy(listening);
    const report = await checkInContainer(receiver, {
      port: 8080,
      path: '/crowdsec',
      image: CSWM_IMAGE,
      auth: { type: 'bearer', token },
    });
    expect(report).toBeConsoleReady();
    expect(report.score).toBe(100);
    expect(report.target.url).toBe('http://receiver:8080/crowdsec');
    expect(report.checks.find((c) => c.id === 'transport.public-address')).toMatchObject({
      result: 'skip',
      summary: expect.stringMatching(/^the container was reached at its address on a Docker network/),
    });
  }, 180_000);

  it('reports every delivery.accepts check failed for a receiver that answers 204', async () => {
    const report = await checkInContainer(
      new GenericContainer(BROKEN_204_IMAGE).withWaitStrategy(listening),
      {
        port: 8080,
        image: CSWM_IMAGE,
        only: ['delivery.accepts'],
        timeScale: 0.1,
      },
    );
    expect(report.verdict).toBe('not-ready');
    expect(report.checks.map((c) => c.result)).toEqual(Array(15).fill('fail'));
  }, 180_000);

  it('refuses an option the checker refuses, with its one line, as an input error', async () => {
    await expect(
      checkInContainer(new GenericContainer(REFERENCE_IMAGE).withWaitStrategy(listening), {
        port: 8080,
        image: CSWM_IMAGE,
        // A custom type's id passes the type and is checked when the run starts.
        only: ['delivery.accepts.no-such-check'],
      }),
    ).rejects.toMatchObject({
      code: 'ERR_CONTAINER',
      isInputError: true,
      message: expect.stringMatching(/exited 2: cswm: .*no-such-check/),
    });
  }, 180_000);

  it('says how to build the checker image when it is not on the engine, and pulls nothing', async () => {
    await expect(
      checkInContainer(new GenericContainer(REFERENCE_IMAGE).withWaitStrategy(listening), {
        port: 8080,
        image: 'cswm-test-no-such-image:never',
      }),
    ).rejects.toMatchObject({
      code: 'ERR_CONTAINER',
      message: expect.stringContaining('docker build -t cswm-test-no-such-image:never .'),
    });
  }, 180_000);
});

describeWithImage('checkInContainer with a receiver the test started', () => {
  let network: StartedNetwork | undefined;
  let started: StartedTestContainer | undefined;

  beforeAll(async () => {
    await ensureTestImages();
    network = await new Network().start();
    started = await new GenericContainer(REFERENCE_IMAGE)
      .withNetwork(network)
      .withWaitStrategy(listening)
      .start();
  }, 300_000);
  afterAll(async () => {
    await started?.stop({ timeout: 5_000 });
    await network?.stop();
  }, 60_000);

  it('joins its network, reaches it at its address there, and leaves it running', async () => {
    const report = await checkInContainer(started!, {
      port: 8080,
      image: CSWM_IMAGE,
      only: ['delivery.accepts.alert_triggered', 'transport'],
    });
    const address = started!.getIpAddress(network!.getName());
    expect(report.target.url).toBe(`http://${address}:8080/`);
    expect(report.checks.map((c) => [c.id, c.result])).toEqual([
      ['transport.port-allowed', 'pass'],
      ['transport.public-address', 'skip'],
      ['delivery.accepts.alert_triggered', 'pass'],
    ]);
    const again = await started!.exec(['/usr/bin/node', '-e', 'process.exit(0)']);
    expect(again.exitCode).toBe(0);
  }, 180_000);
});
