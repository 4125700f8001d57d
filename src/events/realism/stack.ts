/** Realism of the Stack and Admin events: engines, log processors, remediation components, integrations. */
import type { EventType } from '../catalog.js';
import type { Rng } from '../random.js';
import { baseScene, COMMON_FIELDS, machineId } from './common.js';
import {
  ENGINE_VERSIONS,
  FIREWALL_INTEGRATIONS,
  HOSTNAMES,
  OPERATING_SYSTEMS,
  REMEDIATION_COMPONENTS,
  REMEDIATION_INTEGRATIONS,
} from './data.js';
import { HOUR_MS, SECOND_MS, zoneless } from './time.js';
import { type BaseScene, realism, type SceneContext, type TypeRealism } from './types.js';

interface ComponentScene extends BaseScene {
  /** When the component was last seen: at least the event's silence threshold before the event. */
  lastMs: number;
  host: string;
  remediation: (typeof REMEDIATION_COMPONENTS)[number];
}

/** How long a component must be silent before the Console sends the event (the page's 24 h and 48 h). */
const SILENCE_HOURS = {
  firewall_integration_offline: 24,
  remediation_component_integration_offline: 24,
  log_processor_offline: 24,
  remediation_component_offline: 24,
  log_processor_no_alerts: 48,
  security_engine_no_alerts: 48,
  security_engine_offline: 48,
} as const satisfies Partial<Record<EventType, number>>;

function componentScene(silenceHours: number): (rng: Rng, context: SceneContext) => ComponentScene {
  return (rng, context) => {
    const base = baseScene(rng, context);
    const silentMs = silenceHours * HOUR_MS + rng.int(0, 72 * 3600) * SECOND_MS;
    return {
      ...base,
      lastMs: base.eventMs - silentMs,
      host: rng.pick(HOSTNAMES),
      remediation: rng.pick(REMEDIATION_COMPONENTS),
    };
  };
}

const engineFields = {
  ...COMMON_FIELDS,
  id: (_s: ComponentScene, rng: Rng) => machineId(rng),
  version: (_s: ComponentScene, rng: Rng) => rng.pick(ENGINE_VERSIONS),
  os: (_s: ComponentScene, rng: Rng) => ({ ...rng.pick(OPERATING_SYSTEMS) }),
  name: (s: ComponentScene) => s.host,
};

const engine = (extra: Record<string, (s: ComponentScene, rng: Rng) => unknown> = {}, silence = 0) =>
  realism<ComponentScene>({ scene: componentScene(silence), fields: { ...engineFields, ...extra } });

const last = (s: ComponentScene) => zoneless(s.lastMs);

/** Names a remediation component the way cscli registers it: `cs-firewall-bouncer-1712345678`. */
function bouncerName(s: ComponentScene, rng: Rng): string {
  return rng.chance(0.6)
    ? `${s.remediation.name}-${Math.floor(s.lastMs / SECOND_MS) - rng.int(86_400, 86_400 * 400)}`
    : `${s.remediation.name}-${s.host}`;
}

interface OutdatedScene extends BaseScene {
  counts: [number, number, number];
}

/** At least one component is outdated, or the Console would have nothing to say. */
function outdatedScene(rng: Rng, context: SceneContext): OutdatedScene {
  const counts: [number, number, number] = [rng.int(0, 12), rng.int(0, 12), rng.int(0, 6)];
  if (counts[0] + counts[1] + counts[2] === 0) counts[2] = 1;
  return { ...baseScene(rng, context), counts };
}

export const STACK_REALISM: Partial<Record<EventType, TypeRealism>> = {
  security_engine_enrolled: engine(),
  security_engine_unenrolled: engine(),
  security_engine_long_pending_enroll: engine(),
  security_engine_no_alerts: engine({ last_push: last }, SILENCE_HOURS.security_engine_no_alerts),
  security_engine_offline: engine({ last_login: last }, SILENCE_HOURS.security_engine_offline),
  log_processor_no_alerts: engine({ last_push: last }, SILENCE_HOURS.log_processor_no_alerts),
  log_processor_offline: engine({ last_update: last }, SILENCE_HOURS.log_processor_offline),
  remediation_component_offline: engine(
    {
      name: bouncerName,
      version: (s, rng) => rng.pick(s.remediation.versions),
      last_pull: last,
    },
    SILENCE_HOURS.remediation_component_offline,
  ),
  firewall_integration_offline: engine(
    { name: (_s, rng) => rng.pick(FIREWALL_INTEGRATIONS), last_pull: last },
    SILENCE_HOURS.firewall_integration_offline,
  ),
  remediation_component_integration_offline: engine(
    { name: (_s, rng) => rng.pick(REMEDIATION_INTEGRATIONS), last_pull: last },
    SILENCE_HOURS.remediation_component_integration_offline,
  ),
  component_outdated: realism<OutdatedScene>({
    scene: outdatedScene,
    fields: {
      ...COMMON_FIELDS,
      nb_remediation_component: (s) => s.counts[0],
      nb_log_processor: (s) => s.counts[1],
      nb_security_engine: (s) => s.counts[2],
    },
  }),
  payment_failed: realism<BaseScene>({ scene: baseScene, fields: COMMON_FIELDS }),
};
