import { describe, expect, it, vi } from 'vitest';

// A realism rule that writes the wrong type stands for any generator bug.
vi.mock('./realism/index.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('./realism/index.js')>();
  const alert = original.REALISM.alert_triggered;
  return {
    ...original,
    REALISM: {
      ...original.REALISM,
      alert_triggered: { ...alert, fields: { ...alert.fields, scenario_confidence: () => 'high' } },
    },
  };
});

const { generateEvent } = await import('./generator.js');

describe('a generator bug', () => {
  it('throws an InvalidEventError that is not an input error, never a silently invalid event', () => {
    expect(() => generateEvent('alert_triggered', { seed: 1 })).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_EVENT', isInputError: false }),
    );
  });
});
