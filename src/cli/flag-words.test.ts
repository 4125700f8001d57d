import { describe, expect, it } from 'vitest';
import { inFlagTerms } from './flag-words.js';

describe('inFlagTerms', () => {
  it('names the flag for each option a library message names', () => {
    expect(inFlagTerms('`only`: no check matches "x"; leave `only` out to select all')).toBe(
      '--only: no check matches "x"; leave --only out to select all',
    );
    expect(inFlagTerms('port 3000 is not allowed; pass `allowAnyPort: true` to test locally')).toBe(
      'port 3000 is not allowed; pass --allow-any-port to test locally',
    );
  });

  it('leaves other backticked words and inherited names alone', () => {
    expect(inFlagTerms('run `cswm events` to list them; `constructor`')).toBe(
      'run `cswm events` to list them; `constructor`',
    );
  });
});
