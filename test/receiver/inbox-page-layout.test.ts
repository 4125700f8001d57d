import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliver } from '../../src/delivery/deliver.js';
import { EVENT_TYPES } from '../../src/events/catalog.js';
import { generateEvent } from '../../src/events/generator.js';
import { type Receiver, startReceiver } from '../../src/receiver/index.js';
import { CHROMIUM, hasChromium, launchChromium } from '../helpers/browser.js';
import { post } from './helpers.js';
import { alert, openInbox, shot, waitForText } from './page-helpers.js';

if (!hasChromium)
  console.warn(`skipping the inbox layout tests: ${CHROMIUM} is missing (apt-get install chromium)`);

let browser: Browser;
let receiver: Receiver;

/** What a person would check by eye, measured: nothing wider than the screen, text big enough and legible. */
async function measure(page: Page, selectors: string[]) {
  return page.evaluate((keys) => {
    const rgb = (css: string) => (css.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
    const luminance = (css: string) => {
      const [r, g, b] = rgb(css).map((v) => {
        const c = v / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      }) as [number, number, number];
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    /** The first opaque background behind an element. */
    const backdrop = (node: Element | null): string => {
      for (let n = node; n; n = n.parentElement) {
        const bg = getComputedStyle(n).backgroundColor;
        if (!/rgba\(.*,\s*0\)$/.test(bg) && bg !== 'transparent') return bg;
      }
      return getComputedStyle(document.body).backgroundColor;
    };
    const contrast = (node: Element) => {
      const a = luminance(getComputedStyle(node).color);
      const b = luminance(backdrop(node));
      return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    };
    const doc = document.documentElement;
    const overflowing = [
      doc,
      document.body,
      ...Array.from(document.querySelectorAll('.panes, .list, .detail, .card')),
    ]
      .filter((n) => n.scrollWidth > n.clientWidth + 1)
      .map((n) => `${n.tagName.toLowerCase()}.${n.className}`);
    const elements = keys.map((selector) => {
      const node = document.querySelector(selector);
      const box = node?.getBoundingClientRect();
      return {
        selector,
        visible:
          !!box &&
          box.width > 0 &&
          box.height > 0 &&
          box.left >= 0 &&
          box.right <= innerWidth + 1 &&
          box.top >= 0 &&
          box.top < innerHeight,
        fontPx: node ? Number.parseFloat(getComputedStyle(node).fontSize) : 0,
        contrast: node ? contrast(node) : 0,
      };
    });
    return { overflowing, elements, page: luminance(getComputedStyle(document.body).backgroundColor) };
  }, selectors);
}

function expectReadable(result: Awaited<ReturnType<typeof measure>>, scheme: 'light' | 'dark'): void {
  expect(result.overflowing, 'elements wider than their box').toEqual([]);
  for (const e of result.elements) {
    expect(e.visible, `${e.selector} visible inside the viewport`).toBe(true);
    expect(e.fontPx, `${e.selector} font size`).toBeGreaterThanOrEqual(12);
    expect(e.contrast, `${e.selector} contrast`).toBeGreaterThanOrEqual(4.5);
  }
  if (scheme === 'dark') expect(result.page).toBeLessThan(0.05);
  else expect(result.page).toBeGreaterThan(0.85);
}

const VIEWPORTS = [
  { name: '1280x800', width: 1280, height: 800, wide: true },
  { name: '390x844', width: 390, height: 844, wide: false },
] as const;

describe.skipIf(!hasChromium)('the inbox page layout, light and dark, desktop and phone', () => {
  beforeAll(async () => {
    browser = await launchChromium();
    receiver = await startReceiver({
      faults: [{ fault: { type: 'status', statuses: [503, 503, 200] }, eventType: 'alert_triggered' }],
    });
    const url = `${receiver.url}/hook`;
    for (const [i, type] of EVENT_TYPES.entries()) {
      if (type !== 'alert_triggered') await post(url, generateEvent(type, { seed: i + 1 }));
    }
    const broken = alert('layout-broken');
    (broken.details as Record<string, Record<string, unknown>>).source!.as_number = 'sixty-four';
    await post(url, broken);
    await post(url, '{"truncated": ');
    await deliver(generateEvent('alert_triggered', { seed: 3 }), {
      url,
      allowAnyPort: true,
      timeScale: 0.05,
    });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await receiver?.close();
  });

  for (const viewport of VIEWPORTS) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`${viewport.name} ${scheme}: no horizontal overflow, key parts visible and legible`, async () => {
        const inbox = await openInbox(browser, receiver.url, { ...viewport, colorScheme: scheme });
        const { page } = inbox;
        try {
          await waitForText(page.locator('#count'), '17 events · 19 deliveries');
          await page.locator('#list .row[data-key]').nth(5).waitFor();
          const list = [
            '.brand h1',
            '#q',
            '#count',
            '#list .row[data-key] .sum',
            '#list .row[data-key] time',
            '#list .att',
          ];
          const overview = viewport.wide ? ['.otitle', '.tile .v', '.bars .name'] : ['#show-overview'];
          expectReadable(await measure(page, [...list, ...overview]), scheme);
          await shot(page, `inbox-${viewport.name}-${scheme}-list`);
          if (!viewport.wide) {
            // On a phone the overview is a view of its own.
            await page.locator('#show-overview').click();
            await page.locator('.otitle').waitFor();
            expectReadable(await measure(page, ['#back', '.otitle', '.tile .v', '.bars .name']), scheme);
            await shot(page, `inbox-${viewport.name}-${scheme}-overview`);
            await page.locator('#back').click();
            await page.locator('#list').waitFor({ state: 'visible' });
          }

          await page.locator('#list .row', { hasText: '×3' }).click();
          await waitForText(page.locator('#detail .facts'), 'delivered on attempt 3');
          const detail = ['#detail-title', '#detail .facts', '#detail .card h3', '#detail .tl .att'];
          const result = await measure(page, viewport.wide ? [...list, ...detail] : [...detail, '#back']);
          expectReadable(result, scheme);
          if (!viewport.wide) expect(await page.locator('#list').isVisible()).toBe(false);
          await shot(page, `inbox-${viewport.name}-${scheme}-detail`);

          if (!viewport.wide) {
            await page.locator('#back').click();
            await page.locator('#list').waitFor({ state: 'visible' });
          }
          await page.locator('#list .row[data-key="e:layout-broken"]').click();
          await waitForText(page.locator('#detail h3'), 'Validation: 1 error');
          // The error's path scrolls its field into view.
          await page.locator('#detail .errors .path').click();
          expectReadable(await measure(page, ['.jl.jerr', '.jl.jerr .jmsg']), scheme);
          await shot(page, `inbox-${viewport.name}-${scheme}-invalid`);
          expect(inbox.errors).toEqual([]);
          expect(inbox.external).toEqual([]);
        } finally {
          await page.close();
        }
      });
    }
  }
});
