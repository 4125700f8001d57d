import { afterEach, describe, expect, it } from 'vitest';
import { documentedExample } from '../../src/events/schemas.js';
import type { GroupRow, InboxStats } from '../../src/receiver/inbox-index.js';
import { type Receiver, startReceiver } from '../../src/receiver/index.js';
import { alertEvent, get, post, readEvents, response } from './helpers.js';

let receiver: Receiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

interface Groups {
  stats: InboxStats;
  asOf: number;
  total: number;
  offset: number;
  rows: GroupRow[];
}

async function groups(query = ''): Promise<Groups> {
  const res = response(await get(`${receiver?.url}/_cswm/groups?${query}`));
  expect(res.status, res.body).toBe(200);
  return JSON.parse(res.body) as Groups;
}

function payment(eventId: string): Record<string, unknown> {
  const event = documentedExample('payment_failed') as { details: Record<string, unknown> };
  event.details.event_id = eventId;
  return event;
}

describe('the inbox query API (what the page reads)', () => {
  it('groups the attempts of one event_id into one row, with their answers and the waits between them', async () => {
    receiver = await startReceiver({ faults: [{ fault: { type: 'status', statuses: [503, 503, 200] } }] });
    for (let i = 0; i < 3; i++) await post(receiver.url, alertEvent('g-1'));
    await post(receiver.url, alertEvent('g-2'));
    const { total, rows } = await groups();
    expect(total).toBe(2);
    expect(rows.map((r) => r.eventId)).toEqual(['g-2', 'g-1']);
    const retried = rows[1] as GroupRow;
    expect(retried).toMatchObject({ attempts: 3, duplicate: true, delivered: true, valid: true });
    expect(retried.recent.map((a) => a.answer)).toEqual(['503', '503', '200']);
    expect(retried.recent.map((a) => a.tone)).toEqual(['fail', 'fail', 'ok']);
    expect(retried.recent[0]?.waitMs).toBeNull();
    expect(retried.recent.slice(1).every((a) => typeof a.waitMs === 'number' && a.waitMs >= 0)).toBe(true);
    expect(retried.summary).toBe('Alert triggered: 203.0.113.25 (US, AS64512) ssh-brute-force');
  });

  it('filters by event type, validity, answer and duplicates, and searches the payloads', async () => {
    receiver = await startReceiver({ auth: { type: 'header', name: 'X-Token', value: 'right' } });
    const auth = { headers: { 'x-token': 'right' } };
    await post(receiver.url, alertEvent('a-1'), auth);
    await post(receiver.url, alertEvent('a-1'), auth);
    await post(receiver.url, payment('p-1'), auth);
    await post(receiver.url, { details: { event_id: 'u-1', event_type: 'future_event' } }, auth);
    await post(receiver.url, 'not json at all', auth);
    await post(receiver.url, payment('p-2'));
    const ids = async (query: string) => (await groups(query)).rows.map((r) => r.eventId ?? `#${r.lastSeq}`);
    expect(await ids('type=payment_failed')).toEqual(['p-2', 'p-1']);
    expect(await ids('type=(none)')).toEqual(['#5']);
    expect(await ids('validity=invalid')).toEqual(['#5', 'u-1']);
    expect(await ids('validity=valid')).toEqual(['p-2', 'p-1', 'a-1']);
    expect(await ids('answer=400')).toEqual(['#5']);
    expect(await ids('answer=401%20unauthorized')).toEqual(['p-2']);
    expect(await ids('answer=not-200')).toEqual(['p-2', '#5']);
    expect(await ids('duplicates=only')).toEqual(['a-1']);
    expect(await ids('duplicates=none')).toEqual(['p-2', '#5', 'u-1', 'p-1']);
    expect(await ids('q=FUTURE_EVENT')).toEqual(['u-1']);
    expect(await ids('q=not%20json')).toEqual(['#5']);
    expect(await ids('type=payment_failed&answer=200')).toEqual(['p-1']);
  });

  it('pages through a snapshot that later deliveries do not shift', async () => {
    receiver = await startReceiver();
    for (let i = 1; i <= 5; i++) await post(receiver.url, alertEvent(`s-${i}`));
    const first = await groups('limit=2');
    expect(first.rows.map((r) => r.eventId)).toEqual(['s-5', 's-4']);
    await post(receiver.url, alertEvent('s-6'));
    await post(receiver.url, alertEvent('s-1'));
    const next = await groups(`limit=2&offset=2&asOf=${first.asOf}`);
    expect([next.total, next.rows.map((r) => r.eventId)]).toEqual([5, ['s-3', 's-2']]);
    const now = await groups('limit=3');
    expect([now.total, now.rows.map((r) => r.eventId)]).toEqual([6, ['s-1', 's-6', 's-5']]);
  });

  it('counts per type and answer, and counts what the memory limits dropped', async () => {
    receiver = await startReceiver({ maxRecords: 3, maxEventIds: 2 });
    for (let i = 1; i <= 4; i++) await post(receiver.url, alertEvent(`m-${i}`));
    await post(receiver.url, payment('m-5'));
    const stats = JSON.parse(response(await get(`${receiver.url}/_cswm/stats`)).body) as InboxStats;
    expect(stats).toMatchObject({
      received: 5,
      kept: 3,
      groups: 3,
      droppedDeliveries: 2,
      forgottenEventIds: 3,
      maxRecords: 3,
      maxEventIds: 2,
      valid: 3,
      invalid: 0,
      types: [
        { type: 'alert_triggered', count: 2 },
        { type: 'payment_failed', count: 1 },
      ],
      answers: [{ answer: '200', tone: 'ok', count: 3 }],
    });
    expect((await groups()).rows.map((r) => r.eventId)).toEqual(['m-5', 'm-4', 'm-3']);
  });

  it('refuses memory limits that are not whole numbers of 1 or more', async () => {
    await expect(startReceiver({ maxRecords: 0 })).rejects.toMatchObject({ code: 'ERR_INVALID_OPTION' });
    await expect(startReceiver({ maxEventIds: 1.5 })).rejects.toMatchObject({ code: 'ERR_INVALID_OPTION' });
  });

  it('serves one kept delivery in full, one event with its attempts, and 404 for what was dropped', async () => {
    receiver = await startReceiver({ maxRecords: 2 });
    for (const id of ['d-1', 'd-2', 'd-2']) await post(receiver.url, alertEvent(id));
    const kept = response(await get(`${receiver.url}/_cswm/deliveries/3`));
    expect(JSON.parse(kept.body)).toMatchObject({ seq: 3, eventId: 'd-2', duplicate: true });
    expect(response(await get(`${receiver.url}/_cswm/deliveries/1`)).status).toBe(404);
    const group = response(await get(`${receiver.url}/_cswm/group?key=${encodeURIComponent('e:d-2')}`));
    expect((JSON.parse(group.body) as GroupRow).recent.map((a) => a.seq)).toEqual([2, 3]);
    expect(response(await get(`${receiver.url}/_cswm/group?key=e:d-1`)).status).toBe(404);
  });

  it('answers 400 with one line to a query it cannot read', async () => {
    receiver = await startReceiver();
    for (const query of [
      'limit=0',
      'limit=5000',
      'offset=-1',
      'validity=maybe',
      'duplicates=yes',
      `q=${'x'.repeat(300)}`,
    ]) {
      const res = response(await get(`${receiver.url}/_cswm/groups?${query}`));
      expect(res.status, query).toBe(400);
      expect((JSON.parse(res.body) as { error: string }).error).toMatch(/^[^\n]+ \(|^q: at most/);
    }
    expect(receiver.deliveries()).toEqual([]);
  });

  it('notes changes on /_cswm/changes with the newest seq, without payloads', async () => {
    receiver = await startReceiver();
    const url = receiver.url;
    const text = await readEvents(
      url,
      () => Promise.all(Array.from({ length: 10 }, (_, i) => post(url, alertEvent(`c-${i}`)))),
      (t) => t.includes('"seq":10}'),
      10_000,
      '/_cswm/changes',
    );
    expect(text).toContain('event: change\ndata: {"seq":10}');
    expect(text).not.toContain('c-1');
  });

  it('tells /_cswm/changes readers of a clear', async () => {
    receiver = await startReceiver();
    const url = receiver.url;
    const text = await readEvents(
      url,
      () => post(`${url}/_cswm/deliveries`, '', { method: 'DELETE' }),
      (t) => t.includes('event: clear'),
      10_000,
      '/_cswm/changes',
    );
    expect(text).toContain('event: clear');
  });
});
