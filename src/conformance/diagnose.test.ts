import { describe, expect, it } from 'vitest';
import { bodyExcerpt, diagnose, isAccepted, refusalWords } from './diagnose.js';
import { exchange, OK, status, TARGET } from './exchanges.test-helpers.js';
import type { CertificateInfo, TargetInfo } from './types.js';

const target = (extra: Partial<TargetInfo> = {}): TargetInfo => ({ ...TARGET, ...extra });

describe('diagnose: advice chosen from what came back', () => {
  it.each([
    [201, 'answers-201', /answer exactly 200/],
    [202, 'answers-202', /answer exactly 200/],
    [204, 'answers-204', /answer exactly 200/],
    [404, 'answers-404', /path/],
    [405, 'answers-405', /accepts POST/],
    [415, 'answers-415', /application\/json/],
    [429, 'answers-429', /rate limit/],
    [400, 'answers-400', /validate leniently/],
    [422, 'answers-422', /validate leniently/],
    [500, 'answers-500', /see its logs/],
    [502, 'answers-502', /application behind the proxy/],
  ])('answers %i: cause %s', (code, id, advice) => {
    const cause = diagnose(exchange(status(code)), target());
    expect(cause.id).toBe(id);
    expect(cause.advice).toMatch(advice);
    expect(cause.consequence).toContain('will send this event 4 more times');
  });

  it('names where a redirect points, and says the Console does not follow it', () => {
    const cause = diagnose(
      exchange(status(301), { headers: { location: 'https://hooks.example.com/crowdsec' } }),
      target(),
    );
    expect(cause.advice).toContain(
      'configure the Console with the final URL (https://hooks.example.com/crowdsec)',
    );
    expect(cause.advice).toContain('does not follow redirects');
  });

  it('reads a refusal of varied content as about the content once a plain event went through', () => {
    const hint = { what: 'events with an unknown property', fix: 'ignore properties you do not know' };
    const after = target({ auth: 'bearer', plainAccepted: true });
    for (const code of [401, 403, 404, 405, 415]) {
      const cause = diagnose(exchange(status(code)), after, hint);
      expect(cause.summary, String(code)).toBe(`refused events with an unknown property with ${code}`);
      expect(cause.advice).toContain('ignore properties you do not know');
      expect(cause.advice).toContain('not the route or the credentials');
    }
    // Without the plain event, or without the varied content, the status keeps its own reading.
    expect(diagnose(exchange(status(403)), target({ auth: 'bearer' }), hint).id).toBe('credentials-refused');
    expect(diagnose(exchange(status(403)), after).id).toBe('credentials-refused');
    expect(diagnose(exchange(status(413)), after, hint).id).toBe('body-limit');
    expect(diagnose(exchange(status(429)), after, hint).summary).toContain('rate limited');
    // A probe that itself went without credentials is judged as one.
    expect(diagnose(exchange(status(401), { auth: 'none' }), after, hint).id).not.toBe('answers-401');
  });

  it('tells a refused credential apart from a missing one', () => {
    const refused = diagnose(exchange(status(401)), target({ auth: 'bearer' }));
    const missing = diagnose(exchange(status(401)), target({ auth: 'none' }));
    expect(refused).toMatchObject({
      id: 'credentials-refused',
      summary: expect.stringContaining('Bearer token'),
    });
    expect(refused.advice).toContain('check the credentials given to cswm');
    expect(missing.id).toBe('credentials-required');
    expect(missing.advice).toContain('--bearer, --header or --basic');
  });

  it('quotes what a 500 said, folded to one line', () => {
    const cause = diagnose(exchange(status(500), { body: 'Traceback:\n  KeyError: "uuid"\n' }), target());
    expect(cause.summary).toBe('failed with 500 ("Traceback: KeyError: "uuid"")');
  });

  it('names what the check varied when the content was refused', () => {
    const cause = diagnose(exchange(status(400)), target(), {
      what: 'events with an unknown property',
      fix: 'ignore properties you do not know',
    });
    expect(cause.summary).toBe('refused events with an unknown property with 400');
    expect(cause.advice).toBe('ignore properties you do not know');
  });

  it('treats a 413 as a body limit, naming the size and the framework from its error page', () => {
    const express =
      '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Error</title></head><body><pre>PayloadTooLargeError: request entity too large</pre></body></html>';
    const cause = diagnose(exchange(status(413), { body: express, bodyBytes: 110_000 }), target());
    expect(cause.id).toBe('body-limit');
    expect(cause.summary).toBe('refused an event of 110,000 bytes (107.4 KiB) with 413');
    expect(cause.advice).toContain("express.json({ limit: '1mb' })");
    const nginx = diagnose(
      exchange(status(413), {
        body: '<html><center><h1>413 Request Entity Too Large</h1></center><hr><center>nginx</center></html>',
      }),
      target(),
    );
    expect(nginx.advice).toContain('client_max_body_size');
  });

  it.each([
    [
      'Express behind nginx (its page, nginx Server header)',
      'PayloadTooLargeError: request entity too large',
      'nginx/1.22.1',
      "express.json({ limit: '1mb' })",
    ],
    [
      'Express with a JSON error handler',
      '{"type":"entity.too.large","message":"request entity too large"}',
      '',
      "express.json({ limit: '1mb' })",
    ],
    [
      'Fastify',
      '{"statusCode":413,"code":"FST_ERR_CTP_BODY_TOO_LARGE","error":"Payload Too Large","message":"Request body is too large"}',
      '',
      'Fastify: the bodyLimit option',
    ],
    ['nginx with an empty body', '', 'nginx', 'client_max_body_size'],
    [
      'Apache',
      '<title>413 Request Entity Too Large</title><p>The requested resource does not allow request data</p>',
      'Apache/2.4.57',
      null,
    ],
    ['an unknown JSON error behind nginx', '{"error":"too big"}', 'nginx', null],
  ])('names the setting only when the refusal says who refused: %s', (_who, body, server, setting) => {
    const cause = diagnose(exchange(status(413), { body, headers: { server } }), target());
    const named = ['express.json', 'Fastify', 'client_max_body_size'].filter((s) => cause.advice.includes(s));
    expect(named).toEqual(setting === null ? [] : [named[0]]);
    if (setting !== null) expect(cause.advice).toContain(setting);
  });

  it('says how long the timeout was and, on a scaled run, the Console figure', () => {
    const real = diagnose(exchange({ type: 'timeout' }), target());
    const scaled = diagnose(exchange({ type: 'timeout' }), target({ timeoutMs: 300, timeScale: 0.01 }));
    expect(real.summary).toBe('no complete answer within 30s');
    expect(scaled.summary).toBe('no complete answer within 300ms (time scale 0.01: the Console waits 30s)');
    expect(real.advice).toContain('answer first (200 as soon as the event is read)');
  });

  it.each([
    ['refused', 'refused', /start the receiver/],
    ['reset', 'reset', /logs/],
    ['dns', 'dns', /public DNS record/],
    ['protocol', 'malformed', /plain HTTP response/],
  ] as const)('names %s as %s', (type, id, advice) => {
    const cause = diagnose(exchange({ type }), target());
    expect(cause.id).toBe(id);
    expect(cause.advice).toMatch(advice);
  });
});

describe('diagnose: TLS advice from the certificate itself', () => {
  const cert = (extra: Partial<CertificateInfo> = {}): CertificateInfo => ({
    subject: 'hooks.example.com',
    names: ['hooks.example.com', 'www.example.com'],
    issuer: 'Example Issuing CA',
    validFrom: '2024-01-01T00:00:00.000Z',
    validTo: '2025-03-01T00:00:00.000Z',
    selfSigned: false,
    chainLength: 1,
    ...extra,
  });
  const tls = (
    reason: 'expired' | 'hostname-mismatch' | 'self-signed' | 'unknown-ca',
    certificate = cert(),
  ) => diagnose(exchange({ type: 'tls', reason }), target({ certificate, host: 'hooks.example.net' }));

  it('advises renewing an expired certificate, with its notAfter date', () => {
    const cause = tls('expired');
    expect(cause.summary).toBe('the certificate for hooks.example.com expired on 2025-03-01');
    expect(cause.advice).toContain('renew');
    expect(cause.advice).not.toContain('public CA');
  });

  it("names the certificate's names against the host on a mismatch", () => {
    const cause = tls('hostname-mismatch');
    expect(cause.summary).toBe(
      'the certificate names hooks.example.com, www.example.com, not hooks.example.net',
    );
    expect(cause.advice).toContain('issue a certificate that names hooks.example.net');
  });

  it('tells a missing chain from a private CA for an unknown issuer', () => {
    const leafOnly = tls('unknown-ca');
    expect(leafOnly.summary).toContain('the server sent no intermediate certificate');
    expect(leafOnly.advice).toContain('serve the full chain');
    const chained = tls('unknown-ca', cert({ chainLength: 2 }));
    expect(chained.advice).not.toContain('full chain');
    expect(chained.advice).toContain('--ca');
  });

  it('advises a public CA or disabled verification for a self-signed certificate', () => {
    expect(tls('self-signed', cert({ selfSigned: true })).advice).toMatch(
      /public CA.*disable SSL verification/,
    );
  });

  it('keeps to general words when no certificate could be read', () => {
    const cause = diagnose(exchange({ type: 'tls', reason: 'expired' }), target());
    expect(cause.summary).toBe('the certificate has expired (or is not valid yet)');
  });
});

describe('a 200 that says it refused', () => {
  const webhook = exchange(OK, { body: 'Hook rules were not satisfied.' });

  it('is not accepted, and its words are kept', () => {
    expect(isAccepted(webhook)).toBe(false);
    expect(refusalWords(webhook)).toBe('Hook rules were not satisfied.');
    expect(isAccepted(exchange(OK, { body: '{"status":"ok"}' }))).toBe(true);
  });

  it('says the real harm: the Console counts it delivered and never retries, so events are lost silently', () => {
    const cause = diagnose(webhook, target({ auth: 'bearer' }));
    expect(cause.id).toBe('refusal-in-200');
    expect(cause.consequence).toContain('never retried');
    expect(cause.consequence).toContain('lost silently');
    expect(cause.advice).toContain('trigger-rule-mismatch-http-response-code');
    expect(`${cause.summary} ${cause.advice} ${cause.consequence}`).not.toContain('anyone who finds the URL');
  });

  it('asks for credentials when none were given', () => {
    expect(diagnose(webhook, target({ auth: 'none' })).advice).toContain('--bearer, --header or --basic');
  });
});

describe('bodyExcerpt', () => {
  it('reads the visible text of an HTML error page', () => {
    const x = exchange(status(502), {
      body: '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.22.1</center>\r\n</body>\r\n</html>',
    });
    expect(bodyExcerpt(x)).toBe('502 Bad Gateway: 502 Bad Gateway nginx/1.22.1');
  });

  it('has nothing to say about an empty body', () => {
    expect(bodyExcerpt(exchange(status(500), { body: '  \n' }))).toBeUndefined();
  });
});
