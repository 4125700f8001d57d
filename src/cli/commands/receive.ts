import type { Command } from 'commander';
import { InvalidOptionError } from '../../errors.js';
import type { Receiver, ReceiverOptions, RecordedDelivery } from '../../receiver/index.js';
import { DEFAULT_MAX_EVENT_IDS, DEFAULT_MAX_RECORDS } from '../../receiver/recorder.js';
import { redactUrl } from '../../util/redact.js';
import { painter } from '../../util/style.js';
import { parseCount, parsePositiveNumber, readCertificateFiles } from '../options.js';
import { useColor } from '../output.js';
import { onStopSignals } from '../signals.js';
import {
  LEARN_HELP,
  learnOptions,
  learnProbesOf,
  type ProfileWriter,
  profileSummary,
  startProfileOut,
} from './receive-learn.js';

interface ReceiveFlags {
  port: number;
  host: string;
  tls?: string;
  cert?: string;
  key?: string;
  caDir?: string;
  respond?: string;
  delay?: string;
  fault?: string;
  times?: string;
  path?: string;
  eventType?: string;
  proxy?: string;
  requireHeader?: string;
  requireBasic?: string;
  authStatus?: string;
  maxRecords: number;
  maxEventIds: number;
  record?: string;
  learn?: boolean;
  learnProbes?: string;
  profileOut?: string;
  timeScale?: number;
  allowAnyPort?: boolean;
  json?: boolean;
}

/** Where generated CA files go when --ca-dir is not given (this repository ignores it in git). */
const DEFAULT_CA_DIR = '.cswm';

/** `cswm receive`: the mock receiver on a port, one line per delivery, until Ctrl-C or SIGTERM. */
export function register(program: Command): void {
  program
    .command('receive')
    .description(
      'run the mock receiver: records and validates deliveries, answers as told (faults, TLS, auth)',
    )
    .option('--port <n>', 'port to listen on (0 picks a free one)', parseCount('--port', 0, 65_535), 8080)
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option(
      '--tls <mode>',
      'serve https with a generated certificate: valid, self-signed, expired, wrong-host, untrusted-ca',
    )
    .option('--cert <file>', 'serve https with your own certificate (PEM; with --key)')
    .option('--key <file>', 'private key of --cert (PEM)')
    .option('--ca-dir <dir>', `where to write the generated CA certificates (default ${DEFAULT_CA_DIR})`)
    .option(
      '--respond <statuses>',
      'statuses by attempt order for each event, e.g. 503,503,200 (the last repeats)',
    )
    .option('--delay <duration>', 'wait this long before answering, e.g. 31s')
    .option('--fault <name>', 'hang, reset, malformed, huge-body or drop-response')
    .option('--times <n>', 'apply the fault to the first N matching requests only')
    .option('--path <path>', 'apply the fault to requests to this path only')
    .option('--event-type <type>', 'apply the fault to events of this type only')
    .option('--proxy <url>', 'forward deliveries the fault lets through to this upstream receiver')
    .option('--require-header <header>', 'require this header, e.g. "Authorization: Bearer <token>"')
    .option('--require-basic <user:pass>', 'require Basic auth with these credentials')
    .option('--auth-status <status>', 'status for missing or wrong credentials: 401 or 403', '401')
    .option(
      '--max-records <n>',
      'keep the newest N deliveries for the inbox; older ones are dropped and counted on the page',
      parseCount('--max-records', 1, 10_000_000),
      DEFAULT_MAX_RECORDS,
    )
    .option(
      '--max-event-ids <n>',
      'remember the newest N event_ids for duplicate marks and --respond sequences; older ones are forgotten',
      parseCount('--max-event-ids', 1, 10_000_000),
      DEFAULT_MAX_EVENT_IDS,
    )
    .option(
      '--record <file>',
      'append every delivery to FILE as NDJSON (exact body, headers with credentials redacted, the answer); cswm send FILE replays it',
    )
    .option('--learn', 'learn the sender: answer new events with failures and measure it (see below)')
    .option(
      '--learn-probes <list>',
      'how new events are answered, in order: retry, timeout, redirect, accept (default retry,timeout,redirect; each may repeat)',
    )
    .option(
      '--profile-out <file>',
      'with --learn: write the profile (JSON) at start, on each change and at stop',
    )
    .option(
      '--time-scale <f>',
      "with --learn: the sender's time scale; measured waits and timeouts are divided by it",
      parsePositiveNumber('--time-scale', 100),
    )
    .option('--allow-any-port', "let the inbox's re-send target ports the Console would refuse (local tests)")
    .option('--json', 'one JSON object per line (NDJSON): listening, then one per delivery')
    .addHelpText('after', LEARN_HELP)
    .action(async (flags: ReceiveFlags) => {
      const [lib, parse] = await Promise.all([
        import('../../receiver/index.js'),
        import('./receive-options.js'),
      ]);
      const options = await toOptions(flags, parse);
      const receiver = await lib.startReceiver(options);
      const writer = await startProfileOut(receiver, flags).catch(async (error: unknown) => {
        await receiver.close();
        throw error;
      });
      announce(receiver, options, flags, lib.explainRule);
      const print = flags.json ? printJsonLine : humanLine(useColor());
      // Counted here: the receiver keeps only the newest --max-records.
      let received = 0;
      receiver.onDelivery((delivery) => {
        received += 1;
        print(delivery);
      });
      await untilSignal(receiver, Boolean(flags.json), () => received, writer, flags.profileOut);
    });
}

type Explain = typeof import('../../receiver/index.js')['explainRule'];

async function toOptions(
  flags: ReceiveFlags,
  parse: typeof import('./receive-options.js'),
): Promise<ReceiverOptions> {
  const options: ReceiverOptions = {
    host: flags.host,
    port: flags.port,
    maxRecords: flags.maxRecords,
    maxEventIds: flags.maxEventIds,
  };
  if (flags.tls !== undefined && (flags.cert !== undefined || flags.key !== undefined)) {
    throw new InvalidOptionError(
      '--tls cannot be combined with --cert/--key: choose a generated mode or your own files',
    );
  }
  if ((flags.cert === undefined) !== (flags.key === undefined)) {
    throw new InvalidOptionError('--cert and --key go together: give both files');
  }
  if (flags.requireHeader !== undefined && flags.requireBasic !== undefined) {
    throw new InvalidOptionError('--require-header and --require-basic exclude each other: choose one');
  }
  options.faults = parse.parseFaultFlags(flags);
  learnOptions(flags, options);
  if (flags.record !== undefined) options.recordPath = flags.record;
  if (flags.allowAnyPort) options.allowAnyPort = true;
  options.authFailureStatus = parse.parseAuthStatus(flags.authStatus ?? '401');
  if (flags.requireHeader !== undefined) options.auth = parse.parseRequireHeader(flags.requireHeader);
  if (flags.requireBasic !== undefined) options.auth = parse.parseRequireBasic(flags.requireBasic);
  if (flags.proxy !== undefined) options.proxy = { upstream: parse.parseUpstream(flags.proxy) };
  if (flags.tls !== undefined) {
    options.tls = parse.parseTlsMode(flags.tls);
    options.caDir = flags.caDir ?? DEFAULT_CA_DIR;
  } else if (flags.cert !== undefined && flags.key !== undefined) {
    options.tls = await readCertificateFiles(flags.cert, flags.key);
  } else if (flags.caDir !== undefined) {
    throw new InvalidOptionError('--ca-dir writes generated CA certificates: use it with --tls');
  }
  return options;
}

function announce(receiver: Receiver, options: ReceiverOptions, flags: ReceiveFlags, explain: Explain): void {
  const info = {
    url: receiver.url,
    inbox: `${receiver.url}/_cswm/`,
    ...(receiver.tls?.caFiles ? { caFiles: receiver.tls.caFiles } : {}),
    faults: options.faults ?? [],
    ...(options.auth ? { auth: { type: options.auth.type, status: options.authFailureStatus ?? 401 } } : {}),
    ...(options.proxy ? { proxy: redactUrl(options.proxy.upstream) } : {}),
    ...(options.recordPath ? { record: options.recordPath } : {}),
    ...(options.learn
      ? { learn: { probes: learnProbesOf(options), profile: `${receiver.url}/_cswm/profile` } }
      : {}),
  };
  if (flags.json) {
    process.stdout.write(`${JSON.stringify({ type: 'listening', ...info })}\n`);
    return;
  }
  const lines = [`cswm receive: listening on ${receiver.url}`, `  inbox: ${info.inbox}`];
  if (receiver.tls?.caFiles) {
    lines.push(
      `  TLS ${receiver.tls.mode}; CA to trust as the Console's roots: ${receiver.tls.caFiles.public}`,
    );
    lines.push(`  private CA (signs untrusted-ca): ${receiver.tls.caFiles.private}`);
  }
  for (const line of describe(options, explain)) lines.push(`  ${line}`);
  if (options.recordPath) lines.push(`  recording every delivery to ${options.recordPath}`);
  if (options.learn) {
    const scale = typeof options.learn === 'object' ? options.learn.timeScale : undefined;
    lines.push(
      `  learning the sender: new events get ${learnProbesOf(options).join(', ')}, then 200${scale ? ` (sender's time scale ${scale})` : ''}`,
    );
    lines.push(
      `  profile: ${receiver.url}/_cswm/profile${flags.profileOut ? ` and ${flags.profileOut}` : ''}`,
    );
  }
  lines.push('  press Ctrl-C to stop');
  process.stdout.write(`${lines.join('\n')}\n`);
}

function describe(options: ReceiverOptions, explain: Explain): string[] {
  const out: string[] = [];
  const rules = options.faults ?? [];
  if (rules.length === 0 && !options.learn)
    out.push('behaviour: reference (200 to every delivery it can parse)');
  for (const rule of rules) out.push(`behaviour: ${explain(rule)}`);
  if (options.auth) {
    const what = options.auth.type === 'header' ? `header ${options.auth.name}` : 'Basic auth';
    out.push(`auth: requires ${what}, else ${options.authFailureStatus ?? 401}`);
  }
  if (options.proxy) out.push(`proxy: forwards to ${redactUrl(options.proxy.upstream)}`);
  out.push(
    `memory: keeps the newest ${count(options.maxRecords)} deliveries and ${count(options.maxEventIds)} event_ids (oldest dropped; --max-records, --max-event-ids)`,
  );
  return out;
}

function count(n: number | undefined): string {
  return (n ?? 0).toLocaleString('en-US');
}

function printJsonLine(delivery: RecordedDelivery): void {
  process.stdout.write(`${JSON.stringify({ type: 'delivery', ...delivery })}\n`);
}

function humanLine(color: boolean): (delivery: RecordedDelivery) => void {
  const paint = painter(color);
  return (d) => {
    const time = d.receivedAt.slice(11, 23);
    const type = d.eventType ?? '(not an event)';
    const valid = d.valid ? paint('green', 'valid') : paint('red', `not valid (${d.errors.length} errors)`);
    const dup = d.duplicate ? ` ${paint('yellow', 'duplicate')}` : '';
    const auth = d.authorized ? '' : ` ${paint('red', 'unauthorized')}`;
    process.stdout.write(
      `${paint('gray', time)} #${d.seq} ${d.method} ${d.path} ${paint('bold', type)} ${valid}${dup}${auth} -> ${answerText(d)}\n`,
    );
  };
}

function answerText(d: RecordedDelivery): string {
  const r = d.response;
  switch (r.type) {
    case 'status':
      return String(r.status);
    case 'unauthorized':
      return `${r.status} (unauthorized)`;
    case 'proxied':
      return `proxied, upstream ${r.status}`;
    case 'fault':
      return `fault ${r.fault}${d.upstreamStatus !== undefined ? ` (upstream ${d.upstreamStatus})` : ''}`;
  }
}

/**
 * Runs until SIGINT or SIGTERM, then closes gracefully (in-flight requests finish), writes the
 * profile a last time, and exits 0 (a second signal exits 1 at once).
 */
function untilSignal(
  receiver: Receiver,
  json: boolean,
  received: () => number,
  writer: ProfileWriter | null,
  profilePath: string | undefined,
): Promise<void> {
  return new Promise((resolve) => {
    onStopSignals((signal) => {
      receiver
        .close()
        .then(() => writer?.flush())
        .then(() => {
          const [count, kept] = [received(), receiver.deliveries().length];
          const profile = receiver.profile();
          if (json) {
            if (profile) process.stdout.write(`${JSON.stringify({ type: 'profile', ...profile })}\n`);
            process.stdout.write(`${JSON.stringify({ type: 'closed', signal, deliveries: count, kept })}\n`);
          } else {
            if (profile) process.stderr.write(profileSummary(profile, profilePath));
            const keptWords = kept < count ? `, the newest ${kept} kept` : '';
            process.stderr.write(
              `cswm receive: stopped (${signal}), ${count} deliveries recorded${keptWords}\n`,
            );
          }
          if (writer?.error) {
            process.stderr.write(
              `cswm receive: --profile-out: a write failed (${writer.error.code ?? 'error'})\n`,
            );
          }
          process.exitCode = 0;
          resolve();
        });
    });
  });
}
