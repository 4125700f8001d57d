import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENTRY_POINTS, type EntryPoint, publicExports } from './exports.js';

const API_MD = readFileSync(new URL('../../docs/api.md', import.meta.url), 'utf8');

interface DocEntry {
  entry: string;
  names: string[];
  heading: string;
  hasExample: boolean;
}

/** `## \`entry point\`` opens a section; every `#### ` heading documents the names in backticks. */
function documentedEntries(markdown: string): DocEntry[] {
  const entries: DocEntry[] = [];
  let entry = '';
  for (const line of markdown.split('\n')) {
    const section = /^## `([^`]+)`/.exec(line);
    if (section?.[1]) entry = section[1];
    if (line.startsWith('#### ')) {
      const names = [...line.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
      entries.push({ entry, names, heading: line, hasExample: false });
    } else if (line.startsWith('```ts') && entries.length > 0) {
      entries[entries.length - 1]!.hasExample = true;
    }
  }
  return entries;
}

const docs = documentedEntries(API_MD);
const exported = publicExports();

describe('docs/api.md against the entry points', () => {
  for (const entry of Object.keys(ENTRY_POINTS) as EntryPoint[]) {
    const documented = docs.filter((d) => d.entry === entry).flatMap((d) => d.names);
    const names = exported[entry].map((e) => e.name);

    it(`documents every export of ${entry}`, () => {
      expect(names.filter((n) => !documented.includes(n)).sort()).toEqual([]);
    });

    it(`documents nothing that ${entry} does not export`, () => {
      expect(documented.filter((n) => !names.includes(n)).sort()).toEqual([]);
    });
  }

  it('documents each name once', () => {
    const all = docs
      .map((d) => `${d.entry}:${d.names.join(',')}`)
      .flatMap((s) => {
        const [entry, names] = s.split(':');
        return names!.split(',').map((n) => `${entry}:${n}`);
      });
    expect(all.filter((n, i) => all.indexOf(n) !== i)).toEqual([]);
  });

  it('exports no name that shadows a global (Response, Event, Request, ...)', () => {
    // Node's globals, and the browser's that Node lacks but a reader knows.
    const globals = new Set([
      ...Object.getOwnPropertyNames(globalThis),
      ...['Document', 'Element', 'Window', 'Location', 'History', 'Storage', 'Node', 'Text', 'Image'],
    ]);
    const all = Object.values(exported).flatMap((list) => list.map((e) => e.name));
    expect(all.filter((name) => globals.has(name))).toEqual([]);
  });

  it('gives every entry a TypeScript example', () => {
    expect(docs.filter((d) => !d.hasExample).map((d) => d.heading)).toEqual([]);
  });
});

describe('TSDoc of the testing entry points', () => {
  for (const entry of ['crowdsec-webhook-mock/vitest', 'crowdsec-webhook-mock/testcontainers'] as const) {
    it(`documents every export of ${entry} with an @example at its definition`, () => {
      expect(exported[entry].filter((e) => !e.hasExample).map((e) => `${e.name} (${e.definedIn})`)).toEqual(
        [],
      );
    });
  }
});
