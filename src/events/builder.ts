/**
 * Turns an event schema into a fast builder, once: the schema decides the shape (which
 * properties, which may be null, which are arrays, constants), the type's realism decides the
 * values it knows, and anything else gets a plain value of the schema's type. Building an event
 * is then a walk over prepared closures: no schema interpretation per event.
 */
import type { Rng } from './random.js';
import { isoZ } from './realism/time.js';
import type { BaseScene, TypeRealism } from './realism/types.js';
import type { JsonSchema } from './schemas.js';

export type Build = (rng: Rng, scene: BaseScene) => unknown;

/** How often a nullable field is null: often enough that 1,000 seeds meet every null many times. */
const NULL_PROBABILITY = 0.15;

interface Context {
  defs: Record<string, JsonSchema>;
  fields: TypeRealism['fields'];
}

/**
 * Compiles a payload schema. `detailsAt` says where the event's own fields start: `details` for
 * the envelope, '' for a flat payload; realism field paths are relative to it.
 * `example` (the documented example) gives the key order of the output.
 */
export function compileBuilder(
  schema: JsonSchema,
  realismRules: TypeRealism,
  detailsAt: 'details' | '',
  example: unknown,
): Build {
  const context: Context = {
    defs: (schema.$defs ?? {}) as Record<string, JsonSchema>,
    fields: realismRules.fields,
  };
  if (detailsAt === '') return compileNode(schema, '', example, context);
  // In the envelope, only `details` carries the event's fields; `metadata` is constants.
  return compileObject(schema, example, context, (key) => (key === 'details' ? '' : null));
}

function childPath(parent: string | null, key: string): string | null {
  if (parent === null) return null;
  return parent === '' ? key : `${parent}.${key}`;
}

function compileNode(node: JsonSchema, path: string | null, example: unknown, context: Context): Build {
  if (typeof node.$ref === 'string') return compileNode(resolve(node.$ref, context), path, example, context);
  if (Array.isArray(node.anyOf)) return compileAnyOf(node.anyOf as JsonSchema[], path, example, context);
  const field = path === null ? undefined : context.fields[path];
  if (field) return (rng, scene) => field(scene, rng);
  if ('const' in node) {
    const value = JSON.stringify(node.const);
    return () => JSON.parse(value);
  }
  switch (node.type) {
    case 'object':
      return compileObject(node, example, context, (key) => childPath(path, key));
    case 'array': {
      const item = compileNode(
        (node.items ?? {}) as JsonSchema,
        null,
        Array.isArray(example) ? example[0] : undefined,
        context,
      );
      return (rng, scene) => Array.from({ length: rng.int(0, 3) }, () => item(rng, scene));
    }
    case 'string':
      return compileString(node, path);
    case 'integer':
      return (rng) => rng.int(0, 100);
    case 'number':
      return (rng) => rng.float(0, 100, 2);
    case 'boolean':
      return (rng) => rng.chance(0.5);
    default:
      return () => null;
  }
}

function compileAnyOf(
  branches: JsonSchema[],
  path: string | null,
  example: unknown,
  context: Context,
): Build {
  const nullable = branches.some((b) => b.type === 'null');
  const others = branches.filter((b) => b.type !== 'null').map((b) => compileNode(b, path, example, context));
  if (others.length === 0) return () => null;
  if (nullable && others.length === 1) {
    const inner = others[0]!;
    return (rng, scene) => (rng.chance(NULL_PROBABILITY) ? null : inner(rng, scene));
  }
  const choices = nullable ? [...others, () => null] : others;
  return (rng, scene) => rng.pick(choices)(rng, scene);
}

function compileObject(
  node: JsonSchema,
  example: unknown,
  context: Context,
  pathOf: (key: string) => string | null,
): Build {
  const properties = (node.properties ?? {}) as Record<string, JsonSchema>;
  const exampleObject =
    typeof example === 'object' && example !== null ? (example as Record<string, unknown>) : {};
  // The documented example's key order first (the flat schema sorts its keys; the page's payload does not).
  const keys = [
    ...Object.keys(exampleObject).filter((k) => k in properties),
    ...Object.keys(properties).filter((k) => !(k in exampleObject)),
  ];
  const entries = keys.map(
    (key) => [key, compileNode(properties[key]!, pathOf(key), exampleObject[key], context)] as const,
  );
  return (rng, scene) => {
    const out: Record<string, unknown> = {};
    for (const [key, build] of entries) out[key] = build(rng, scene);
    return out;
  };
}

function compileString(node: JsonSchema, path: string | null): Build {
  if (node.format === 'date-time') return (rng, scene) => isoZ(scene.eventMs - rng.int(0, 3600) * 1000);
  // A documented example is used only when it has the field's own type: `os` documents
  // examples: ["Linux"] although it is an object or null.
  const examples = (Array.isArray(node.examples) ? node.examples : []).filter(
    (e): e is string => typeof e === 'string',
  );
  if (examples.length > 0) return (rng) => rng.pick(examples);
  const stem = (path ?? 'value').split('.').pop()!.replace(/_/g, '-');
  return (rng) => `${stem}-${rng.alnum(8)}`;
}

function resolve(ref: string, context: Context): JsonSchema {
  const name = ref.startsWith('#/$defs/') ? ref.slice('#/$defs/'.length) : null;
  const target = name === null ? undefined : context.defs[name];
  if (!target)
    throw new Error(
      `unsupported $ref ${ref} (only #/$defs/... references are used by the Console's schemas)`,
    );
  return target;
}
