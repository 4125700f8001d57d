/**
 * Helpers for the inbox page tests: a fast loopback sender (an undici Pool, bounded in count),
 * a page opened on the inbox that records what it asked for and any script error, and waits
 * that name what they waited for.
 */
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';
import { Pool } from 'undici';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { documentedExample } from '../../src/events/schemas.js';
import { type Receiver, type ReceiverOptions, startReceiver } from '../../src/receiver/index.js';
import { launchChromium } from '../helpers/browser.js';

/** How long an `expect.poll` waits for the page: generous, since both cores may be busy. */
export const UNTIL = { timeout: 15_000, interval: 50 };

/** Screenshots go here (ignored by git). */
export const SHOTS = fileURLToPath(new URL('../../artifacts/inbox/', import.meta.url));

export async function shot(page: Page, name: string): Promise<string> {
  await mkdir(SHOTS, { recursive: true });
  const path = `${SHOTS}${name}.png`;
  await page.screenshot({ path });
  return path;
}

/** Posts every body over `connections` keep-alive connections; returns the statuses counted. */
export async function sendAll(url: string, bodies: string[], connections = 8): Promise<Map<number, number>> {
  const pool = new Pool(url, { connections, pipelining: 1 });
  const statuses = new Map<number, number>();
  let next = 0;
  const worker = async () => {
    while (next < bodies.length) {
      const body = bodies[next++] as string;
      const res = await pool.request({
        path: '/hook',
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json' },
      });
      await res.body.dump();
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
    }
  };
  try {
    await Promise.all(Array.from({ length: connections }, worker));
  } finally {
    await pool.close();
  }
  return statuses;
}

/** The documented alert with its own event_id and source address. */
export function alert(eventId: string, ip = '203.0.113.25'): Record<string, unknown> {
  const event = structuredClone(documentedExample('alert_triggered')) as { details: Record<string, unknown> };
  event.details.event_id = eventId;
  (event.details.source as Record<string, unknown>).value = ip;
  return event;
}

export function payment(eventId: string): Record<string, unknown> {
  const event = structuredClone(documentedExample('payment_failed')) as { details: Record<string, unknown> };
  event.details.event_id = eventId;
  return event;
}

export interface InboxPage {
  page: Page;
  /** Paths (with query) the page requested from the inbox. */
  requests: string[];
  /** Requests that left the receiver's origin (must stay empty). */
  external: string[];
  /** Uncaught script errors (must stay empty). */
  errors: string[];
}

export async function openInbox(
  browser: Browser,
  receiverUrl: string,
  options: { width?: number; height?: number; colorScheme?: 'light' | 'dark' } = {},
): Promise<InboxPage> {
  const page = await browser.newPage({
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    colorScheme: options.colorScheme ?? 'light',
  });
  const result: InboxPage = { page, requests: [], external: [], errors: [] };
  page.on('request', (req) => {
    if (req.url().startsWith(receiverUrl)) result.requests.push(req.url().slice(receiverUrl.length));
    else result.external.push(req.url());
  });
  page.on('pageerror', (error) => result.errors.push(error.message));
  await page.goto(`${receiverUrl}/_cswm/`);
  await page.locator('#status.live').waitFor({ timeout: 15_000 });
  return result;
}

/** Waits until the locator's text contains `text`, failing with what was awaited and what was seen. */
export async function waitForText(locator: Locator, text: string, timeoutMs = 15_000): Promise<void> {
  try {
    await locator.filter({ hasText: text }).first().waitFor({ timeout: timeoutMs });
  } catch {
    const seen = await locator
      .first()
      .textContent({ timeout: 1_000 })
      .catch(() => '(nothing)');
    throw new Error(`waited ${timeoutMs} ms for "${text}" in ${locator}; last seen: ${seen}`);
  }
}

/** The rows with data, in list order. */
export function rows(page: Page): Locator {
  return page.locator('#list .row[data-key]');
}

/** Event ids of the rows in view, in list order (top first). */
export async function rowKeys(page: Page): Promise<string[]> {
  return page.$$eval('#list .row[data-key]', (nodes) =>
    nodes
      .sort((a, b) => Number((a as HTMLElement).dataset.index) - Number((b as HTMLElement).dataset.index))
      .map((n) => (n as HTMLElement).dataset.key ?? ''),
  );
}

/**
 * One Chromium for a describe block, and after each test: every page it opened must have
 * stayed on its own origin and thrown nothing; pages and receivers are closed.
 */
export function useInboxPages() {
  let browser: Browser | undefined;
  let receivers: Receiver[] = [];
  let pages: InboxPage[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    const opened = pages;
    const started = receivers;
    pages = [];
    receivers = [];
    try {
      for (const inbox of opened) {
        expect(inbox.external, 'requests that left the receiver').toEqual([]);
        expect(inbox.errors, 'script errors on the page').toEqual([]);
      }
    } finally {
      for (const inbox of opened) await inbox.page.close();
      for (const receiver of started) await receiver.close();
    }
  });
  const started = (): Browser => {
    if (!browser) throw new Error('Chromium is not started (useInboxPages registers a beforeAll)');
    return browser;
  };
  return {
    get browser(): Browser {
      return started();
    },
    async receiver(options?: ReceiverOptions): Promise<Receiver> {
      const receiver = await startReceiver(options);
      receivers.push(receiver);
      return receiver;
    },
    async open(url: string, options?: Parameters<typeof openInbox>[2]): Promise<InboxPage> {
      const inbox = await openInbox(started(), url, options);
      pages.push(inbox);
      return inbox;
    },
    /** A page opened by the test itself, checked and closed like the others. */
    track(page: Page): InboxPage {
      const inbox: InboxPage = { page, requests: [], external: [], errors: [] };
      page.on('pageerror', (error) => inbox.errors.push(error.message));
      pages.push(inbox);
      return inbox;
    },
  };
}
