import * as fs from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { bundledScenarios, listScenarios, loadScenario } from './catalog.js';

vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  return { ...actual, readdirSync: vi.fn(actual.readdirSync) };
});

describe('the bundled catalog', () => {
  it('reads the scenarios directory once per process, however many scenarios are loaded', () => {
    const ids = listScenarios().map((s) => s.id);
    expect(ids.length).toBeGreaterThan(10);
    for (const id of ids) expect(loadScenario(id).id).toBe(id);
    expect(() => loadScenario('no-such-scenario')).toThrow(/unknown scenario "no-such-scenario"/);
    expect(bundledScenarios().map((s) => s.id)).toEqual(ids);
    expect(vi.mocked(fs.readdirSync)).toHaveBeenCalledTimes(1);
  });
});
