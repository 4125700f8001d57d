import type { Command } from 'commander';
import { InvalidOptionError } from '../../errors.js';
import { painter } from '../../util/style.js';
import { type AuthFlags, authFromFlags, parsePositiveNumber, readCaFile } from '../options.js';
import { ExitCode, printJson, useColor } from '../output.js';
import { loadSchemaFlags, type SchemaFlags, schemaOptions } from '../schemas.js';
import { onStopSignals } from '../signals.js';

interface RunFlags extends AuthFlags, SchemaFlags {
  all?: boolean;
  target?: string;
  insecure?: boolean;
  ca?: string;
  timeScale?: number;
  profile?: string;
  json?: boolean;
}

/** `cswm scenario list | run`: the bundled failure scenarios, or the user's scenario files. */
export function register(program: Command): void {
  const scenario = program
    .command('scenario')
    .description("reproduce the Console's retries, timeouts and TLS failures from scenario files");

  scenario
    .command('list')
    .description('list the bundled scenarios (id, title, tags)')
    .option('--json', 'print one JSON object')
    .action(async (flags: { json?: boolean }) => {
      const { listScenarios } = await import('../../scenarios/catalog.js');
      const list = listScenarios();
      if (flags.json) {
        printJson({ scenarios: list.map(({ id, title, tags }) => ({ id, title, tags })) });
        return;
      }
      const paint = painter(useColor());
      const width = Math.max(...list.map((s) => s.id.length));
      for (const s of list) {
        process.stdout.write(
          `${paint('bold', s.id.padEnd(width))}  ${s.title}  ${paint('gray', `[${s.tags.join(', ')}]`)}\n`,
        );
      }
    });

  const run = scenario
    .command('run')
    .description('run scenarios and check what must follow; exit 1 when any fails')
    .argument('[scenarios...]', 'bundled scenario ids or .yaml files')
    .option('--all', 'run every bundled scenario')
    .option('--target <url>', 'your receiver: fault scenarios run through a proxy in front of it')
    .option(
      '--header <header>',
      'with --target: the auth header its Console destination sends, "Name: value"',
    )
    .option('--bearer <token>', 'with --target: shorthand for --header "Authorization: Bearer <token>"')
    .option('--basic <user:pass>', 'with --target: HTTP Basic credentials')
    .option('--insecure', 'with --target: its destination\'s "disable SSL verification"')
    .option('--ca <file>', 'with --target: extra trusted CA certificate (PEM), standing for public roots')
    .option(
      '--time-scale <f>',
      'multiply every wait, timeout and delay (0.01 for quick runs; default: real timings)',
      parsePositiveNumber('--time-scale', 100),
    )
    .option(
      '--profile <file>',
      'a learned sender profile (cswm receive --learn): its waits, attempts, timeout and headers replace the defaults where a scenario sets none (expectations were written for the defaults)',
    )
    .option('--json', 'print one JSON object: the summary and every result')
    .addHelpText(
      'after',
      '\nWith --target, one plain documented event is sent first with your credentials and TLS settings; when your\nreceiver does not accept it, no scenario runs and the reason is printed (exit 1).\n',
    );
  schemaOptions(run).action(async (refs: string[], flags: RunFlags) => {
    process.exitCode = await runCommand(refs, flags);
  });
}

async function runCommand(refs: string[], flags: RunFlags): Promise<number> {
  if (flags.all && refs.length > 0) {
    throw new InvalidOptionError('give scenario ids or files, or --all, not both');
  }
  if (!flags.all && refs.length === 0) {
    throw new InvalidOptionError(
      'give scenario ids or files, or --all (run `cswm scenario list` to see them)',
    );
  }
  const auth = authFromFlags(flags);
  const targetOnly = [
    auth ? 'credentials' : '',
    flags.insecure ? '--insecure' : '',
    flags.ca ? '--ca' : '',
  ].filter(Boolean);
  if (flags.target === undefined && targetOnly.length > 0) {
    throw new InvalidOptionError(
      `${targetOnly.join(', ')} apply to your receiver: give its URL with --target (the bundled scenarios set their own)`,
    );
  }
  const ca = flags.ca === undefined ? undefined : await readCaFile(flags.ca, '--ca');
  const target =
    flags.target === undefined
      ? undefined
      : {
          url: flags.target,
          ...(auth ? { auth } : {}),
          ...(flags.insecure ? { insecure: true } : {}),
          ...(ca === undefined ? {} : { ca }),
        };
  const schemas = await loadSchemaFlags(flags);
  const [{ runScenarios }, { formatResult, formatSummary }] = await Promise.all([
    import('../../scenarios/run-many.js'),
    import('../../scenarios/format.js'),
  ]);
  const defaults =
    flags.profile === undefined
      ? undefined
      : await (await import('../../profile/read.js')).loadProfilePolicy(flags.profile);
  const paint = painter(useColor());
  const controller = new AbortController();
  // The first signal cuts the attempts in flight; the results so far still print.
  const stopListening = onStopSignals(() => controller.abort(new Error('interrupted')));
  try {
    const summary = await runScenarios(flags.all ? 'all' : refs, {
      signal: controller.signal,
      ...(flags.timeScale !== undefined ? { timeScale: flags.timeScale } : {}),
      ...(target ? { target } : {}),
      ...(schemas ? { schemas } : {}),
      ...(defaults ? { defaults } : {}),
      ...(flags.json
        ? {}
        : { onResult: (r) => process.stdout.write(formatResult(r, paint, flags.timeScale ?? 1)) }),
    });
    if (flags.json) printJson(summary);
    else process.stdout.write(formatSummary(summary, paint));
    const refused = summary.preflight?.accepted === false;
    return summary.failed === 0 && !refused && !controller.signal.aborted ? ExitCode.OK : ExitCode.FAILED;
  } finally {
    stopListening();
  }
}
