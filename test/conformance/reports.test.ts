import { once } from 'node:events';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ConformanceReport,
  renderHtml,
  renderJson,
  renderText,
  runConformance,
  writeReports,
} from '../../src/conformance/index.js';
import { CHROMIUM, hasChromium, launchChromium } from '../helpers/browser.js';

// ajv and ajv-formats are CommonJS: the default import is module.exports, whose `default` is the export.
const Ajv2020 = Ajv2020Module.default;
const addFormats = addFormatsModule.default;

const TOKEN = 'canary-report-token-5c1d';
const HOSTILE = `<b>&"'</b>]]>\u0001`;

let server: Server;
let report: ConformanceReport;
let dir: string;

// A receiver with a mix of results: bearer auth enforced, a 202 with an XML-hostile body for
// alert_triggered (so escaping is exercised), 200 for everything else.
beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      if (req.headers.authorization !== `Bearer ${TOKEN}`) return void res.writeHead(401).end(`no ${TOKEN}`);
      const alert = body.includes('"event_type":"alert_triggered"') && !body.includes('x_cswm_future_field');
      if (alert) res.writeHead(202, { 'content-type': 'text/plain' }).end(HOSTILE);
      else res.writeHead(200).end('ok');
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  report = await runConformance({
    url: `http://127.0.0.1:${port}/`,
    auth: { type: 'bearer', token: TOKEN },
    allowAnyPort: true,
    checkOptions: { 'load.burst': { count: 10 } },
  });
  dir = await mkdtemp(join(tmpdir(), 'cswm-report-'));
  await writeReports(report, ['text', 'json', 'junit', 'html'], dir);
});

afterAll(async () => {
  server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('report files', () => {
  it('has a mix of passes, failures and skips to render', () => {
    expect(report.counts.failed).toBeGreaterThan(0);
    expect(report.counts.passed).toBeGreaterThan(0);
    expect(report.counts.skipped).toBeGreaterThan(0);
  });

  it('writes the four files and leaves no temporary file behind', async () => {
    expect((await readdir(dir)).sort()).toEqual([
      'conformance-report.html',
      'conformance-report.json',
      'conformance-report.junit.xml',
      'conformance-report.txt',
    ]);
  });

  it('never shows the token in any format', async () => {
    for (const file of await readdir(dir))
      expect(await readFile(join(dir, file), 'utf8')).not.toContain(TOKEN);
  });

  it('writes JSON that validates against schemas/report.schema.json', async () => {
    const schema = JSON.parse(
      await readFile(new URL('../../schemas/report.schema.json', import.meta.url), 'utf8'),
    );
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const json = JSON.parse(await readFile(join(dir, 'conformance-report.json'), 'utf8'));
    expect(validate(json) ? [] : validate.errors).toEqual([]);
    expect(json).toEqual(JSON.parse(renderJson(report)));
  });

  it('writes JUnit XML whose counts match the run, parsed by a real XML parser', async () => {
    const xml = await readFile(join(dir, 'conformance-report.junit.xml'), 'utf8');
    const parser = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      isArray: (n) => ['testsuite', 'testcase'].includes(n),
    });
    const doc = parser.parse(xml);
    const root = doc.testsuites;
    // A blocked check is a skipped case, with "not judged: <cause>" as its message.
    expect([Number(root.tests), Number(root.failures), Number(root.skipped)]).toEqual([
      report.counts.checks,
      report.counts.failed,
      report.counts.skipped + report.counts.blocked,
    ]);
    const cases = root.testsuite.flatMap((s: { testcase: unknown[] }) => s.testcase) as Record<
      string,
      unknown
    >[];
    expect(cases).toHaveLength(report.counts.checks);
    expect(cases.filter((c) => 'failure' in c)).toHaveLength(report.counts.failed);
    expect(cases.filter((c) => 'skipped' in c)).toHaveLength(report.counts.skipped + report.counts.blocked);
    const blocked = cases.find((c) => String(c.name).startsWith('load.burst'))!.skipped as Record<
      string,
      string
    >;
    expect(blocked.message).toBe('not judged: answered 202 instead of 200');
    const failure = cases.find((c) => String(c.name).startsWith('delivery.accepts.alert_triggered'))!
      .failure as Record<string, string>;
    expect(failure.message).toContain('202');
    // The body is quoted as a JSON string in the evidence; the parser gives back exactly that text.
    expect(failure['#text']).toContain(JSON.stringify(HOSTILE).slice(1, -1));
  });

  it('opens the text with the root cause and its fix, lists every check once and ends with the verdict', () => {
    const lines = renderText(report).trimEnd().split('\n');
    expect(lines.slice(0, 6).join('\n')).toMatch(
      /Fix first\n {2}1\. answered 202 instead of 200 .*\n +fix +answer exactly 200/,
    );
    expect(lines.at(-1)).toMatch(/^Score \d+\/100: not ready for the Console/);
    // Each check on one line of its own, or in its family's folded line (delivery.accepts.* (13 of 15)).
    const list = lines.slice(lines.indexOf('Checks'));
    for (const check of report.checks) {
      const own = list.filter((l) =>
        new RegExp(`^ {2}[A-Z]+ +[a-z]+ +${check.id.replaceAll('.', '\\.')} `).test(l),
      );
      const family = check.id.slice(0, check.id.lastIndexOf('.'));
      const folded = list.filter(
        (l) => l.includes(` ${family}.* (`) && l.includes(check.result.toUpperCase()),
      );
      expect([check.id, own.length || folded.length]).toEqual([check.id, 1]);
    }
    expect(renderText(report)).not.toContain('\u001b[');
    expect(renderText(report, { color: true })).toContain('\u001b[31mFAIL');
  });

  it('escapes hostile text in the HTML', () => {
    const html = renderHtml(report);
    expect(html).not.toContain('<b>&');
    expect(html).toContain('&lt;b&gt;&amp;');
  });
});

describe('the HTML report in headless Chromium', () => {
  it.skipIf(!hasChromium)(
    'renders the score and SVG timelines with no console error and no network request',
    async () => {
      const browser = await launchChromium();
      try {
        const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
        const fileUrl = pathToFileURL(join(dir, 'conformance-report.html')).href;
        const requests: string[] = [];
        const errors: string[] = [];
        page.on('request', (r) => {
          if (r.url() !== fileUrl) requests.push(r.url());
        });
        page.on('console', (m) => {
          if (m.type() === 'error') errors.push(m.text());
        });
        page.on('pageerror', (e) => errors.push(e.message));
        await page.goto(fileUrl, { waitUntil: 'load' });
        expect(await page.locator('[data-score]').getAttribute('data-score')).toBe(String(report.score));
        expect(await page.locator('.verdict').textContent()).toBe('not ready for the Console');
        expect(await page.locator('svg.timeline rect').count()).toBeGreaterThan(0);
        const box = await page.locator('details[open] svg.timeline').first().boundingBox();
        expect(box?.width).toBeGreaterThan(100);
        await page.locator('details#check-load\\.burst > summary').click();
        await mkdir(new URL('../../artifacts/', import.meta.url), { recursive: true });
        await page.screenshot({
          path: new URL('../../artifacts/conformance-report.png', import.meta.url).pathname,
          fullPage: true,
        });
        expect(errors).toEqual([]);
        expect(requests).toEqual([]);
      } finally {
        await browser.close();
      }
    },
  );
  if (!hasChromium) console.log(`skipping the Chromium test: ${CHROMIUM} is missing`);
});
