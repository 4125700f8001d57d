import { describe, expect, it } from 'vitest';
import { generateEvent } from '../../src/index.js';
import { logCount, post, waitForLog } from './http.js';
import { receiverFor } from './lifecycle.js';
import { startWebhook } from './webhook.js';

const TOKEN = 'zoo-webhook-token-3f9c';
const body = JSON.stringify(generateEvent('alert_triggered', { seed: 12 }));
const RAN = /executing \/bin\/true/;
const NOT_TRIGGERED = /didn't get triggered because the trigger rules were not satisfied/;

describe('adnanh/webhook with its default hook (a command, no trigger rule)', () => {
  const receiver = receiverFor(() => startWebhook());

  it('answers any POST with an empty 200 and runs the command', async () => {
    expect(await post(receiver().url, body)).toMatchObject({ type: 'answer', status: 200, body: '' });
    await waitForLog(receiver(), RAN);
  });
});

describe('adnanh/webhook with a trigger rule on Authorization: Bearer <token>', () => {
  const receiver = receiverFor(() => startWebhook({ token: TOKEN }));

  it('answers 200 "Hook rules were not satisfied." without credentials, and runs nothing', async () => {
    const answer = await post(receiver().url, body);
    expect(answer).toMatchObject({ type: 'answer', status: 200, body: 'Hook rules were not satisfied.' });
    await waitForLog(receiver(), NOT_TRIGGERED, 1);
    expect(logCount(receiver(), RAN)).toBe(0);
  });

  it('answers the same 200 to a wrong token', async () => {
    const answer = await post(receiver().url, body, {
      headers: { authorization: `Bearer ${TOKEN}-rotated` },
    });
    expect(answer).toMatchObject({ type: 'answer', status: 200, body: 'Hook rules were not satisfied.' });
    await waitForLog(receiver(), NOT_TRIGGERED, 2);
    expect(logCount(receiver(), RAN)).toBe(0);
  });

  it('runs the command for the right token, answering an empty 200', async () => {
    const answer = await post(receiver().url, body, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(answer).toMatchObject({ type: 'answer', status: 200, body: '' });
    await waitForLog(receiver(), RAN);
  });
});
