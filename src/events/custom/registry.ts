/**
 * The public face of a set of custom event types ({@link EventSchemas}) and the way the
 * generator and the validator reach what is behind it. Kept apart from set.ts so that the
 * validator (loaded by the receiver and `cswm validate`) does not load json-schema-faker's
 * preparation, the realism tables or the draft-07 ajv unless custom schemas are in play.
 */
import { InvalidOptionError } from '../../errors.js';
import type { ValidationError } from '../ajv-errors.js';
import { EVENT_TYPES, isEventType } from '../catalog.js';
import type { PayloadForm } from '../payload.js';
import type { SceneContext } from '../realism/types.js';
import type { SchemaDraft } from './ajv.js';
import type { SchemaLayout } from './analyze.js';

/** One custom event type, as loaded. */
export interface CustomEventType {
  /** Its `event_type`. */
  readonly type: string;
  /** The schema's file (or `<schema N>` for a schema given as an object). */
  readonly file: string;
  readonly draft: SchemaDraft;
  /** `envelope`: the schema is `{metadata, details}`; `details`: it describes details and is wrapped; `flat`: the whole payload, flat. */
  readonly layout: SchemaLayout;
  /** How its events are sent unless `wrapped`: in the envelope, or flat. */
  readonly form: PayloadForm;
  /** The schema's `title` (of details, else of the root), else the type. */
  readonly title: string;
  readonly description: string;
  /** True when it replaces one of the 15 documented types for this run (`override`). */
  readonly overrides: boolean;
}

/**
 * Custom event types loaded from JSON Schemas by {@link loadEventSchemas}; pass it as `schemas`
 * to generateEvent(s), exampleEvent, validateEvent, runConformance and runScenario(s).
 */
export interface EventSchemas {
  /** The custom types, in the order their schemas were given. */
  readonly types: readonly string[];
  readonly entries: readonly CustomEventType[];
  /** True when `type` is one of these custom types. */
  has(type: string): boolean;
}

/** What a run of generation knows: the seed and clock of the run, and its organization. */
export interface CustomRun extends SceneContext {
  seed: number;
}

/** What the generator and the validator use of a loaded set. */
export interface Internals {
  entry(type: string): { validate(payload: unknown): ValidationError[] } | undefined;
  generate(type: string, index: number, run: CustomRun): Record<string, unknown>;
  example(type: string): Record<string, unknown> | null;
}

const INTERNALS = new WeakMap<object, Internals>();

export function registerInternals(set: EventSchemas, internals: Internals): void {
  INTERNALS.set(set, internals);
}

/** The set's internals; throws ERR_INVALID_OPTION for an object loadEventSchemas did not make. */
export function internalsOf(schemas: EventSchemas): Internals {
  const internals = INTERNALS.get(schemas);
  if (!internals) {
    throw new InvalidOptionError(
      'schemas: not a set of event schemas; pass what loadEventSchemas() returns (e.g. schemas: await loadEventSchemas(["my-event.schema.json"]))',
    );
  }
  return internals;
}

/** The types a run knows, for messages: the 15 documented ones, then the custom ones that are not overrides. */
export function knownTypes(schemas: EventSchemas | undefined): string[] {
  return [...EVENT_TYPES, ...(schemas?.types ?? []).filter((t) => !isEventType(t))];
}
