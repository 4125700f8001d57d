import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Auth,
  deliver,
  generateEvent,
  parseScenario,
  renderHtml,
  renderJson,
  renderJunit,
  renderText,
  runConformance,
  runScenario,
  sendMany,
  startReceiver,
} from '../../src/index.js';
import { makeTlsMaterial } from '../../src/receiver/certs.js';
import { toHaveBeenDelivered } from '../../src/testing/delivery-matchers.js';
import { describeDelivery } from '../../src/testing/describe-delivery.js';
import { startHttps, type TestServer } from '../delivery/servers.js';
import { CANARY, HEADER_NAME, leaksIn, leaksInDir } from './helpers/canary.js';
import { type HostileServer, startHostile } from './servers/hostile.js';
import { type PlainServer, startPlain } from './servers/plain.js';

/**
 * The same canaries through the library's entry points: every record, summary, report (and its
 * four renderings), recorded delivery, scenario result and thrown error is serialised and
 * searched, as is every file written.
 */

const AUTHS: { name: string; auth: Auth }[] = [
  { name: 'bearer', auth: { type: 'bearer', token: CANARY.bearer } },
  { name: 'header', auth: { type: 'header', name: HEADER_NAME, value: CANARY.header } },
  { name: 'basic', auth: { type: 'basic', username: CANARY.basicUser, password: CANARY.basicPass } },
];

const dir = mkdtempSync(join(tmpdir(), 'cswm-secrets-lib-'));
let plain: PlainServer;
let echo: HostileServer;
let tlsServer: TestServer;
let tlsUrl = '';
beforeAll(async () => {
  plain = await startPlain();
  echo = await startHostile('echo-headers');
  tlsServer = await startHttps(makeTlsMaterial('expired'), (_req, res) => res.end('ok'));
  tlsUrl = tlsServer.url;
});
afterAll(async () => {
  await plain.close();
  await echo.close();
  await tlsServer.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Everything an error could show: message, stack, cause chain, own fields. */
function errorText(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    if (current instanceof Error) {
      parts.push(String(current), current.stack ?? '', JSON.stringify(current));
      current = current.cause;
    } else {
      parts.push(String(current));
      current = undefined;
    }
  }
  return parts.join('\n');
}

async function thrown(fn: () => Promise<unknown>): Promise<string> {
  try {
    await fn();
  } catch (error) {
    return errorText(error);
  }
  return '';
}

const event = generateEvent('alert_triggered', { seed: 11 });
const quick = { allowAnyPort: true, backoff: { delaysMs: [1] }, timeoutMs: 5_000 };

describe('canary secrets through the library', () => {
  it('keeps them out of deliver() records: success, echoed headers, refused, TLS and DNS failures', async () => {
    const outputs: string[] = [];
    for (const { auth } of AUTHS) {
      for (const url of [plain.url, echo.url, echo.url.replace('/hook', '/hook/fail'), tlsUrl]) {
        const record = await deliver(event, { ...quick, url, auth, maxAttempts: 2 });
        outputs.push(JSON.stringify(record), describeDelivery(record));
        outputs.push(toHaveBeenDelivered.call({ isNot: false }, record).message());
      }
      const refused = await deliver(event, {
        ...quick,
        url: 'http://127.0.0.1:1/hook',
        auth,
        maxAttempts: 1,
      });
      const dns = await deliver(event, {
        ...quick,
        url: 'http://cswm-canary.invalid/hook',
        auth,
        maxAttempts: 1,
      });
      outputs.push(JSON.stringify(refused), JSON.stringify(dns));
      expect(refused.attempts[0]?.label).toBe('refused');
    }
    const leaks = leaksIn(outputs.join('\n'));
    console.log(
      `[secrets] library deliver(): ${outputs.length} records and messages searched, ${leaks.length} leaks`,
    );
    expect(leaks).toEqual([]);
  });

  it('keeps them out of the errors deliver() and sendMany() throw for bad URLs and options', async () => {
    const creds = `${CANARY.basicUser}:${CANARY.urlPass}@`;
    const texts = [
      await thrown(() => deliver(event, { url: `ftp://${creds}127.0.0.1/hook` })),
      await thrown(() => deliver(event, { url: `javascript://${creds}x/` })),
      await thrown(() => deliver(event, { url: `http://${creds}127.0.0.1:3000/hook` })),
      await thrown(() => deliver(event, { url: `http://${creds}[::1/hook` })),
      await thrown(() => deliver(event, { url: `http://${creds}127.0.0.1/`, auth: AUTHS[0]!.auth })),
      await thrown(() =>
        deliver(event, { url: plain.url, auth: { type: 'header', name: 'Bad Name', value: CANARY.header } }),
      ),
      await thrown(() =>
        deliver(event, { url: plain.url, auth: { type: 'bearer', token: `${CANARY.bearer}\n` } }),
      ),
      await thrown(() =>
        sendMany([event], { url: `ftp://${creds}127.0.0.1/`, journalPath: join(dir, 'never.ndjson') }),
      ),
    ];
    expect(texts.every((t) => t.length > 0)).toBe(true);
    expect(leaksIn(texts.join('\n'))).toEqual([]);
  });

  it('keeps them out of sendMany() summaries and journals, credentials in the URL included', async () => {
    const creds = `${CANARY.basicUser}:${CANARY.urlPass}@`;
    const outputs: string[] = [];
    for (const { name, auth } of AUTHS) {
      const summary = await sendMany([event, event], {
        ...quick,
        url: echo.url.replace('/hook', '/hook/fail'),
        auth,
        maxAttempts: 2,
        journalPath: join(dir, `many-${name}.ndjson`),
      });
      outputs.push(JSON.stringify(summary));
    }
    const viaUrl = await sendMany([event], {
      ...quick,
      url: echo.url.replace('http://', `http://${creds}`),
      journalPath: join(dir, 'many-url.ndjson'),
    });
    outputs.push(JSON.stringify(viaUrl));
    expect(viaUrl.delivered).toBe(1);
    expect(leaksIn(outputs.join('\n'))).toEqual([]);
    expect(leaksInDir(dir)).toEqual({});
  });

  it('keeps them out of runConformance() reports in all four renderings, against an echoing receiver', async () => {
    const outputs: string[] = [];
    for (const { auth } of AUTHS) {
      for (const url of [echo.url, echo.url.replace('/hook', '/hook/fail')]) {
        const report = await runConformance({ url, auth, allowAnyPort: true, timeoutMs: 5_000 });
        outputs.push(JSON.stringify(report), renderText(report), renderJson(report));
        outputs.push(renderJunit(report), renderHtml(report));
      }
    }
    const leaks = leaksIn(outputs.join('\n'));
    console.log(
      `[secrets] library runConformance(): ${outputs.length} renderings searched, ${leaks.length} leaks`,
    );
    expect(leaks).toEqual([]);
  });

  it('keeps them out of startReceiver() records when auth is required, right or wrong', async () => {
    const outputs: string[] = [];
    // Each receiver is sent its own kind of credentials, right and wrong: a header the receiver
    // was not told carries a secret is recorded as any other header would be.
    const setups: { required: Auth & { type: 'header' | 'basic' }; sent: Auth[] }[] = [
      {
        required: { type: 'header', name: HEADER_NAME, value: CANARY.header },
        sent: [AUTHS[1]!.auth, { type: 'header', name: HEADER_NAME, value: CANARY.wrong }],
      },
      {
        required: { type: 'basic', username: CANARY.basicUser, password: CANARY.basicPass },
        sent: [AUTHS[2]!.auth, { type: 'basic', username: CANARY.basicUser, password: CANARY.wrong }],
      },
      {
        required: { type: 'header', name: 'Authorization', value: `Bearer ${CANARY.bearer}` },
        sent: [AUTHS[0]!.auth, { type: 'bearer', token: CANARY.wrong }],
      },
    ];
    for (const { required, sent } of setups) {
      const receiver = await startReceiver({ auth: required });
      try {
        for (const auth of sent) {
          const record = await deliver(event, { ...quick, url: receiver.url, auth, maxAttempts: 1 });
          outputs.push(JSON.stringify(record));
        }
        const deliveries = receiver.deliveries();
        expect(deliveries.map((d) => d.authorized)).toEqual([true, false]);
        outputs.push(JSON.stringify(deliveries));
        outputs.push(await (await fetch(`${receiver.url}/_cswm/deliveries`)).text());
      } finally {
        await receiver.close();
      }
    }
    expect(leaksIn(outputs.join('\n'))).toEqual([]);
  });

  it('keeps them out of runScenario() results, passed or failed, and of a --target URL', async () => {
    const yaml = (id: string, receiverToken: string, deliveryToken: string) =>
      [
        'version: 1',
        `id: ${id}`,
        'title: canary',
        'description: canary',
        `receiver: { auth: { header: { name: ${HEADER_NAME}, value: ${receiverToken} } } }`,
        'send: [{ event: alert_triggered, seed: 5 }]',
        `delivery: { maxAttempts: 2, auth: { header: { name: ${HEADER_NAME}, value: ${deliveryToken} } } }`,
        'expect: { result: delivered }',
      ].join('\n');
    const outputs: string[] = [];
    const ok = await runScenario(parseScenario(yaml('lib-ok', CANARY.header, CANARY.header)), {
      timeScale: 0.01,
    });
    const bad = await runScenario(parseScenario(yaml('lib-bad', CANARY.header, CANARY.wrong)), {
      timeScale: 0.01,
    });
    expect([ok.passed, bad.passed]).toEqual([true, false]);
    outputs.push(JSON.stringify(ok), JSON.stringify(bad));
    const creds = `${CANARY.basicUser}:${CANARY.urlPass}@`;
    const proxied = await runScenario('retry-then-success', {
      timeScale: 0.01,
      target: echo.url.replace('http://', `http://${creds}`),
    });
    outputs.push(JSON.stringify(proxied));
    outputs.push(await thrown(() => runScenario('retry-then-success', { target: `ftp://${creds}x/` })));
    outputs.push(await thrown(async () => parseScenario(`id: [${CANARY.bearer}`, 'canary.yaml')));
    expect(leaksIn(outputs.join('\n'))).toEqual([]);
  });
});
