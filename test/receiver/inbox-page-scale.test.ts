import { describe, expect, it } from 'vitest';
import { CHROMIUM, hasChromium } from '../helpers/browser.js';
import { alert, rowKeys, sendAll, UNTIL, useInboxPages, waitForText } from './page-helpers.js';

if (!hasChromium)
  console.warn(`skipping the inbox scale tests: ${CHROMIUM} is missing (apt-get install chromium)`);

const COUNT = 10_000;

/** A distinct address for delivery i: 10.x.y.z. */
function ip(i: number): string {
  return `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
}

describe.skipIf(!hasChromium)('the inbox page at scale, in headless Chromium', () => {
  const suite = useInboxPages();

  it('stays responsive with 10,000 deliveries arriving live: few rows in the DOM, small answers, refreshes bounded by notes, not by deliveries', async () => {
    const receiver = await suite.receiver();
    const inbox = await suite.open(receiver.url);
    const { page } = inbox;
    const sizes: { path: string; bytes: number }[] = [];
    page.on('response', (res) => {
      const path = res.url().slice(receiver.url.length);
      if (/^\/_cswm\/(groups|group|deliveries|stats)/.test(path)) {
        void res.body().then(
          (body) => sizes.push({ path, bytes: body.length }),
          () => undefined,
        );
      }
    });
    const bodies = Array.from({ length: COUNT }, (_, i) => JSON.stringify(alert(`big-${i}`, ip(i))));
    const statuses = await sendAll(receiver.url, bodies);
    expect(statuses.get(200)).toBe(COUNT);
    await waitForText(page.locator('#count'), '10,000 events · 10,000 deliveries', 60_000);

    // Virtual: only the rows in view (and a few around them) exist.
    expect(await page.locator('#list .row').count()).toBeLessThan(60);
    expect(await page.evaluate(() => document.getElementsByTagName('*').length)).toBeLessThan(3_000);
    // The page asked for what it shows when told of changes (at most ten notes a second), never per delivery.
    const queries = inbox.requests.filter((r) => r.startsWith('/_cswm/groups')).length;
    console.log(
      `[inbox scale] ${COUNT} deliveries: ${queries} list queries, ${sizes.length} answers measured`,
    );
    expect(queries).toBeLessThan(COUNT / 20);
    // No answer carries the inbox: a page of rows is a few dozen KiB however many are kept.
    expect(Math.max(...sizes.map((s) => s.bytes))).toBeLessThan(100_000);
    expect((await rowKeys(page))[0]).toBe(`e:big-${COUNT - 1}`);

    // The oldest is at the very bottom, fetched when scrolled to.
    await page.locator('#list').evaluate((list) => {
      list.scrollTop = list.scrollHeight;
    });
    await expect.poll(async () => (await rowKeys(page)).at(-1), UNTIL).toBe('e:big-0');

    // The keyboard reaches rows wherever the list is.
    await page.locator('#list').focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowUp');
    const key = (await page.locator('.row.cursor').getAttribute('data-key', UNTIL)) ?? '';
    const n = Number(/^e:big-(\d+)$/.exec(key)?.[1]);
    expect(n).toBeLessThan(30);
    await page.keyboard.press('Enter');
    await waitForText(page.locator('#detail-title'), `${ip(n)} `);

    // Search finds one delivery among 10,000; a filter counts them all.
    await page.locator('#q').fill(ip(1234));
    await expect.poll(() => rowKeys(page), UNTIL).toEqual(['e:big-1234']);
    await page.locator('#q').fill('');
    await page.selectOption('#f-type', 'alert_triggered');
    await waitForText(page.locator('#count'), '10,000 events match');
  }, 240_000);

  it('counts on the page what the memory limits dropped', async () => {
    const receiver = await suite.receiver({ maxRecords: 50, maxEventIds: 30 });
    const bodies = Array.from({ length: 200 }, (_, i) => JSON.stringify(alert(`drop-${i}`, ip(i))));
    await sendAll(receiver.url, bodies, 4);
    const inbox = await suite.open(receiver.url);
    const { page } = inbox;
    await waitForText(page.locator('#drops'), '150 oldest deliveries dropped (keeps 50)');
    await waitForText(page.locator('#drops'), '170 event ids forgotten (keeps 30)');
    await waitForText(page.locator('#memory'), '200 received · 50 kept · 150 dropped');
    await waitForText(page.locator('#count'), '50 events · 50 deliveries');
  });
});
