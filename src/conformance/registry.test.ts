import { describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '../events/catalog.js';
import { ALL_CHECKS, CHECKS, selectChecks } from './registry.js';

const ids = (only: string[], skip: string[] = []) =>
  selectChecks(ALL_CHECKS, { only, skip }).map((c) => c.id);

describe('the check registry', () => {
  it('has unique area.property ids, one delivery.accepts per documented type', () => {
    const all = CHECKS.map((c) => c.id);
    expect(new Set(all).size).toBe(all.length);
    for (const id of all) expect(id).toMatch(/^[a-z]+\.[a-z0-9_.-]+$/);
    expect(all.filter((id) => id.startsWith('delivery.accepts.'))).toEqual(
      EVENT_TYPES.map((t) => `delivery.accepts.${t}`),
    );
  });

  it('selects a group by prefix', () => {
    expect(ids(['delivery.accepts'])).toHaveLength(15);
    expect(ids(['payload'])).toEqual([
      'payload.nullable-fields',
      'payload.unknown-fields',
      'payload.unknown-event-type',
      'payload.blocking-safe-ip-forms',
      'payload.large',
    ]);
  });

  it('does not treat a partial word as a prefix', () => {
    expect(() => ids(['pay'])).toThrow(expect.objectContaining({ code: 'ERR_UNKNOWN_CHECK' }));
  });

  it('takes comma-separated lists and applies --skip after --only', () => {
    expect(ids(['auth,load'], ['auth.rejects-wrong'])).toEqual([
      'auth.required',
      'auth.rejects-missing',
      'load.burst',
    ]);
  });

  it('refuses a skip selector that matches nothing, listing the valid ids', () => {
    try {
      ids([], ['payload.typo']);
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: 'ERR_UNKNOWN_CHECK', isInputError: true });
      expect((error as Error).message).toContain('load.burst');
    }
  });

  it.each([
    ['only', [''], []],
    ['only', [' , '], []],
    ['skip', [], [',']],
  ])('refuses an empty %s list instead of silently selecting everything', (option, only, skip) => {
    expect(() => ids(only, skip)).toThrow(
      expect.objectContaining({
        code: 'ERR_UNKNOWN_CHECK',
        message: expect.stringContaining(`\`${option}\`: the list is empty`),
      }),
    );
  });

  it('selects every check when neither list is given', () => {
    expect(ids([])).toEqual(CHECKS.map((c) => c.id));
  });
});
