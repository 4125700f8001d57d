import type { Command } from 'commander';
import { InvalidEventError, UnreadableFileError } from '../../errors.js';
import { painter } from '../../util/style.js';
import { ExitCode, printJson, useColor } from '../output.js';
import { loadSchemaFlags, type SchemaFlags, schemaOptions } from '../schemas.js';

interface RecordReport {
  line: number;
  index: number;
  valid: boolean;
  eventType: string | null;
  eventId: string | null;
  form: 'wrapped' | 'flat' | null;
  errors: { path: string; rule: string; message: string; schemaPath: string }[];
}

/** `cswm validate [FILE|-]`: checks JSON or NDJSON events against the Console's schemas. */
export function register(program: Command): void {
  const command = program
    .command('validate')
    .description(
      "check events (one JSON document, or NDJSON) against the Console's schemas; exit 1 when any is invalid",
    )
    .argument('[file]', "a file, or '-' for standard input", '-')
    .option('--json', 'print one JSON object')
    .addHelpText(
      'after',
      '\nExamples:\n  cswm validate events.ndjson\n  cswm generate all | cswm validate -\n  cswm validate events.ndjson --schema api_key_expired.schema.json',
    );
  schemaOptions(command).action(async (file: string, options: { json?: boolean } & SchemaFlags) => {
    // The schemas first: a bad one is refused before standard input is read.
    const schemas = await loadSchemaFlags(options);
    const text = await readInput(file);
    const { validateText } = await import('../../events/validator.js');
    const records: RecordReport[] = validateText(text, { schemas }).map((r) =>
      r.json
        ? { line: r.line, index: r.index, ...r.result }
        : {
            line: r.line,
            index: r.index,
            valid: false,
            eventType: null,
            eventId: null,
            form: null,
            errors: [{ path: '$', rule: 'json', message: r.message, schemaPath: '' }],
          },
    );
    const name = file === '-' ? 'standard input' : file;
    if (records.length === 0) {
      throw new InvalidEventError(
        `${name} holds no events; give one JSON event, an array of them, or NDJSON`,
      );
    }
    if (records.every((r) => r.errors[0]?.rule === 'json')) {
      throw new InvalidEventError(`${name} is not JSON or NDJSON: ${records[0]!.errors[0]!.message}`);
    }
    const invalid = records.filter((r) => !r.valid).length;
    if (options.json) printJson({ valid: invalid === 0, total: records.length, invalid, records });
    else printForPeople(records, invalid);
    process.exitCode = invalid === 0 ? ExitCode.OK : ExitCode.FAILED;
  });
}

async function readInput(file: string): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  try {
    if (file !== '-') return await readFile(file, 'utf8');
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (code ?? String(error));
    throw new UnreadableFileError(
      file === '-' ? 'standard input' : file,
      `${reason}; give a readable JSON or NDJSON file, or - for standard input`,
      { cause: error },
    );
  }
}

function printForPeople(records: RecordReport[], invalid: number): void {
  const paint = painter(useColor());
  const lines: string[] = [];
  // The items of one JSON array all sit on the array's line: name them by index instead.
  const oneArray = records.length > 1 && records.every((x) => x.line === records[0]!.line);
  for (const r of records) {
    const where = oneArray ? `item ${r.index}` : `line ${r.line}`;
    const what = [r.eventType ?? 'unknown event', r.form, r.eventId].filter(Boolean).join(' ');
    lines.push(`${where}: ${what}: ${r.valid ? paint('green', 'valid') : paint('red', 'INVALID')}`);
    for (const e of r.errors) lines.push(`  ${where} ${e.path}  [${e.rule}]  ${e.message}`);
  }
  const summary = `${records.length - invalid} valid, ${invalid} invalid, ${records.length} in all`;
  lines.push(invalid === 0 ? paint('green', summary) : paint('red', summary));
  process.stdout.write(`${lines.join('\n')}\n`);
}
