import { GenericContainer, type StartedTestContainer, Wait } from 'testcontainers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROKEN_204_IMAGE, dockerAvailable, ensureTestImages } from './images.js';

describe.skipIf(!dockerAvailable)('the Docker engine and the locally imported images', () => {
  let container: StartedTestContainer | undefined;

  beforeAll(async () => {
    await ensureTestImages();
    container = await new GenericContainer(BROKEN_204_IMAGE)
      .withExposedPorts(8080)
      .withWaitStrategy(Wait.forLogMessage(/listening on 8080/))
      .withStartupTimeout(60_000)
      .start();
  }, 300_000);

  afterAll(async () => {
    await container?.stop({ timeout: 5_000 });
  });

  it('runs the host node binary in an imported image and publishes its port', async () => {
    const url = `http://${container!.getHost()}:${container!.getMappedPort(8080)}/`;
    const response = await fetch(url, { method: 'POST', body: '{}' });
    expect(response.status).toBe(204);
  });
});
