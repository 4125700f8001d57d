import type { EventType } from '../catalog.js';
import { STACK_REALISM } from './stack.js';
import { alertTriggered, amIUnderAttack, blockingSafeIp } from './threat.js';
import type { TypeRealism } from './types.js';

export type { SceneContext, TypeRealism } from './types.js';

/** Per-type realism, looked up by event type. */
export const REALISM = {
  ...STACK_REALISM,
  am_i_under_attack: amIUnderAttack,
  alert_triggered: alertTriggered,
  blocking_safe_ip: blockingSafeIp,
} as Record<EventType, TypeRealism>;
