import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OUTPUT, renderTypes } from '../../scripts/generate-types.js';
import { documentedExample } from '../../src/events/schemas.js';
import { isAlertTriggeredEvent, isBlockingSafeIP, isEventOfType } from '../../src/events/types.generated.js';

describe('src/events/types.generated.ts', () => {
  it('is what scripts/generate-types.ts makes from the schemas today', async () => {
    expect(readFileSync(OUTPUT, 'utf8')).toBe(await renderTypes());
  });

  it('narrows payloads by event_type with its type guards', () => {
    const alert = documentedExample('alert_triggered');
    expect(isAlertTriggeredEvent(alert)).toBe(true);
    expect(isBlockingSafeIP(alert)).toBe(false);
    expect(isEventOfType(documentedExample('blocking_safe_ip'), 'blocking_safe_ip')).toBe(true);
    if (isAlertTriggeredEvent(alert)) expect(alert.details.scenario).toBe('ssh-brute-force');
  });
});
