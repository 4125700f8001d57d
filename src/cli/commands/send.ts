import type { Command } from 'commander';
import type { DeliveryRecord, SendManyOptions, SendSummary } from '../../delivery/types.js';
import { isCswmError } from '../../errors.js';
import { redactUrl, scrubSecrets } from '../../util/redact.js';
import { type Paint, painter } from '../../util/style.js';
import {
  collect,
  parseCount,
  parseDuration,
  parseDurationList,
  parseFraction,
  parsePositiveNumber,
} from '../options.js';
import { ExitCode, printJson, useColor } from '../output.js';
import { NO_PROGRESS, startProgress } from '../progress.js';
import { loadSchemaFlags, schemaOptions } from '../schemas.js';
import { onStopSignals } from '../signals.js';
import { buildOptions, type Given, replayPolicy, type SendFlags } from './send-options.js';

/** Above this many events, people see only the failures and the summary (and a progress bar on a terminal). */
const DETAIL_LIMIT = 20;

/** `cswm send <type|all|FILE> --url URL ...`: delivers events exactly as the Console does. */
export function register(program: Command): void {
  const command = program
    .command('send')
    .description(
      'send events to a URL the way the Console does: only 200 counts, up to 5 attempts with growing waits, 30 s timeout, ports 80/8080/443/8443',
    )
    .argument('<source>', 'an event type, "all" (one of each type), or a JSON / NDJSON file sent as it is')
    .requiredOption('--url <url>', 'destination (http or https)')
    .option('--header <"Name: value">', 'auth header of your choice')
    .option('--bearer <token>', 'shorthand for --header "Authorization: Bearer <token>"')
    .option('--basic <user:pass>', 'HTTP Basic auth')
    .option('--insecure', 'skip TLS verification (the Console\'s "disable SSL verification")')
    .option('--ca <file>', 'also trust this CA certificate (PEM), for local tests')
    .option('--count <n>', 'events to generate (of each type with "all")', parseCount('--count'), 1)
    .option('--concurrency <n>', 'deliveries in flight at once', parseCount('--concurrency', 1, 10_000), 10)
    .option('--rate <n>', 'deliveries started per second at most', parsePositiveNumber('--rate'))
    .option('--seed <n>', 'seed for reproducible events', parseCount('--seed', 0, Number.MAX_SAFE_INTEGER))
    .option('--set <path=value>', 'override a field of every generated event (repeatable)', collect, [])
    .option(
      '--wrapped',
      'send blocking_safe_ip (and a flat --schema type) in the {metadata, details} envelope',
    )
    .option(
      '--timeout <duration>',
      'whole-exchange timeout of one attempt (default 30s)',
      parseDuration('--timeout'),
    )
    .option('--attempts <n>', 'attempts in all (default 5)', parseCount('--attempts', 1, 100))
    .option(
      '--backoff <list>',
      'waits between attempts (default 1s,2s,4s,8s)',
      parseDurationList('--backoff'),
    )
    .option(
      '--backoff-base <duration>',
      'first wait when no --backoff list is given',
      parseDuration('--backoff-base'),
    )
    .option(
      '--backoff-factor <f>',
      'each wait is the previous one times this',
      parsePositiveNumber('--backoff-factor', 100),
    )
    .option(
      '--jitter <f>',
      'spread each wait by +/- this fraction (0 to 1; default 0)',
      parseFraction('--jitter'),
    )
    .option(
      '--time-scale <f>',
      'multiply every wait and the timeout (0.01 for quick runs)',
      parsePositiveNumber('--time-scale'),
    )
    .option('--allow-any-port', 'allow ports the Console would refuse (local tests)')
    .option('--journal <file>', 'append NDJSON for every attempt and outcome as it happens')
    .option('--no-validate', 'send events from a file even when they do not match their schema')
    .option(
      '--profile <file>',
      'a learned sender profile (cswm receive --learn): its waits, attempts, timeout and headers replace the defaults; flags still win',
    )
    .option(
      '--keep-timing',
      'replaying a recording: start each body at its recorded offset (times --time-scale), once each unless --attempts',
    )
    .option('--json', 'print one JSON object: the summary and every delivery')
    .addHelpText('after', REPLAY_HELP);
  schemaOptions(command).action(async (source: string, flags: SendFlags, cmd: Command) => {
    process.exitCode = await runSend(source, flags, (flag) => cmd.getOptionValueSource(flag) === 'cli');
  });
}

const REPLAY_HELP = `
Replaying a recording: when FILE was written by cswm receive --record (or the inbox's NDJSON
export), each recorded body is sent exactly as received, byte for byte, in the recorded order,
one at a time (--concurrency to change), with this command's auth and headers: recorded
headers are never sent. Bodies are not validated. --keep-timing reproduces the recorded gaps.
`;

async function runSend(source: string, flags: SendFlags, given: Given): Promise<number> {
  const options = await buildOptions(flags, given);
  const delivery = await import('../../delivery/index.js');
  // Every flag and the destination are checked before the input is even read; the plan also
  // knows every form a secret takes (the token, `Bearer ...`, Basic's base64, a URL's password).
  const { secrets } = delivery.planDelivery(options);
  const schemas = await loadSchemaFlags(flags);
  const { loadSource } = await import('./send-source.js');
  const input = await loadSource(source, {
    count: flags.count,
    seed: flags.seed,
    set: flags.set,
    wrapped: flags.wrapped ?? false,
    validate: flags.validate,
    schemas,
    keepTiming: flags.keepTiming ?? false,
  });
  replayPolicy(input.kind, options, flags, given);
  try {
    return await sendAndReport(delivery, input, options, flags);
  } catch (error) {
    if (isCswmError(error)) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(scrubSecrets(message, secrets));
  }
}

type DeliveryModule = typeof import('../../delivery/index.js');
type Input = Awaited<ReturnType<typeof import('./send-source.js').loadSource>>;

async function sendAndReport(
  delivery: DeliveryModule,
  input: Input,
  options: SendManyOptions,
  flags: SendFlags,
): Promise<number> {
  const paint = painter(useColor(process.stdout));
  const detailed = input.total <= DETAIL_LIMIT;
  const maxAttempts = options.maxAttempts ?? delivery.DEFAULTS.maxAttempts;
  const failures: DeliveryRecord[] = [];
  // Many events: a progress bar (on a terminal) in place of every delivery's lines.
  const progress = detailed ? NO_PROGRESS : startProgress(input.total);
  const controller = new AbortController();
  // The first signal stops new attempts and lets the summary print.
  const stop = onStopSignals(() => controller.abort());
  let summary: SendSummary;
  try {
    summary = await delivery.sendMany(input.items, {
      ...options,
      signal: controller.signal,
      total: input.total,
      keepRecords: flags.json ?? false,
      onDelivery: (record) => {
        progress.tick(record);
        if (flags.json) return;
        if (detailed)
          process.stdout.write(`${delivery.formatDelivery(record, { maxAttempts, paint }).join('\n')}\n`);
        else if (record.result === 'failed' && failures.length < DETAIL_LIMIT) failures.push(record);
      },
    });
  } finally {
    stop();
    progress.done();
  }
  if (flags.json) {
    const { deliveries, ...counts } = summary;
    printJson({ summary: { ...counts, url: redactUrl(options.url) }, deliveries });
  } else {
    printPeopleSummary(delivery, summary, failures, { detailed, maxAttempts, paint, journal: flags.journal });
  }
  return summary.delivered === summary.sent ? ExitCode.OK : ExitCode.FAILED;
}

function printPeopleSummary(
  delivery: DeliveryModule,
  summary: SendSummary,
  failures: DeliveryRecord[],
  context: {
    detailed: boolean;
    maxAttempts: number;
    paint: Paint;
    journal?: string | undefined;
  },
): void {
  const out: string[] = [];
  for (const record of failures) out.push(...delivery.formatDelivery(record, context));
  if (!context.detailed && summary.failed > failures.length) {
    out.push(`... and ${summary.failed - failures.length} more failed deliveries (see --journal or --json)`);
  }
  if (summary.interrupted > 0) out.push('interrupted: no new attempt was started after the signal');
  out.push(delivery.formatSummary(summary, context.paint));
  if (context.journal) out.push(`journal: ${context.journal}`);
  process.stdout.write(`${out.join('\n')}\n`);
}
