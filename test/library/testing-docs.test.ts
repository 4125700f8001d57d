import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURES = ['receiver.ts', 'receiver.spec.ts', 'retries.spec.ts', 'container.spec.ts'].map(
  (f) => `test/consumer/fixture/${f}`,
);

/** Code blocks preceded by `<!-- file: path -->`: the text that must equal that file. */
function markedBlocks(markdown: string): { file: string; code: string }[] {
  const blocks: { file: string; code: string }[] = [];
  const pattern = /<!-- file: (\S+) -->\n```ts\n([\s\S]*?)\n```/g;
  for (const match of markdown.matchAll(pattern)) blocks.push({ file: match[1]!, code: match[2]! });
  return blocks;
}

function read(path: string): string {
  return readFileSync(`${ROOT}${path}`, 'utf8');
}

describe('the "Use in your tests" examples', () => {
  const testingDoc = markedBlocks(read('docs/testing.md'));

  it('shows every consumer-proof file in docs/testing.md', () => {
    expect(testingDoc.map((b) => b.file)).toEqual(FIXTURES);
  });

  it('shows each file exactly as the consumer proof runs it, in docs/testing.md and README.md', () => {
    const readme = existsSync(`${ROOT}README.md`) ? markedBlocks(read('README.md')) : [];
    const stale = [...testingDoc, ...readme]
      .filter((b) => b.code !== read(b.file).replace(/\n$/, ''))
      .map((b) => b.file);
    expect(stale).toEqual([]);
  });
});
