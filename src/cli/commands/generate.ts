import type { Command } from 'commander';
import { InvalidOptionError } from '../../errors.js';
import { collect, parseCount } from '../options.js';
import { loadSchemaFlags, type SchemaFlags, schemaOptions } from '../schemas.js';

interface GenerateFlags extends SchemaFlags {
  count: number;
  seed?: number;
  now?: string;
  example?: boolean;
  set: string[];
  wrapped?: boolean;
}

/** Output is held back until this many bytes, so an early error leaves stdout empty. */
const HOLD_BACK_BYTES = 1 << 20;

/** `cswm generate <type|all>`: realistic, validated events as NDJSON on stdout. */
export function register(program: Command): void {
  const command = program
    .command('generate')
    .description(
      'print realistic, schema-valid events as NDJSON (one JSON object per line); every event is validated',
    )
    .argument(
      '<type>',
      "an event type (see `cswm events`) or 'all' for each of the 15 in the page's order (then those of --schema)",
    )
    .option('--count <n>', 'events of each type', parseCount('--count', 1), 1)
    .option(
      '--seed <n>',
      'reproducible output: the same seed gives the same bytes',
      parseCount('--seed', 0, Number.MAX_SAFE_INTEGER),
    )
    .option('--now <iso>', 'clock the timestamps are near (default: a fixed instant with --seed, else now)')
    .option(
      '--example',
      "print the documented example instead (a --schema type: its schema's first example; --count, --seed and --now do not apply)",
    )
    .option(
      '--set <path=value>',
      'override a field, e.g. details.source.value=1.2.3.4 (repeatable; VALUE as JSON when it parses)',
      collect,
      [],
    )
    .option(
      '--wrapped',
      'put blocking_safe_ip (and a flat --schema type) in the {metadata, details} envelope',
    )
    .addHelpText(
      'after',
      '\nExamples:\n  cswm generate alert_triggered --seed 7\n  cswm generate all --count 3 --seed 1 > events.ndjson\n  cswm generate alert_triggered --set details.source.value=203.0.113.9 --set details.scenario_confidence=99\n  cswm generate blocking_safe_ip --example --wrapped\n  cswm generate api_key_expired --schema api_key_expired.schema.json --seed 7',
    );
  schemaOptions(command).action(async (type: string, flags: GenerateFlags) => {
    if (flags.now !== undefined && !Number.isFinite(Date.parse(flags.now))) {
      throw new InvalidOptionError(
        `--now: "${flags.now}" is not a date (allowed: RFC 3339, e.g. 2025-06-01T12:00:00Z)`,
      );
    }
    const schemas = await loadSchemaFlags(flags);
    const { exampleEvent, generateEvents, resolveTypes } = await import('../../events/generator.js');
    // An unknown type fails here, before the first line is written.
    const types = resolveTypes(type, schemas);
    const events: Iterable<unknown> = flags.example
      ? types.map((t) => exampleEvent(t, { wrapped: flags.wrapped, set: flags.set, schemas }))
      : generateEvents(type, {
          count: flags.count,
          seed: flags.seed,
          now: flags.now,
          set: flags.set,
          wrapped: flags.wrapped,
          schemas,
        });
    await writeNdjson(events);
  });
}

/**
 * Writes events as NDJSON, respecting back-pressure, holding the first megabyte back. When the
 * reader goes away (`cswm generate all --count 100000 | head`), main.ts's EPIPE handler ends
 * the process quietly.
 */
async function writeNdjson(events: Iterable<unknown>): Promise<void> {
  let buffer = '';
  let started = false;
  for (const event of events) {
    buffer += `${JSON.stringify(event)}\n`;
    if (buffer.length >= (started ? 64 * 1024 : HOLD_BACK_BYTES)) {
      started = true;
      await write(buffer);
      buffer = '';
    }
  }
  if (buffer !== '') await write(buffer);
}

function write(chunk: string): Promise<void> {
  return new Promise((resolve) => {
    // Errors reach the stream's 'error' listener; waiting on 'drain' or 'close' never hangs.
    if (process.stdout.write(chunk)) resolve();
    else {
      const done = () => {
        process.stdout.off('drain', done);
        process.stdout.off('close', done);
        resolve();
      };
      process.stdout.once('drain', done);
      process.stdout.once('close', done);
    }
  });
}
