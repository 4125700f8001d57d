#!/usr/bin/env node
/**
 * The command line. Only argument parsing and printing live under src/cli; this is the one
 * place that calls process.exit. Each command registers itself from its own file and loads
 * heavy modules (ajv, got, express) only inside its action, so `cswm events` starts fast.
 */
import { Command } from 'commander';
import { version } from '../version.js';
import { registerCommands } from './commands/index.js';
import { keepHeapNearLiveSize } from './heap.js';
import { exitWithError } from './output.js';
import { exitOnSignalsAsPid1 } from './signals.js';

export async function main(argv: string[]): Promise<void> {
  keepHeapNearLiveSize();
  exitOnSignalsAsPid1();
  // `cswm generate all | head`: the reader went away; stop quietly, as Unix tools do.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  const program = new Command();
  program
    .name('cswm')
    .description("Plays the CrowdSec Console's webhook notifications for people who build receivers.")
    .version(version, '-V, --version')
    .option('--debug', 'show stack traces of unexpected errors')
    // commander's own usage errors ("error: unknown option '--x'", a suggestion on the next line)
    // become one line, like every other input error: `cswm: ... (run with --help for usage)`.
    .configureOutput({
      outputError: (text, write) =>
        write(
          `cswm: ${text
            .trim()
            .replace(/^error: /, '')
            .replace(/\s*\n\s*/g, ' ')} (run with --help for usage)\n`,
        ),
    })
    .exitOverride();
  registerCommands(program);
  try {
    await program.parseAsync(argv);
  } catch (error) {
    exitWithError(error, argv.includes('--debug'));
  }
}

await main(process.argv);
