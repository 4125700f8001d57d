/**
 * The bad-input matrix: for every command, malformed values of every flag and bad input files.
 * `{URL}` is the counting receiver's URL, `{DIR}` a fresh folder for this case's outputs,
 * `{F:name}` one of the fixture files below. Every case must exit 2 with one line on stderr.
 */

export interface BadCase {
  command: string;
  /** What is wrong, for the test's name. */
  what: string;
  args: string[];
}

/** Files the cases read (written by the test before the runs). */
export const FIXTURES: Record<string, string | Buffer> = {
  'binary.bin': Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7919 + 13) % 256)),
  'invalid.json': '{"details": {"event_id": "x", ',
  'invalid.ndjson': '{"details":{"event_id":"a","event_type":"alert_triggered"}}\nnot json at all\n',
  'schema-invalid.ndjson':
    '{"metadata":{"version":1,"issuer":"crowdsec.net"},"details":{"event_type":"alert_triggered"}}\n',
  'empty.json': '',
  'not-a-cert.pem': 'this is not a certificate\n',
  'bad-yaml.yaml': 'version: 1\nid: [unclosed\n  title: "x\n',
  'schema-invalid.yaml':
    'version: 1\nid: bad-field\ntitle: t\ndescription: d\nreceiver: { respond: [200] }\nsend: [{ event: alert_triggered }]\nexpect: { result: delivered }\nsurprise: true\n',
  'unknown-event.yaml':
    'version: 1\nid: unknown-event\ntitle: t\ndescription: d\nreceiver: { respond: [200] }\nsend: [{ event: no_such_event }]\nexpect: { result: delivered }\n',
  'bad-fault.yaml':
    'version: 1\nid: bad-fault\ntitle: t\ndescription: d\nreceiver: { fault: explode }\nsend: [{ event: alert_triggered }]\nexpect: { result: delivered }\n',
  'bad-duration.yaml':
    'version: 1\nid: bad-duration\ntitle: t\ndescription: d\nreceiver: { delay: soon }\nsend: [{ event: alert_triggered }]\nexpect: { result: delivered }\n',
  'list.yaml': '- 1\n- 2\n',
  // Custom event schemas (--schema) that cannot be used.
  'not-json.schema.json': '{ "type": "object", ',
  'meta-invalid.schema.json':
    '{"type":"object","properties":{"event_type":{"const":"x_y"},"n":{"type":"int"}}}',
  'array-root.schema.json': '{"type":"array","items":{}}',
  'untyped.schema.json': '{"type":"object","properties":{"key_name":{"type":"string"}}}',
  'documented.schema.json': '{"type":"object","properties":{"event_type":{"const":"alert_triggered"}}}',
  'not-a-profile.json': '{"profileVersion":1,"waitsMs":{"summary":[-5]}}\n',
  'truncated-recording.ndjson':
    '{"format":"cswm-recorded-delivery/1","seq":1,"receivedAt":"2025-06-01T12:00:00.000Z","body":"{","bodyBytes":99999999,"bodySha256":"x","bodyTruncated":true}\n',
  'edited-recording.ndjson':
    '{"format":"cswm-recorded-delivery/1","seq":1,"receivedAt":"2025-06-01T12:00:00.000Z","body":"{}","bodyBytes":2,"bodySha256":"0000"}\n',
  'alias.yaml': '*missing_anchor\n',
  // A billion-laughs alias bomb: 9 levels of 9 aliases each.
  'alias-bomb.yaml': Array.from({ length: 9 }, (_, i) =>
    i === 0
      ? 'a0: &a0 [x, x, x, x, x, x, x, x, x]'
      : `a${i}: &a${i} [${Array(9)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
  ).join('\n'),
};

const DURATIONS = ['30', 'abc', '-1s', '1e999s', '25h', '1.5.2s', '', 's'];
const COUNTS = ['0', '-1', '1.5', 'abc', '99999999999999999999', '1e3', ''];
const BAD_URLS = [
  'not a url',
  'file:///etc/passwd',
  'ftp://127.0.0.1/hook',
  'javascript:alert(1)',
  'http://[::1/hook',
  'http://127.0.0.1:65536/hook',
  'http://127.0.0.1:3000/hook',
  'http://127.0.0.1:0/hook',
  '',
];
const BAD_SETS = ['no-equals', '=1', 'a..b=1', '__proto__.polluted=1', 'details.watchers[x]=1', '.x=1'];

function each(command: string, base: string[], flag: string, values: string[], what = flag): BadCase[] {
  return values.map((v) => ({ command, what: `${what} ${JSON.stringify(v)}`, args: [...base, flag, v] }));
}

const SEND = [
  'send',
  'alert_triggered',
  '--url',
  '{URL}',
  '--allow-any-port',
  '--journal',
  '{DIR}/journal.ndjson',
];
const CHECK = [
  'check',
  '--url',
  '{URL}',
  '--allow-any-port',
  '--report',
  'text,json,junit,html',
  '--out',
  '{DIR}',
];
const RECEIVE = ['receive', '--port', '0'];
const SCENARIO = ['scenario', 'run', 'retry-then-success', '--time-scale', '0.01', '--target', '{URL}'];

export const BAD_CASES: BadCase[] = [
  // events and generate
  { command: 'events', what: 'an extra argument', args: ['events', 'extra'] },
  { command: 'events', what: 'an unknown flag', args: ['events', '--bogus'] },
  { command: 'generate', what: 'an unknown event type', args: ['generate', 'no_such_event'] },
  { command: 'generate', what: 'no event type', args: ['generate'] },
  ...each('generate', ['generate', 'alert_triggered'], '--count', COUNTS),
  ...each('generate', ['generate', 'alert_triggered'], '--seed', ['-1', 'x', '1.5']),
  ...each('generate', ['generate', 'alert_triggered'], '--now', ['yesterday', '2024-13-45T00:00:00Z', '']),
  ...each('generate', ['generate', 'alert_triggered'], '--set', BAD_SETS),
  {
    command: 'generate',
    what: '--set a value the schema refuses',
    args: ['generate', 'alert_triggered', '--set', 'details.scenario_confidence="very"'],
  },
  // validate
  { command: 'validate', what: 'a missing file', args: ['validate', '{DIR}/missing.json'] },
  { command: 'validate', what: 'a directory', args: ['validate', '{DIR}'] },
  { command: 'validate', what: 'a binary file', args: ['validate', '{F:binary.bin}'] },
  { command: 'validate', what: 'invalid JSON', args: ['validate', '{F:invalid.json}'] },
  { command: 'validate', what: 'an empty file', args: ['validate', '{F:empty.json}'] },
  // send
  {
    command: 'send',
    what: 'an unknown event type',
    args: ['send', 'no_such_event', '--url', '{URL}', '--allow-any-port'],
  },
  { command: 'send', what: 'no --url', args: ['send', 'alert_triggered'] },
  // With --allow-any-port, 3000 is a fine port (and nothing listens there): left out here.
  ...each(
    'send',
    ['send', 'alert_triggered', '--allow-any-port'],
    '--url',
    BAD_URLS.filter((u) => !u.includes(':3000/')),
  ),
  {
    command: 'send',
    what: 'a port the Console refuses',
    args: ['send', 'alert_triggered', '--url', 'http://127.0.0.1:3000/hook'],
  },
  {
    command: 'send',
    what: 'credentials in the URL and --bearer',
    args: ['send', 'alert_triggered', '--url', 'http://u:p@127.0.0.1:8080/', '--bearer', 'tok-1234'],
  },
  ...each('send', SEND, '--count', COUNTS),
  ...each('send', SEND, '--concurrency', ['0', '-1', '10001', 'x']),
  ...each('send', SEND, '--rate', ['0', '-1', 'abc', 'Infinity', '']),
  ...each('send', SEND, '--seed', ['-1', 'x']),
  ...each('send', SEND, '--set', BAD_SETS),
  {
    command: 'send',
    what: '--set a value the schema refuses',
    args: [...SEND, '--set', 'details.source={"x":1}'],
  },
  ...each('send', SEND, '--timeout', DURATIONS),
  ...each('send', SEND, '--attempts', ['0', '-1', '101', 'x']),
  ...each('send', SEND, '--backoff', ['1s,,2s', 'x', '', '1s,-2s']),
  ...each('send', SEND, '--backoff-base', ['x', '-1s']),
  ...each('send', SEND, '--backoff-factor', ['0', '-2', '101', 'x']),
  ...each('send', SEND, '--jitter', ['2', '-0.5', 'x']),
  ...each('send', SEND, '--time-scale', ['0', '-1', 'abc', '1e9']),
  ...each('send', SEND, '--header', ['no-colon', ': value', 'Name:', 'Bad Name: v', 'Content-Type: x']),
  ...each('send', SEND, '--basic', ['no-colon', ':pass']),
  ...each('send', SEND, '--bearer', ['']),
  { command: 'send', what: 'two auth methods', args: [...SEND, '--bearer', 'a-token', '--basic', 'u:p'] },
  ...each('send', SEND, '--ca', ['{DIR}/missing.pem', '{F:not-a-cert.pem}', '{F:binary.bin}']),
  {
    command: 'send',
    what: '--journal in a missing folder',
    args: [
      'send',
      'alert_triggered',
      '--url',
      '{URL}',
      '--allow-any-port',
      '--journal',
      '{DIR}/no/such/j.ndjson',
    ],
  },
  {
    command: 'send',
    what: '--journal that is a directory',
    args: ['send', 'alert_triggered', '--url', '{URL}', '--allow-any-port', '--journal', '{DIR}'],
  },
  {
    command: 'send',
    what: 'a missing file',
    args: [...SEND.slice(0, 1), '{DIR}/missing.ndjson', ...SEND.slice(2)],
  },
  { command: 'send', what: 'a binary file', args: ['send', '{F:binary.bin}', ...SEND.slice(2)] },
  { command: 'send', what: 'invalid JSON', args: ['send', '{F:invalid.json}', ...SEND.slice(2)] },
  { command: 'send', what: 'invalid NDJSON', args: ['send', '{F:invalid.ndjson}', ...SEND.slice(2)] },
  {
    command: 'send',
    what: 'events that do not match their schema',
    args: ['send', '{F:schema-invalid.ndjson}', ...SEND.slice(2)],
  },
  { command: 'send', what: 'an empty file', args: ['send', '{F:empty.json}', ...SEND.slice(2)] },
  ...each('send', SEND, '--profile', [
    '{DIR}/missing.json',
    '{F:binary.bin}',
    '{F:invalid.json}',
    '{F:not-a-profile.json}',
  ]),
  { command: 'send', what: '--keep-timing for generated events', args: [...SEND, '--keep-timing'] },
  {
    command: 'send',
    what: 'a recording with a body kept in part',
    args: ['send', '{F:truncated-recording.ndjson}', ...SEND.slice(2)],
  },
  {
    command: 'send',
    what: 'a recording with an edited body',
    args: ['send', '{F:edited-recording.ndjson}', ...SEND.slice(2)],
  },
  // receive (each would listen forever if accepted)
  ...each('receive', ['receive'], '--port', ['-1', '65536', 'abc', '1.5', '']),
  ...each('receive', RECEIVE, '--tls', ['bogus', '']),
  ...each('receive', RECEIVE, '--cert', ['{DIR}/missing.pem']),
  {
    command: 'receive',
    what: '--cert and --key that are not PEM',
    args: [...RECEIVE, '--cert', '{F:not-a-cert.pem}', '--key', '{F:binary.bin}'],
  },
  {
    command: 'receive',
    what: '--tls with --cert',
    args: [...RECEIVE, '--tls', 'expired', '--cert', '{F:not-a-cert.pem}', '--key', '{F:not-a-cert.pem}'],
  },
  ...each('receive', RECEIVE, '--respond', ['abc', '99', '200,', '600', '']),
  ...each('receive', RECEIVE, '--delay', DURATIONS),
  ...each('receive', RECEIVE, '--fault', ['explode', '']),
  ...each('receive', [...RECEIVE, '--fault', 'reset'], '--times', ['0', '-1', 'x']),
  ...each(
    'receive',
    RECEIVE,
    '--proxy',
    BAD_URLS.filter((u) => !/:(3000|0)\//.test(u)),
  ),
  ...each('receive', RECEIVE, '--require-header', ['no-colon', 'Name:', 'Bad Name: v']),
  ...each('receive', RECEIVE, '--require-basic', ['no-colon', ':pass']),
  ...each('receive', RECEIVE, '--auth-status', ['500', '200', 'x']),
  ...each('receive', RECEIVE, '--record', ['{DIR}', '{DIR}/no/such/dir/r.ndjson']),
  ...each('receive', RECEIVE, '--profile-out', ['{DIR}/p.json'], '--profile-out without --learn'),
  ...each('receive', [...RECEIVE, '--learn'], '--profile-out', ['{DIR}', '{DIR}/no/such/dir/p.json']),
  ...each('receive', [...RECEIVE, '--learn'], '--learn-probes', ['explode', '', 'retry,,timeout']),
  ...each('receive', [...RECEIVE, '--learn'], '--time-scale', ['0', '-1', 'x', '101']),
  ...each('receive', RECEIVE, '--time-scale', ['0.5'], '--time-scale without --learn'),
  ...each('receive', [...RECEIVE, '--learn'], '--respond', ['503'], '--learn with --respond'),
  ...each('receive', [...RECEIVE, '--learn'], '--proxy', ['http://127.0.0.1:8080/'], '--learn with --proxy'),
  // scenario
  { command: 'scenario', what: 'no scenario', args: ['scenario', 'run'] },
  { command: 'scenario', what: 'an unknown id', args: ['scenario', 'run', 'no-such-scenario'] },
  { command: 'scenario', what: 'an unknown subcommand', args: ['scenario', 'explode'] },
  { command: 'scenario', what: 'a missing file', args: ['scenario', 'run', '{DIR}/missing.yaml'] },
  ...[
    'bad-yaml.yaml',
    'schema-invalid.yaml',
    'unknown-event.yaml',
    'bad-fault.yaml',
    'bad-duration.yaml',
    'list.yaml',
    'alias.yaml',
    'alias-bomb.yaml',
    'binary.bin',
  ].map(
    (f): BadCase => ({
      command: 'scenario',
      what: `the file ${f}`,
      args: ['scenario', 'run', `{F:${f}}`, '--time-scale', '0.01'],
    }),
  ),
  {
    command: 'scenario',
    what: 'a good id next to a bad file (nothing runs)',
    args: [
      'scenario',
      'run',
      'retry-then-success',
      '{F:bad-yaml.yaml}',
      '--time-scale',
      '0.01',
      '--target',
      '{URL}',
    ],
  },
  ...each('scenario', SCENARIO, '--time-scale', ['0', '-1', 'abc', '']),
  ...each('scenario', SCENARIO, '--profile', ['{DIR}/missing.json', '{F:not-a-profile.json}']),
  ...each(
    'scenario',
    ['scenario', 'run', 'retry-then-success', '--time-scale', '0.01'],
    '--target',
    BAD_URLS.filter((u) => !/:(3000|0)\//.test(u)),
  ),
  // check
  ...each(
    'check',
    ['check', '--allow-any-port', '--out', '{DIR}', '--report', 'json'],
    '--url',
    BAD_URLS.filter((u) => !/:(3000|0)\//.test(u)),
  ),
  {
    command: 'check',
    what: 'a port the Console refuses',
    args: ['check', '--url', 'http://127.0.0.1:3000/hook', '--out', '{DIR}', '--report', 'json'],
  },
  ...each('check', CHECK, '--only', ['nope', 'payload,nope']),
  ...each('check', CHECK, '--skip', ['nope']),
  ...each('check', CHECK, '--time-scale', ['0', '-1', 'abc']),
  ...each('check', CHECK, '--timeout', DURATIONS),
  ...each('check', ['check', '--url', '{URL}', '--allow-any-port', '--out', '{DIR}'], '--report', [
    'pdf',
    '',
    ',',
  ]),
  {
    command: 'check',
    what: 'report files without --out',
    args: ['check', '--url', '{URL}', '--allow-any-port', '--report', 'json'],
  },
  {
    command: 'check',
    what: '--out that is a file',
    args: ['check', '--url', '{URL}', '--allow-any-port', '--report', 'json', '--out', '{F:binary.bin}'],
  },
  ...each('check', CHECK, '--ca', ['{DIR}/missing.pem', '{F:not-a-cert.pem}']),
  ...each('check', CHECK, '--header', ['no-colon', 'Bad Name: v']),
  ...each('check', CHECK, '--basic', ['no-colon']),
  ...each('check', CHECK, '--profile', ['{DIR}/missing.json', '{F:not-a-profile.json}']),
  {
    command: 'check',
    what: 'two auth methods',
    args: [...CHECK, '--bearer', 'a-token', '--header', 'X-K: v'],
  },
  // --schema: every command that takes it refuses a schema it cannot use, before anything else
  ...['events', 'generate', 'validate', 'send', 'check', 'scenario'].flatMap((command) =>
    each(
      command,
      {
        events: ['events'],
        generate: ['generate', 'all'],
        validate: ['validate', '{F:empty.json}'],
        send: SEND,
        check: CHECK,
        scenario: SCENARIO,
      }[command]!,
      '--schema',
      [
        '{F:not-json.schema.json}',
        '{F:meta-invalid.schema.json}',
        '{F:array-root.schema.json}',
        '{F:untyped.schema.json}',
        '{F:documented.schema.json}',
        '{DIR}/missing.schema.json',
      ],
    ),
  ),
  ...each('generate', ['generate', 'all'], '--type', ['x_y'], '--type without --schema'),
];
