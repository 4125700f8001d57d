import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { documentedExample } from '../../src/events/schemas.js';
import { startReceiver } from '../../src/receiver/index.js';
import { CHROMIUM, hasChromium, launchChromium } from '../helpers/browser.js';
import { alertEvent, post } from './helpers.js';

const ARTIFACTS = fileURLToPath(new URL('../../artifacts/', import.meta.url));
if (!hasChromium)
  console.warn(`skipping the inbox page test: ${CHROMIUM} is missing (apt-get install chromium)`);

const CANARY = 'canary-page-s3cret-42d1';

describe.skipIf(!hasChromium)('the live inbox page, in headless Chromium', () => {
  it('shows a delivery sent after the page loaded, without a reload', async () => {
    const receiver = await startReceiver({
      auth: { type: 'header', name: 'Authorization', value: `Bearer ${CANARY}` },
    });
    const browser = await launchChromium();
    try {
      const auth = { authorization: `Bearer ${CANARY}` };
      await post(receiver.url, alertEvent('before-load'), { headers: auth });
      const page = await browser.newPage({ viewport: { width: 1100, height: 700 } });
      const external: string[] = [];
      page.on('request', (req) => {
        if (!req.url().startsWith(receiver.url)) external.push(req.url());
      });
      let loads = 0;
      page.on('load', () => {
        loads += 1;
      });
      await page.goto(`${receiver.url}/_cswm/`);
      await page.locator('#status.live').waitFor({ timeout: 10_000 });
      await expectText(page, 'before-load');

      await post(receiver.url, alertEvent('after-load'), { headers: auth });
      const future = {
        metadata: { version: 1, issuer: 'crowdsec.net' },
        details: { event_type: 'future_event' },
      };
      await post(receiver.url, future, { headers: auth });
      await post(receiver.url, documentedExample('blocking_safe_ip'), { headers: auth });
      await post(receiver.url, alertEvent('after-load'), { headers: auth });
      await post(receiver.url, alertEvent('no-auth'));
      await page.locator('article').nth(5).waitFor({ timeout: 10_000 });

      const first = page.locator('article').first();
      expect(await first.textContent()).toContain('unauthorized');
      expect(await page.locator('article', { hasText: 'duplicate' }).count()).toBe(1);
      expect(await page.locator('article', { hasText: 'future_event' }).textContent()).toContain('not valid');
      expect(loads).toBe(1);
      expect(external).toEqual([]);

      await page
        .locator('article[data-event-type="blocking_safe_ip"] summary')
        .getByText('payload', { exact: true })
        .click();
      expect(await page.content()).not.toContain(CANARY);
      await mkdir(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: `${ARTIFACTS}receiver-inbox.png`, fullPage: false });
    } finally {
      await browser.close();
      await receiver.close();
    }
  });
});

async function expectText(page: import('playwright-core').Page, text: string): Promise<void> {
  await page.locator('article', { hasText: text }).first().waitFor({ timeout: 10_000 });
}
