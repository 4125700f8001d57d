import { describe, expect, it } from 'vitest';
import { computeScore } from './score.js';
import type { Severity } from './types.js';

type Row = [Severity, 'pass' | 'fail' | 'skip'];
const results = (rows: Row[]) => rows.map(([severity, result], i) => ({ id: `c.${i}`, severity, result }));

describe('computeScore', () => {
  it.each<[string, Row[], number, boolean]>([
    [
      'all pass',
      [
        ['critical', 'pass'],
        ['high', 'pass'],
        ['medium', 'pass'],
        ['low', 'pass'],
      ],
      100,
      true,
    ],
    [
      'one low failure keeps the verdict',
      [
        ['critical', 'pass'],
        ['low', 'fail'],
      ],
      90,
      true,
    ],
    [
      'one medium failure keeps the verdict',
      [
        ['high', 'pass'],
        ['medium', 'fail'],
      ],
      71,
      true,
    ],
    [
      'a high failure blocks',
      [
        ['critical', 'pass'],
        ['high', 'fail'],
      ],
      66,
      false,
    ],
    [
      'a critical failure blocks',
      [
        ['critical', 'fail'],
        ['high', 'pass'],
        ['low', 'pass'],
      ],
      37,
      false,
    ],
    [
      'skips weigh nothing',
      [
        ['critical', 'pass'],
        ['critical', 'skip'],
        ['high', 'skip'],
      ],
      100,
      true,
    ],
    [
      'all fail',
      [
        ['critical', 'fail'],
        ['low', 'fail'],
      ],
      0,
      false,
    ],
    ['nothing ran is never ready', [['critical', 'skip']], 0, false],
    ['no checks at all', [], 0, false],
    [
      'rounds down: 99.6 shows 99',
      [...Array.from({ length: 25 }, (): Row => ['critical', 'pass']), ['low', 'fail']],
      99,
      true,
    ],
  ])('%s', (_name, rows, score, ready) => {
    const result = computeScore(results(rows));
    expect(result.score).toBe(score);
    expect(result.ready).toBe(ready);
  });

  it('lists the failed critical and high checks as blocking, and not the others', () => {
    const result = computeScore([
      { id: 'a.critical', severity: 'critical', result: 'fail' },
      { id: 'b.high', severity: 'high', result: 'fail' },
      { id: 'c.medium', severity: 'medium', result: 'fail' },
      { id: 'd.low', severity: 'low', result: 'fail' },
    ]);
    expect(result.blocking).toEqual(['a.critical', 'b.high']);
    expect([result.earned, result.possible]).toEqual([0, 18]);
  });
});
