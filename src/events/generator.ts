/**
 * Realistic, schema-valid events on demand. Each type's schema is compiled once into a builder
 * (see builder.ts) with the type's realism; every event is validated before it is returned, so
 * a generator bug surfaces as an error, never as a silently invalid event.
 */
import { randomInt } from 'node:crypto';
import { InvalidEventError, InvalidOptionError, UnknownEventTypeError } from '../errors.js';
import { type Build, compileBuilder } from './builder.js';
import { catalogEntry, EVENT_TYPES, type EventType, isEventType } from './catalog.js';
import { type EventSchemas, type Internals, internalsOf, knownTypes } from './custom/registry.js';
import { formOf, type PayloadForm, wrap } from './payload.js';
import { mixSeed, Rng } from './random.js';
import { REALISM } from './realism/index.js';
import { documentedExample, schemaOf } from './schemas.js';
import { applyOverrides, normalizeOverrides, type SetOverride, type SetOverrides } from './set.js';
import type { ConsoleEvent, EventPayload } from './types.generated.js';
import { type ValidationResult, validateEvent } from './validator.js';

/**
 * The instant seeded events are near when no `now` is given, so that a seed alone fixes every
 * byte of the output on any machine and day.
 */
export const REFERENCE_NOW = '2025-06-01T12:00:00.000Z';

export interface GenerateOptions {
  /**
   * Makes the output reproducible: the same seed gives byte-identical events on any machine.
   * A non-negative integer. Without it, a random seed and the real clock.
   * @example 7
   */
  seed?: number;
  /**
   * The clock the event's timestamps are near.
   * @default REFERENCE_NOW when a seed is given, else the current time
   * @example '2025-07-10T09:00:00Z'
   */
  now?: Date | string | number;
  /**
   * Overrides applied after generation; the result is validated again, and an override that
   * breaks the schema throws InvalidEventError (an input error) naming the schema path.
   * @example ['details.source.value=1.2.3.4']
   */
  set?: SetOverrides;
  /**
   * Put blocking_safe_ip in the `{metadata, details}` envelope (the page documents it flat).
   * The other 14 types always come wrapped.
   * @default false
   */
  wrapped?: boolean;
  /**
   * Custom event types (from loadEventSchemas): their events are made by json-schema-faker
   * from their schema, with realism by field name and format, seeded like the others. With
   * 'all', they follow the 15 documented types.
   */
  schemas?: EventSchemas | undefined;
}

export interface GenerateManyOptions extends GenerateOptions {
  /**
   * How many events of each type (with 'all', `count` of each of the 15 in the page's order, then
   * of each custom type of `schemas`).
   * @default 1
   */
  count?: number;
}

const ORGANIZATION_SALT = 0x0c0ffee;
const builders = new Map<EventType, Build>();

function builderFor(type: EventType): Build {
  let build = builders.get(type);
  if (!build) {
    const flat = catalogEntry(type).form === 'flat';
    build = compileBuilder(schemaOf(type), REALISM[type], flat ? '' : 'details', documentedExample(type));
    builders.set(type, build);
  }
  return build;
}

interface Run {
  seed: number;
  nowMs: number;
  organizationId: string;
  overrides: SetOverride[];
  wrapped: boolean;
  schemas: EventSchemas | undefined;
  custom: Internals | undefined;
}

function startRun(options: GenerateOptions): Run {
  const seed = options.seed ?? randomInt(0, 2 ** 48 - 1);
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw new InvalidOptionError(
      `seed: ${String(seed)} is not allowed (allowed: a whole number from 0 to 2^53-1)`,
    );
  }
  const now = options.now ?? (options.seed === undefined ? Date.now() : REFERENCE_NOW);
  const nowMs = now instanceof Date ? now.getTime() : typeof now === 'number' ? now : Date.parse(now);
  if (!Number.isFinite(nowMs)) {
    throw new InvalidOptionError(
      `now: "${String(now)}" is not a date (allowed: an RFC 3339 time such as 2025-06-01T12:00:00Z)`,
    );
  }
  return {
    seed,
    nowMs: Math.floor(nowMs / 1000) * 1000,
    organizationId: new Rng(mixSeed(seed, ORGANIZATION_SALT)).uuid(),
    overrides: normalizeOverrides(options.set),
    wrapped: options.wrapped ?? false,
    schemas: options.schemas,
    custom: options.schemas ? internalsOf(options.schemas) : undefined,
  };
}

/**
 * The types `type` stands for: one documented or custom type, or for 'all' the 15 in the page's
 * order then the custom types that are not overrides. Throws ERR_UNKNOWN_EVENT_TYPE otherwise.
 */
export function resolveTypes(type: string, schemas: EventSchemas | undefined): string[] {
  if (type === 'all') return knownTypes(schemas);
  return [resolveType(type, schemas)];
}

/** `type` when it is documented or custom; else throws ERR_UNKNOWN_EVENT_TYPE listing the valid ones. */
function resolveType(type: string, schemas: EventSchemas | undefined): string {
  if (isEventType(type) || schemas?.has(type)) return type;
  throw new UnknownEventTypeError(type, knownTypes(schemas));
}

function describeErrors(result: ValidationResult): string {
  return result.errors
    .slice(0, 3)
    .map((e) => `${e.path} ${e.message} (schema: ${e.schemaPath || 'none'})`)
    .join('; ');
}

/** Builds, validates, overrides and validates again the `index`-th event of `type` in a run. */
function buildOne(type: string, index: number, run: Run): Record<string, unknown> {
  let payload: Record<string, unknown>;
  let form: PayloadForm;
  if (run.custom && run.schemas?.has(type)) {
    // Validated inside, against the custom schema.
    payload = run.custom.generate(type, index, run);
    if (run.wrapped && formOf(payload) === 'flat') payload = wrap(payload);
    form = formOf(payload) ?? 'wrapped';
  } else {
    payload = buildDocumented(type as EventType, index, run);
    form = formOf(payload) ?? 'wrapped';
  }
  if (run.overrides.length > 0) applyAndCheck(type, payload, run.overrides, form, run.schemas);
  return payload;
}

/** One event of a documented type from its fast builder, validated. */
function buildDocumented(type: EventType, index: number, run: Run): Record<string, unknown> {
  const rng = new Rng(mixSeed(run.seed, EVENT_TYPES.indexOf(type), index));
  const realism = REALISM[type];
  const scene = realism.scene(rng, { nowMs: run.nowMs, organizationId: run.organizationId });
  let payload = builderFor(type)(rng, scene) as Record<string, unknown>;
  if (run.wrapped && catalogEntry(type).form === 'flat') payload = wrap(payload);
  const generated = validateEvent(payload);
  if (!generated.valid) {
    throw new InvalidEventError(
      `internal error: the generated ${type} event does not match its schema: ${describeErrors(generated)}; please report it`,
      generated.errors,
      { isInputError: false },
    );
  }
  return payload;
}

function applyAndCheck(
  type: string,
  payload: Record<string, unknown>,
  overrides: readonly SetOverride[],
  form: PayloadForm,
  schemas: EventSchemas | undefined,
): void {
  applyOverrides(payload, overrides, form);
  const overridden = validateEvent(payload, { schemas });
  if (!overridden.valid) {
    throw new InvalidEventError(
      `\`set\` made the ${type} event invalid: ${describeErrors(overridden)}; change the value to one the schema allows`,
      overridden.errors,
    );
  }
}

/**
 * One realistic, schema-valid event of `type`. Typed as that type's payload when `type` is
 * an {@link EventType} (the result, `set` overrides included, is validated before it is
 * returned); any other string is checked at run time and gives a plain record.
 * @example generateEvent('alert_triggered', { seed: 7 }).details.scenario
 */
export function generateEvent<T extends EventType>(type: T, options?: GenerateOptions): EventPayload<T>;
export function generateEvent(type: string, options?: GenerateOptions): Record<string, unknown>;
export function generateEvent(type: string, options: GenerateOptions = {}): Record<string, unknown> {
  return buildOne(resolveType(type, options.schemas), 0, startRun(options));
}

/**
 * `count` events of `type` (or of each type, for 'all', in the page's order), built one at a
 * time as they are iterated, so a large count costs no memory. Event i of a type is the same
 * whether asked for alone or among others with the same seed.
 * @example [...generateEvents('all', { seed: 1 })].length // 15
 */
export function generateEvents<T extends EventType>(
  type: T,
  options?: GenerateManyOptions,
): Iterable<EventPayload<T>>;
export function generateEvents(type: 'all', options?: GenerateManyOptions): Iterable<ConsoleEvent>;
export function generateEvents(
  type: string,
  options?: GenerateManyOptions,
): Iterable<Record<string, unknown>>;
export function generateEvents(
  type: string,
  options: GenerateManyOptions = {},
): Iterable<Record<string, unknown>> {
  const types = resolveTypes(type, options.schemas);
  const count = options.count ?? 1;
  if (!Number.isSafeInteger(count) || count < 0) {
    throw new InvalidOptionError(
      `count: ${String(count)} is not allowed (allowed: a whole number, 0 or more)`,
    );
  }
  const run = startRun(options);
  return {
    *[Symbol.iterator]() {
      for (const t of types) for (let i = 0; i < count; i++) yield buildOne(t, i, run);
    },
  };
}

/**
 * The page's documented example of `type`, as a fresh copy; blocking_safe_ip comes flat, as
 * documented, unless `wrapped`. `set` overrides apply as in generateEvent (validated again).
 * @example exampleEvent('blocking_safe_ip', { wrapped: true })
 */
export function exampleEvent<T extends EventType>(
  type: T,
  options?: Pick<GenerateOptions, 'wrapped' | 'set' | 'schemas'>,
): EventPayload<T>;
export function exampleEvent(
  type: string,
  options?: Pick<GenerateOptions, 'wrapped' | 'set' | 'schemas'>,
): Record<string, unknown>;
export function exampleEvent(
  type: string,
  options: Pick<GenerateOptions, 'wrapped' | 'set' | 'schemas'> = {},
): Record<string, unknown> {
  const checked = resolveType(type, options.schemas);
  let payload: Record<string, unknown>;
  if (options.schemas?.has(checked)) {
    // Checked against its schema when the schema was loaded.
    const example = internalsOf(options.schemas).example(checked);
    if (!example) {
      throw new InvalidOptionError(
        `${checked}: its schema gives no example (no object in "examples" at its root); add one, or generate events instead of asking for the example`,
      );
    }
    payload = example;
  } else {
    payload = documentedExample(checked as EventType);
  }
  if (options.wrapped && formOf(payload) === 'flat') payload = wrap(payload);
  const overrides = normalizeOverrides(options.set);
  if (overrides.length > 0)
    applyAndCheck(checked, payload, overrides, formOf(payload) ?? 'wrapped', options.schemas);
  return payload;
}
