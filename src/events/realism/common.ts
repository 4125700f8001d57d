import type { Rng } from '../random.js';
import { isoOffset, SECOND_MS } from './time.js';
import type { BaseScene, FieldFn, SceneContext } from './types.js';

/** The event was emitted up to two minutes before the clock. */
export function baseScene(rng: Rng, context: SceneContext): BaseScene {
  return {
    eventMs: context.nowMs - rng.int(5, 120) * SECOND_MS,
    micros: rng.int(0, 999_999),
    organizationId: context.organizationId,
  };
}

/** Fields every event has: a 32-hex id, the organization's UUID, the emission time. */
export const COMMON_FIELDS: Readonly<Record<string, FieldFn<BaseScene>>> = {
  event_id: (_s, rng) => rng.hex(32),
  organization_id: (s) => s.organizationId,
  event_timestamp: (s) => isoOffset(s.eventMs, s.micros),
};

/** A security engine's machine id: 32 hex digits and 16 lowercase letters or digits, as cscli makes them. */
export function machineId(rng: Rng): string {
  return rng.hex(32) + rng.alnum(16);
}
