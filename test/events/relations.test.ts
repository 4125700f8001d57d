import { describe, expect, it } from 'vitest';
import { generateEvent, REFERENCE_NOW } from '../../src/events/generator.js';
import { checkRelations } from './relations.js';

const NOW_MS = Date.parse(REFERENCE_NOW);

describe('the relation checks used on generated events', () => {
  it('catch watcher totals that do not add up', () => {
    const e = generateEvent('am_i_under_attack', { seed: 1, set: ['details.total_signals=123456'] });
    expect(checkRelations('am_i_under_attack', e, NOW_MS)).toContain(
      'watcher totals add up to total_signals',
    );
  });

  it('catch an attack that stops before it starts', () => {
    const e = generateEvent('alert_triggered', { seed: 1, set: ['details.start_at="2099-01-01T00:00:00Z"'] });
    expect(checkRelations('alert_triggered', e, NOW_MS)).toContain('start_at <= stop_at');
  });

  it('catch a source value that is not an address when the scope is ip', () => {
    const e = generateEvent('alert_triggered', {
      seed: 1,
      set: ['details.source.scope=ip', 'details.source.value=nope'],
    });
    expect(checkRelations('alert_triggered', e, NOW_MS)).toContain(
      'source.value is an IP address when scope is ip',
    );
  });

  it('catch a last_pull with a time zone', () => {
    const e = generateEvent('firewall_integration_offline', {
      seed: 1,
      set: ['details.last_pull="2025-05-01T00:00:00Z"'],
    });
    expect(checkRelations('firewall_integration_offline', e, NOW_MS)).toContain(
      'last_pull is in the zone-less documented style',
    );
  });
});
