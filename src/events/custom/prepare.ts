/**
 * A custom schema made ready for json-schema-faker, once per schema: a copy in the 2020-12
 * vocabulary it reads (draft-07's array form of `items` becomes `prefixItems`, `additionalItems`
 * becomes `items`), without the `examples` of objects and lists (json-schema-faker would return
 * an example object whole, every time; examples of single values stay: they are the author's
 * realistic values, and json-schema-faker picks among them).
 */
import type { JsonSchema } from '../schemas.js';

type Node = Record<string, unknown>;

const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function prepareForFaker(schema: JsonSchema): JsonSchema {
  return rewrite(structuredClone(schema)) as JsonSchema;
}

function rewrite(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewrite);
  if (!isNode(value)) return value;
  const node = value;
  if (Array.isArray(node.items)) {
    node.prefixItems = node.items;
    if ('additionalItems' in node) node.items = node.additionalItems;
    else delete node.items;
    delete node.additionalItems;
  }
  if (Array.isArray(node.examples) && node.examples.some((e) => typeof e === 'object' && e !== null)) {
    delete node.examples;
  }
  for (const [key, child] of Object.entries(node)) {
    // const, enum, default and examples hold values, not schemas.
    if (key === 'const' || key === 'enum' || key === 'default' || key === 'examples') continue;
    node[key] = rewrite(child);
  }
  return node;
}
