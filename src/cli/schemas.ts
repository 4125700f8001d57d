/**
 * `--schema FILE` (repeatable; a directory stands for its *.schema.json files), `--type NAME`
 * and `--override`: custom event types for `events`, `generate`, `validate`, `send`, `check` and
 * `scenario run`. The loader (ajv's draft-07 class, json-schema-faker) is imported only when
 * `--schema` is given, so the commands start as fast as before without it.
 */
import type { Command } from 'commander';
import { InvalidOptionError } from '../errors.js';
import type { EventSchemas } from '../events/custom/registry.js';
import { collect } from './options.js';

export interface SchemaFlags {
  schema: string[];
  type?: string;
  override?: boolean;
}

/** Adds the three flags to a command. */
export function schemaOptions(command: Command): Command {
  return command
    .option(
      '--schema <file>',
      'a JSON Schema (draft 2020-12 or 7) defining an event type, or a directory of *.schema.json (repeatable)',
      collect,
      [],
    )
    .option('--type <name>', 'the event type of a --schema that has no event_type constant')
    .option('--override', 'let a --schema redefine one of the 15 documented types (for this run)');
}

/** The custom types of the flags, or undefined without --schema; bad schemas exit 2. */
export async function loadSchemaFlags(flags: SchemaFlags): Promise<EventSchemas | undefined> {
  if (flags.schema.length === 0) {
    const stray = flags.type !== undefined ? '--type' : flags.override ? '--override' : undefined;
    if (stray) throw new InvalidOptionError(`${stray} applies to --schema FILE; add the schema it is about`);
    return undefined;
  }
  const { loadEventSchemas } = await import('../events/custom/load.js');
  return loadEventSchemas(flags.schema, {
    ...(flags.type === undefined ? {} : { type: flags.type }),
    override: flags.override ?? false,
  });
}
