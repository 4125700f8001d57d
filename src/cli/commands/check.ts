import type { Command } from 'commander';
import type { CheckSelector } from '../../conformance/check-options.js';
import { InvalidOptionError } from '../../errors.js';
import { authFromFlags, collect, parseDuration, parsePositiveNumber, readCaFile } from '../options.js';
import { ExitCode, exitWhenDrained, printJson, useColor } from '../output.js';
import { loadSchemaFlags, type SchemaFlags, schemaOptions } from '../schemas.js';

interface CheckFlags extends SchemaFlags {
  url?: string;
  header?: string;
  bearer?: string;
  basic?: string;
  insecure?: boolean;
  ca?: string;
  allowAnyPort?: boolean;
  only: string[];
  skip: string[];
  timeScale?: number;
  timeout?: number;
  report: string;
  out?: string;
  profile?: string;
  json?: boolean;
}

async function run(flags: CheckFlags): Promise<void> {
  // Without --url, runConformance starts the reference receiver with these credentials, or with
  // a bearer token made for the run (never printed), so the auth checks run too.
  const auth = authFromFlags(flags);
  const schemas = await loadSchemaFlags(flags);
  const { mkdir } = await import('node:fs/promises');
  const conformance = await import('../../conformance/index.js');
  const formats = parseFormats(flags.report, conformance.REPORT_FORMATS);
  const files = formats.filter((f) => f !== 'text');
  // The container image sets CSWM_REPORT_DIR=/reports: report files go to the mounted folder
  // without --out. Only file formats use it, so a plain text run writes nothing.
  const out = flags.out ?? (files.length > 0 ? process.env.CSWM_REPORT_DIR || undefined : undefined);
  if (files.length > 0 && out === undefined) {
    throw new InvalidOptionError(`--report ${files.join(',')} writes files: pass --out DIR to say where`);
  }
  const ca = flags.ca === undefined ? undefined : await readCaFile(flags.ca, '--ca');
  if (out !== undefined) {
    await mkdir(out, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
      throw new InvalidOptionError(`--out: cannot create directory ${out} (${error.code ?? 'error'})`);
    });
  }
  // A learned sender's timeout and headers stand in for the defaults; --timeout still wins.
  const profile =
    flags.profile === undefined
      ? undefined
      : await (await import('../../profile/read.js')).loadProfilePolicy(flags.profile);
  const report = await conformance.runConformance({
    ...(profile?.timeoutMs === undefined ? {} : { timeoutMs: profile.timeoutMs }),
    ...(profile?.headers === undefined ? {} : { headers: profile.headers }),
    ...(flags.url === undefined ? {} : { url: flags.url }),
    ...(auth ? { auth } : {}),
    insecure: flags.insecure ?? false,
    ...(ca === undefined ? {} : { ca }),
    allowAnyPort: flags.allowAnyPort ?? false,
    // Checked when the run starts: a selector that matches no check exits 2 with the valid ids.
    only: flags.only as CheckSelector[],
    skip: flags.skip as CheckSelector[],
    ...(flags.timeScale === undefined ? {} : { timeScale: flags.timeScale }),
    ...(flags.timeout === undefined ? {} : { timeoutMs: flags.timeout }),
    ...(schemas ? { schemas } : {}),
  });
  if (flags.json) printJson(report);
  else process.stdout.write(conformance.renderText(report, { color: useColor() }));
  if (out !== undefined) {
    const written = await conformance.writeReports(report, formats, out);
    for (const path of written) process.stderr.write(`cswm: wrote ${path}\n`);
  }
  exitWhenDrained(report.verdict === 'ready' ? ExitCode.OK : ExitCode.FAILED);
}

/** Parses `--report text,json,junit,html`. */
export function parseFormats<F extends string>(list: string, allowed: readonly F[]): F[] {
  const names = list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = names.filter((n) => !(allowed as readonly string[]).includes(n));
  if (bad.length > 0 || names.length === 0) {
    throw new InvalidOptionError(
      `--report: ${bad.length ? bad.map((b) => `"${b}"`).join(', ') : 'nothing'} is not a report format (allowed: ${allowed.join(', ')}, comma-separated)`,
    );
  }
  return [...new Set(names)] as F[];
}

/** `cswm check`: scores a receiver (or the embedded reference receiver) against the Console's behaviour. */
export function register(program: Command): void {
  const command = program
    .command('check')
    .description(
      "score a webhook receiver against the Console's behaviour, check by check, with evidence (no --url: the bundled reference receiver)",
    )
    .option('--url <url>', 'the receiver to check (default: start the reference receiver on 127.0.0.1:8080)')
    .option('--header <header>', 'auth header as configured on the Console destination: "Name: value"')
    .option('--bearer <token>', 'shorthand for --header "Authorization: Bearer <token>"')
    .option('--basic <user:pass>', 'HTTP Basic credentials')
    .option(
      '--insecure',
      'the destination\'s "disable SSL verification" (tls.certificate-trusted verifies anyway)',
    )
    .option('--ca <file>', 'extra trusted CA certificate (PEM), standing for public roots in local tests')
    .option(
      '--allow-any-port',
      'go on with a port the Console will not call (transport.port-allowed then fails)',
    )
    .option(
      '--only <ids>',
      'run only these checks: ids or prefixes, comma-separated (e.g. payload,delivery.accepts)',
      collect,
      [],
    )
    .option('--skip <ids>', 'leave out these checks: ids or prefixes, comma-separated', collect, [])
    .option(
      '--time-scale <factor>',
      'multiply the timeout and the response-time limit (0.01 for fast demos)',
      parsePositiveNumber('--time-scale'),
    )
    .option(
      '--timeout <duration>',
      'timeout of one probe before scaling (the Console: 30s)',
      parseDuration('--timeout'),
    )
    .option(
      '--profile <file>',
      'a learned sender profile (cswm receive --learn): its timeout and headers replace the defaults (--timeout still wins)',
    )
    .option('--report <formats>', 'text,json,junit,html (files other than text need --out)', 'text')
    .option(
      '--out <dir>',
      'write the report files here (conformance-report.*), each atomically (default: $CSWM_REPORT_DIR; /reports in the container image)',
    )
    .option('--json', 'print the JSON report on stdout instead of the text')
    .addHelpText(
      'after',
      '\nWith --schema FILE, each custom event type adds a check delivery.accepts.<type>.\nExit codes: 0 ready for the Console, 1 not ready, 2 bad input (nothing sent).\n',
    );
  schemaOptions(command).action((flags: CheckFlags) => run(flags));
}
