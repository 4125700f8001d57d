import { describe, expect, it } from 'vitest';
import { deliver } from '../../src/delivery/deliver.js';
import { CHROMIUM, hasChromium } from '../helpers/browser.js';
import { post } from './helpers.js';
import { alert, payment, rowKeys, rows, UNTIL, useInboxPages, waitForText } from './page-helpers.js';

if (!hasChromium)
  console.warn(`skipping the inbox page tests: ${CHROMIUM} is missing (apt-get install chromium)`);

const CANARY = 'canary-page-s3cret-42d1';

describe.skipIf(!hasChromium)('the inbox page, in headless Chromium', () => {
  const suite = useInboxPages();

  it('groups the retries of one event into one row, with their answers and the waits between them', async () => {
    const receiver = await suite.receiver({
      faults: [{ fault: { type: 'status', statuses: [503, 503, 200] } }],
    });
    const inbox = await suite.open(receiver.url);
    const { page } = inbox;
    // Sent after the page loaded, by the project's own sender: three attempts with real waits.
    const record = await deliver(alert('retry-1'), {
      url: `${receiver.url}/hook`,
      allowAnyPort: true,
      timeScale: 0.05,
    });
    expect(record.attempts.length).toBe(3);
    const row = page.locator('#list .row[data-key="e:retry-1"]');
    await waitForText(row, '×3');
    expect(await row.locator('.att').allTextContents()).toEqual(['503', '503', '200']);
    const waits = await row.locator('.wait').allTextContents();
    expect(waits).toHaveLength(2);
    for (const wait of waits) expect(wait).toMatch(/^\d+(\.\d)? (ms|s)$/);
    expect(await rows(page).count()).toBe(1);

    await row.click();
    await waitForText(page.locator('#detail .facts'), 'delivered on attempt 3');
    expect(await page.locator('#detail-title').textContent()).toBe(
      'Alert triggered: 203.0.113.25 (US, AS64512) ssh-brute-force',
    );
    expect(await page.locator('#detail .attempt').count()).toBe(3);
    expect(await page.locator('#detail .attempt .tag.dup').count()).toBe(2);
    // The latest attempt is shown; picking the first shows its answer.
    await page.locator('#detail .attempt').first().click();
    await waitForText(page.locator('#detail .said'), 'Answered 503');
  });

  it('filters by event type, validity, answer and duplicates, and counts each type', async () => {
    const receiver = await suite.receiver();
    for (const id of ['a-1', 'a-2', 'a-2']) await post(`${receiver.url}/hook`, alert(id));
    for (const id of ['p-1', 'p-2']) await post(`${receiver.url}/hook`, payment(id));
    await post(`${receiver.url}/hook`, { details: { event_id: 'u-1', event_type: 'future_event' } });
    await post(`${receiver.url}/hook`, '{not json');
    const inbox = await suite.open(receiver.url);
    const { page } = inbox;
    await waitForText(page.locator('#count'), '6 events · 7 deliveries');
    const typeOptions = await page.locator('#f-type option').allTextContents();
    expect(typeOptions).toEqual(
      expect.arrayContaining([
        'alert_triggered (3)',
        'payment_failed (2)',
        'future_event (1)',
        'not an event (1)',
      ]),
    );

    const only = async (select: string, value: string, count: string) => {
      await page.selectOption(select, value);
      await waitForText(page.locator('#count'), `${count} match`);
      const keys = await rowKeys(page);
      await page.selectOption(select, '');
      await waitForText(page.locator('#count'), '6 events · 7 deliveries');
      return keys;
    };
    expect(await only('#f-type', 'payment_failed', '2 events')).toEqual(['e:p-2', 'e:p-1']);
    expect(await only('#f-validity', 'invalid', '2 events')).toEqual(['s:7', 'e:u-1']);
    expect(await only('#f-answer', '400', '1 event')).toEqual(['s:7']);
    expect(await only('#f-duplicates', 'only', '1 event')).toEqual(['e:a-2']);

    // The overview's bars are filters too.
    await page.locator('#detail .bars button', { hasText: 'future_event' }).click();
    await waitForText(page.locator('#count'), '1 event match');
    expect(await page.locator('#f-type').inputValue()).toBe('future_event');
  });

  it('searches the payloads, ignoring case', async () => {
    const receiver = await suite.receiver();
    await post(`${receiver.url}/hook`, alert('s-1', '198.51.100.77'));
    await post(`${receiver.url}/hook`, alert('s-2'));
    await post(`${receiver.url}/hook`, payment('s-3'));
    const inbox = await suite.open(receiver.url);
    const { page } = inbox;
    await waitForText(page.locator('#count'), '3 events');
    await page.locator('#q').fill('198.51.100.77');
    await expect.poll(() => rowKeys(page), UNTIL).toEqual(['e:s-1']);
    await page.locator('#q').fill('PAYMENT_failed');
    await expect.poll(() => rowKeys(page), UNTIL).toEqual(['e:s-3']);
    expect(await page.locator('#count').textContent()).toBe('1 event match · 3 in all');
    await page.locator('#q').fill('nothing like this');
    await waitForText(page.locator('#empty'), 'Nothing matches these filters.');
    expect(await rows(page).count()).toBe(0);
  });

  it('moves with the keyboard: / searches, up and down move, Enter opens, Escape leaves the search', async () => {
    const receiver = await suite.receiver();
    for (const id of ['k-1', 'k-2', 'k-3'])
      await post(`${receiver.url}/hook`, alert(id, `192.0.2.${id.slice(2)}`));
    const inbox = await suite.open(receiver.url);
    const { page } = inbox;
    await waitForText(page.locator('#count'), '3 events');
    const focused = () => page.evaluate(() => document.activeElement?.id ?? '');

    await page.keyboard.press('/');
    expect(await focused()).toBe('q');
    await page.keyboard.press('Escape');
    expect(await focused()).toBe('list');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.locator('.row.cursor').getAttribute('data-key'), UNTIL).toBe('e:k-2');
    expect(await page.locator('#list').getAttribute('aria-activedescendant')).toBe('row-1');
    await page.keyboard.press('Enter');
    await waitForText(page.locator('#detail-title'), '192.0.2.2');
    expect(await page.locator('.row.open').getAttribute('data-key')).toBe('e:k-2');

    await page.locator('#list').focus();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await waitForText(page.locator('#detail-title'), '192.0.2.3');
    expect(await page.locator('.row[aria-selected="true"]').getAttribute('data-key')).toBe('e:k-3');

    // From the search box, Enter searches and Down goes on to the results.
    await page.keyboard.press('/');
    await page.keyboard.type('192.0.2.1');
    await page.keyboard.press('Enter');
    await waitForText(page.locator('#count'), '1 event match');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await waitForText(page.locator('#detail-title'), '192.0.2.1');
  });

  it('shows new deliveries live without a reload, and holds still while scrolled down', async () => {
    const receiver = await suite.receiver();
    for (let i = 1; i <= 40; i++) await post(`${receiver.url}/hook`, alert(`l-${i}`));
    const inbox = await suite.open(receiver.url);
    const { page } = inbox;
    let loads = 0;
    page.on('load', () => {
      loads += 1;
    });
    await waitForText(page.locator('#count'), '40 events');
    await post(`${receiver.url}/hook`, alert('live-1'));
    await waitForText(page.locator('#count'), '41 events');
    expect((await rowKeys(page))[0]).toBe('e:live-1');

    await page.locator('#list').evaluate((list) => {
      list.scrollTop = 1200;
    });
    await expect.poll(() => rows(page).first().getAttribute('data-key'), UNTIL).not.toBe('e:live-1');
    const before = await rowKeys(page);
    await post(`${receiver.url}/hook`, alert('live-2'));
    await waitForText(page.locator('#newer'), '1 new');
    expect(await rowKeys(page)).toEqual(before);
    await page.locator('#newer').click();
    await waitForText(page.locator('#count'), '42 events');
    await expect.poll(async () => (await rowKeys(page))[0], UNTIL).toBe('e:live-2');
    expect(await page.locator('#newer').isHidden()).toBe(true);
    expect(loads).toBe(0);
  });

  it('shows the answer, the validation errors on their fields and the headers, never a secret', async () => {
    const receiver = await suite.receiver({
      auth: { type: 'header', name: 'Authorization', value: `Bearer ${CANARY}` },
    });
    const broken = alert('v-1');
    const details = broken.details as Record<string, unknown>;
    (details.source as Record<string, unknown>).as_number = 'sixty-four';
    delete details.scenario;
    await post(`${receiver.url}/hook`, broken, {
      headers: { authorization: `Bearer ${CANARY}`, 'x-api-key': CANARY },
    });
    await post(`${receiver.url}/hook`, alert('v-2'), { headers: { authorization: 'Bearer wrong' } });
    const inbox = await suite.open(receiver.url);
    const { page } = inbox;
    const bodies: string[] = [];
    page.on(
      'response',
      (res) =>
        void res.text().then(
          (t) => bodies.push(t),
          () => undefined,
        ),
    );
    await rows(page).filter({ hasText: 'unauthorized' }).click();
    await waitForText(page.locator('#detail .said'), 'Answered 401');

    await page.locator('#list .row[data-key="e:v-1"]').click();
    await waitForText(page.locator('#detail h3'), 'Validation: 2 errors');
    const errors = page.locator('#detail .errors li');
    expect((await errors.allTextContents()).sort()).toEqual([
      '$.details.scenario missing required property "scenario"',
      '$.details.source.as_number must be integer or null (got "sixty-four")',
    ]);
    // Each error sits on its field's line (a missing field: on the object that lacks it).
    const onField = page.locator('.jl.jerr', { hasText: '"as_number"' });
    await waitForText(onField, 'must be integer or null');
    await waitForText(
      page.locator('.jl.jerr', { hasText: '"details"' }),
      '$.details.scenario: missing required',
    );
    const headers = Object.fromEntries(
      (await page
        .locator('#detail .headers tr')
        .evaluateAll((trs) =>
          trs.map((tr) => [tr.children[0]?.textContent, tr.children[1]?.textContent]),
        )) as [string, string][],
    );
    expect(headers.authorization).toBe('Bearer [REDACTED]');
    expect(headers['x-api-key']).toBe('[REDACTED]');
    expect(await page.content()).not.toContain(CANARY);
    expect(bodies.length).toBeGreaterThan(0);
    expect(bodies.join('\n')).not.toContain(CANARY);
  });

  it('shows export and re-send (routes every receiver serves), and the sender profile only while learning', async () => {
    const receiver = await suite.receiver();
    await post(`${receiver.url}/hook`, alert('x-1'));
    const inbox = await suite.open(receiver.url);
    await inbox.page.locator('#export').waitFor({ state: 'visible', timeout: 15_000 });
    await rows(inbox.page).first().click();
    await waitForText(inbox.page.locator('#detail h3'), 'Headers');
    expect(await inbox.page.locator('#resend-form').count()).toBe(1);
    expect(inbox.requests.filter((r) => /resend|profile|format=ndjson/.test(r)).length).toBe(3);
    await inbox.page.keyboard.press('Escape');
    // Not learning: /_cswm/profile answers 404, so there is no profile panel.
    expect(await inbox.page.locator('#profile').count()).toBe(0);
  });

  it('re-sends a recorded delivery for real and shows the profile a learning receiver forms', async () => {
    const target = await suite.receiver();
    const learning = await suite.receiver({ learn: { probes: ['accept'] }, allowAnyPort: true });
    const formed = new Promise<void>((resolve) => learning.onProfileChange(resolve));
    await post(`${learning.url}/hook`, alert('learn-1'), { headers: { 'user-agent': 'page-test-sender/1' } });
    await formed;
    const { page } = await suite.open(learning.url);
    await waitForText(page.locator('#profile'), 'page-test-sender/1');
    await rows(page).first().click();
    const form = page.locator('#resend-form');
    await form.locator('input').fill(`${target.url}/copy`);
    await form.locator('button').click();
    await waitForText(form.locator('output.ok'), 'delivered (200)');
    expect(target.deliveries().map((d) => d.body)).toEqual([learning.deliveries()[0]?.body]);
  });

  it('drives the export, re-send and profile routes as their contract says, when they answer', async () => {
    const receiver = await suite.receiver();
    await post(`${receiver.url}/hook`, alert('y-1'));
    const { page } = suite.track(await suite.browser.newPage({ viewport: { width: 1280, height: 800 } }));
    const sent: unknown[] = [];
    // Stand-ins for the routes another part of the receiver serves (same contract).
    await page.route(/\/_cswm\/deliveries\?format=ndjson$/, (route) =>
      route.fulfill({ status: 200, contentType: 'application/x-ndjson', body: '' }),
    );
    await page.route('**/_cswm/profile', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({
          userAgent: 'CrowdSec-Console/1.0',
          timeoutMs: 30000,
          form: 'wrapped',
          maxConcurrentConnections: 4,
          headers: { 'content-type': 'application/json' },
          waitsMs: { summary: { median: 1000 } },
          differences: ['waits 1.5x longer than the emitter (1500 ms vs 1000 ms)', 'User-Agent differs'],
        }),
      }),
    );
    await page.route('**/_cswm/resend', async (route) => {
      const body = route.request().postDataJSON() as { seq?: number; url?: string };
      sent.push(body);
      if (body.url === undefined)
        return route.fulfill({
          status: 400,
          contentType: 'application/json',
          body: '{"error":"url is required"}',
        });
      if (body.url.includes('refused'))
        return route.fulfill({
          status: 400,
          contentType: 'application/json',
          body: '{"error":"port 1 is not allowed"}',
        });
      return route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: '{"outcome":"status-503","status":503,"durationMs":12.4}',
      });
    });
    await page.goto(`${receiver.url}/_cswm/`);
    await page.locator('#export').waitFor({ state: 'visible', timeout: 15_000 });
    expect(await page.locator('#export').getAttribute('href')).toBe('deliveries?format=ndjson');
    await waitForText(page.locator('#profile .diffs'), 'waits 1.5x longer');
    expect(await page.locator('#profile .diffs li').count()).toBe(2);
    await waitForText(page.locator('#profile dl'), 'CrowdSec-Console/1.0');

    await rows(page).first().click();
    const form = page.locator('#resend-form');
    await form.locator('input').fill('http://127.0.0.1:8080/webhook');
    await form.locator('button').click();
    await waitForText(form.locator('output'), 'status-503 (503) in 12 ms');
    expect(sent.at(-1)).toEqual({ seq: 1, url: 'http://127.0.0.1:8080/webhook' });
    await form.locator('input').fill('http://127.0.0.1:1/refused');
    await form.locator('button').click();
    await waitForText(form.locator('output.fail'), 'port 1 is not allowed');
  });
});
