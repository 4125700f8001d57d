import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSource } from '../../src/cli/commands/send-source.js';

const dir = mkdtempSync(join(tmpdir(), 'cswm-source-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('loadSource refusing a file that is not JSON', () => {
  it('names the bad NDJSON line and its column, and says "not JSON" once', async () => {
    const path = file('third.ndjson', '{"a":1}\n{"b":2}\n{"c" 3}\n');
    await expect(loadSource(path, { count: 1, validate: false })).rejects.toMatchObject({
      code: 'ERR_INVALID_JSON',
      message: `${path} line 3: not JSON (Expected ':' after property name (column 6)); write one event per line, or one JSON document`,
    });
  });

  it('reports a broken pretty-printed document once, from the line where it starts', async () => {
    const path = file('broken.json', '\n{\n  "a": 1,\n}\n');
    await expect(loadSource(path, { count: 1, validate: false })).rejects.toMatchObject({
      code: 'ERR_INVALID_JSON',
      message: `${path} line 2: not JSON (Expected double-quoted property name (line 4, column 1 of the document)); write one event per line, or one JSON document`,
    });
  });
});

describe('loadSource reading a file', () => {
  it('sends one document as its bytes, an array item by item, and NDJSON line by line', async () => {
    const bodies = async (path: string) => {
      const { items } = await loadSource(path, { count: 1, validate: false });
      const out: string[] = [];
      for await (const item of items) out.push((item as { body: string }).body);
      return out;
    };
    expect(await bodies(file('one.json', '\n{ "a": 1 }\n'))).toEqual(['{ "a": 1 }']);
    expect(await bodies(file('array.json', '[{"a":1}, {"b":2}]'))).toEqual(['{"a":1}', '{"b":2}']);
    expect(await bodies(file('lines.ndjson', '{"a":1}\n\n {"b":2} \n'))).toEqual(['{"a":1}', '{"b":2}']);
  });

  it('names the line of a single invalid event after blank lines', async () => {
    const path = file('invalid.json', '\n\n{"details":{"event_type":"payment_failed"}}\n');
    await expect(loadSource(path, { count: 1 })).rejects.toThrow(`${path} line 3: `);
  });

  it('refuses a blank file as holding no events', async () => {
    const path = file('blank.ndjson', '  \n\n');
    await expect(loadSource(path, { count: 1 })).rejects.toThrow(`${path} holds no events`);
  });
});
