import { describe, expect, it } from 'vitest';
import { generateEvent } from '../../src/index.js';
import { startFlask } from './flask.js';
import { post } from './http.js';
import { receiverFor } from './lifecycle.js';

const TOKEN = 'zoo-flask-token-81d2';
const body = JSON.stringify(generateEvent('alert_triggered', { seed: 12 }));

describe('Flask answering return "", 204', () => {
  const receiver = receiverFor(() => startFlask('answers_204'));

  it('answers a documented event with an empty 204', async () => {
    expect(await post(receiver().url, body)).toMatchObject({ type: 'answer', status: 204, body: '' });
  });
});

describe('Flask checking Authorization: Bearer <token>', () => {
  const receiver = receiverFor(() => startFlask('bearer', { token: TOKEN }));

  it('answers 401 without credentials', async () => {
    expect(await post(receiver().url, body)).toMatchObject({ type: 'answer', status: 401 });
  });

  it('answers 401 to a mistyped token', async () => {
    const answer = await post(receiver().url, body, {
      headers: { authorization: `Bearer ${TOKEN.slice(0, -1)}` },
    });
    expect(answer).toMatchObject({ type: 'answer', status: 401 });
  });

  it('answers 200 {"ok": true} to the right token', async () => {
    const answer = await post(receiver().url, body, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(answer.type === 'answer' && [answer.status, JSON.parse(answer.body)]).toEqual([200, { ok: true }]);
  });
});

describe('Flask working before it answers', () => {
  const SLOW_SECONDS = 0.3;
  const receiver = receiverFor(() => startFlask('slow', { slowSeconds: SLOW_SECONDS }));

  it('answers 200 only after SLOW_SECONDS', async () => {
    const answer = await post(receiver().url, body);
    expect(answer).toMatchObject({ type: 'answer', status: 200 });
    expect(answer.type === 'answer' && answer.durationMs).toBeGreaterThanOrEqual(SLOW_SECONDS * 1000);
  });
});
