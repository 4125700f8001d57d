import { describe, expect, it } from 'vitest';
import { generateEvent } from '../../src/index.js';
import { jsonOfSize, post } from './http.js';
import { receiverFor } from './lifecycle.js';
import { startNodeApp } from './node-apps.js';

const body = JSON.stringify(generateEvent('alert_triggered', { seed: 12 }));

describe('Express 5 with express.json() defaults', () => {
  const receiver = receiverFor(() => startNodeApp('express'));

  it('answers a documented event with 200 OK', async () => {
    expect(await post(receiver().url, body)).toMatchObject({ type: 'answer', status: 200, body: 'OK' });
  });

  it('accepts a 100 kb body and refuses one byte more with 413 (the 100kb default)', async () => {
    expect(await post(receiver().url, jsonOfSize(102_400))).toMatchObject({ status: 200 });
    expect(await post(receiver().url, jsonOfSize(102_401))).toMatchObject({ status: 413 });
  });
});

describe('Fastify 5 with its defaults', () => {
  const receiver = receiverFor(() => startNodeApp('fastify'));

  it('answers a documented event with 200 {"ok":true}', async () => {
    expect(await post(receiver().url, body)).toMatchObject({
      type: 'answer',
      status: 200,
      body: '{"ok":true}',
    });
  });

  it('accepts a 1 MiB body and refuses one byte more with 413 (the bodyLimit default)', async () => {
    expect(await post(receiver().url, jsonOfSize(1_048_576))).toMatchObject({ status: 200 });
    expect(await post(receiver().url, jsonOfSize(1_048_577))).toMatchObject({ status: 413 });
  });
});
