/** Realism of the Threat Hunting events and of blocking_safe_ip (an alert on a known-safe source). */
import type { Rng } from '../random.js';
import { baseScene, COMMON_FIELDS } from './common.js';
import { BEHAVIORS, FALSE_POSITIVE_SCENARIOS, SCENARIOS } from './data.js';
import { SAFE_SOURCES } from './geo-data.js';
import { attackerSource, type SourceScene, sourceFrom, targetMachine } from './network.js';
import { goTime, isoZ, isoZMicros, MINUTE_MS, SECOND_MS } from './time.js';
import { type BaseScene, realism, type SceneContext } from './types.js';

const SLOT_MS = 15 * MINUTE_MS;

interface AttackScene extends BaseScene {
  startMs: number;
  endMs: number;
  segments: string[];
  watchers: { watcher_uuid: string; total_signals: number }[];
  totalSignals: number;
  quiet: boolean;
  firstMs: number;
  lastMs: number;
  unique: number;
  detections: number;
}

/**
 * "Am I under attack" compares 15-minute windows with a 4-hour reference: a window of 1 to 16
 * slots ending on a 15-minute boundary before the event, anomalies on slots inside it, watcher
 * signals adding up to the total. One in ten is quiet: no watchers, no segments, zero signals.
 */
function attackScene(rng: Rng, context: SceneContext): AttackScene {
  const base = baseScene(rng, context);
  const endMs = Math.floor((base.eventMs - rng.int(0, 10) * MINUTE_MS) / SLOT_MS) * SLOT_MS;
  const slots = rng.int(1, 16);
  const startMs = endMs - slots * SLOT_MS;
  const quiet = rng.chance(0.1);
  const watchers = quiet
    ? []
    : Array.from({ length: rng.int(1, 4) }, () => ({
        watcher_uuid: rng.uuid(),
        total_signals: rng.int(1, 400),
      }));
  const totalSignals = watchers.reduce((sum, w) => sum + w.total_signals, 0);
  const picked = new Set<number>();
  const wanted = quiet ? 0 : rng.int(1, Math.min(slots, 6));
  while (picked.size < wanted) picked.add(rng.int(0, slots - 1));
  const segments = [...picked].sort((a, b) => a - b).map((slot) => isoZ(startMs + slot * SLOT_MS));
  const firstMs = quiet ? startMs : startMs + rng.int(0, (slots * SLOT_MS) / 2 / SECOND_MS) * SECOND_MS;
  const lastMs = quiet ? startMs : firstMs + rng.int(0, (endMs - firstMs) / SECOND_MS) * SECOND_MS;
  const unique = quiet ? 0 : rng.int(1, Math.min(12, totalSignals));
  const detections = quiet ? 0 : rng.int(unique, totalSignals);
  return {
    ...base,
    startMs,
    endMs,
    segments,
    watchers,
    totalSignals,
    quiet,
    firstMs,
    lastMs,
    unique,
    detections,
  };
}

export const amIUnderAttack = realism<AttackScene>({
  scene: attackScene,
  fields: {
    ...COMMON_FIELDS,
    start_date: (s) => isoZ(s.startMs),
    end_date: (s) => isoZ(s.endMs),
    segments_with_anomaly: (s) => s.segments,
    total_signals: (s) => s.totalSignals,
    watchers: (s) => s.watchers,
    'report_data.is_attack_detected': (s) => !s.quiet,
    'report_data.unique_detections': (s) => s.unique,
    'report_data.total_detections': (s) => s.detections,
    'report_data.attack_length': (s) => (s.endMs - s.startMs) / SECOND_MS,
    'report_data.first_detection_date': (s) => isoZ(s.firstMs),
    'report_data.last_detection_date': (s) => isoZ(s.lastMs),
    'report_data.increased_percentage': (s, rng) => (s.quiet ? 0 : rng.float(15, 900, 1)),
  },
});

interface AlertScene extends BaseScene {
  startMs: number;
  stopMs: number;
  scenario: string;
  behaviors: { name: string; description: string; label: string }[];
  source: SourceScene;
  target: { ip: string; id: string; name: string };
}

function behaviorsOf(rng: Rng, scenario: string): AlertScene['behaviors'] {
  const names = SCENARIOS.find((s) => s.name === scenario)?.behaviors ?? [];
  // Sometimes the Console knows no behaviour for the source: receivers must take an empty list.
  if (rng.chance(0.12)) return [];
  return names.map((name) => {
    const b = BEHAVIORS[name]!;
    return { name: b.name, description: b.description, label: b.label };
  });
}

/** An attack of 0 to 10 minutes that stopped shortly before the event was emitted. */
function alertScene(rng: Rng, context: SceneContext): AlertScene {
  const base = baseScene(rng, context);
  const stopMs = base.eventMs - rng.int(1, 90) * SECOND_MS;
  const startMs = stopMs - (rng.chance(0.1) ? 0 : rng.int(1, 600)) * SECOND_MS;
  const scenario = rng.pick(SCENARIOS).name;
  const behaviors = behaviorsOf(rng, scenario);
  return {
    ...base,
    startMs,
    stopMs,
    scenario,
    behaviors,
    source: attackerSource(rng),
    target: targetMachine(rng),
  };
}

/** CrowdSec's own alert message: `Ip 1.2.3.4 performed 'crowdsecurity/ssh-bf' (6 events over 2.05s) at ...`. */
function alertMessage(s: AlertScene, rng: Rng): string {
  const who = s.source.scope === 'ip' ? `Ip ${s.source.value}` : `Range ${s.source.value}`;
  const over = ((s.stopMs - s.startMs) / SECOND_MS + rng.int(0, 99) / 100).toFixed(2);
  return `${who} performed '${s.scenario}' (${rng.int(5, 300)} events over ${over}s) at ${goTime(s.stopMs)}`;
}

const ALERT_FIELDS = {
  uuid: (_s: AlertScene, rng: Rng) => rng.uuid(),
  message: alertMessage,
  scenario: (s: AlertScene) => s.scenario,
  behaviors: (s: AlertScene) => s.behaviors,
  'target.ip': (s: AlertScene) => s.target.ip,
  'target.id': (s: AlertScene) => s.target.id,
  'target.name': (s: AlertScene) => s.target.name,
  'source.scope': (s: AlertScene) => s.source.scope,
  'source.value': (s: AlertScene) => s.source.value,
  'source.as_name': (s: AlertScene) => s.source.network.asName,
  'source.as_number': (s: AlertScene) => s.source.network.asNumber,
  'source.country': (s: AlertScene) => s.source.place.country,
  'source.city': (s: AlertScene) => s.source.place.city,
  'source.latitude': (s: AlertScene) => s.source.latitude,
  'source.longitude': (s: AlertScene) => s.source.longitude,
  'source.rdns': (s: AlertScene) => s.source.rdns,
  is_manual_decision: (_s: AlertScene, rng: Rng) => rng.chance(0.05),
  scenario_confidence: (_s: AlertScene, rng: Rng) => (rng.chance(0.1) ? 0 : rng.int(40, 100)),
};

export const alertTriggered = realism<AlertScene>({
  scene: alertScene,
  fields: {
    ...COMMON_FIELDS,
    ...ALERT_FIELDS,
    start_at: (s) => isoZ(s.startMs),
    stop_at: (s) => isoZ(s.stopMs),
  },
});

interface SafeScene extends AlertScene {
  falsePositives: { name: string; description: string; label: string }[];
}

/** A legitimate crawler, CDN or probe blocked by a scenario that misfired on it. */
function safeScene(rng: Rng, context: SceneContext): SafeScene {
  const base = baseScene(rng, context);
  const stopMs = base.eventMs - rng.int(0, 10) * SECOND_MS;
  const startMs = stopMs - (rng.chance(0.3) ? 0 : rng.int(1, 120)) * SECOND_MS;
  const safe = rng.pick(SAFE_SOURCES);
  const scenario = rng.pick(FALSE_POSITIVE_SCENARIOS);
  const fp = (x: (typeof SAFE_SOURCES)[number]) => ({
    name: x.name,
    description: x.description,
    label: x.label,
  });
  const falsePositives = rng.chance(0.1)
    ? []
    : rng.chance(0.1)
      ? [fp(safe), fp(rng.pick(SAFE_SOURCES))]
      : [fp(safe)];
  return {
    ...base,
    startMs,
    stopMs,
    scenario,
    behaviors: behaviorsOf(rng, scenario),
    source: sourceFrom(rng, safe.network, safe.place, false),
    target: targetMachine(rng),
    falsePositives,
  };
}

export const blockingSafeIp = realism<SafeScene>({
  scene: safeScene,
  fields: {
    ...COMMON_FIELDS,
    ...ALERT_FIELDS,
    event_timestamp: (s) => isoZMicros(s.eventMs, s.micros),
    start_at: (s, rng) => isoZMicros(s.startMs, s.startMs === s.stopMs ? 0 : rng.int(0, 999_999)),
    stop_at: (s) => isoZMicros(s.stopMs, 0),
    false_positives: (s) => s.falsePositives,
  },
});
