/**
 * The realism the documented types have, applied to a custom schema by field name and format:
 * an attacker's address, country, city and network (one source per event, so they agree),
 * CrowdSec scenario names, host names, timestamps near the run's clock, the run's organization,
 * 32-hex event ids. A realistic value replaces json-schema-faker's only where the field's
 * schema allows it (type, format, enum, pattern, lengths, bounds); every event is validated
 * again anyway before it leaves.
 */
import type { Rng } from '../random.js';
import { HOSTNAMES, SCENARIOS } from '../realism/data.js';
import { ATTACKER_NETWORKS, type Network, PLACES, type Place } from '../realism/geo-data.js';
import { ipv4In, ipv6In, near } from '../realism/network.js';
import { isoOffset, isoZ, SECOND_MS } from '../realism/time.js';
import type { BaseScene } from '../realism/types.js';

type Node = Record<string, unknown>;

/** How often a list the schema allows to be empty is emptied (as the documented types' builder does for nulls). */
const EMPTY_LIST_PROBABILITY = 0.15;

/** The Console's envelope, for a schema that describes it loosely (an object with a version and an issuer). */
const ENVELOPE_VALUES: Readonly<Record<string, unknown>> = {
  '/metadata/version': 1,
  '/metadata/issuer': 'crowdsec.net',
};

interface Source {
  network: Network;
  place: Place;
  ipv4: string;
  latitude: number;
  longitude: number;
}

/** What one event's realistic values are drawn from. */
export class EventRealism {
  #source: Source | undefined;

  constructor(
    readonly rng: Rng,
    readonly scene: BaseScene,
  ) {}

  /** The event's one attacking source, drawn when a field first asks for it. */
  source(): Source {
    if (!this.#source) {
      const network = this.rng.pick(ATTACKER_NETWORKS);
      const place = this.rng.pick(PLACES[this.rng.pick(network.countries)]!);
      const ipv4 = ipv4In(this.rng, this.rng.pick(network.v4)).text;
      this.#source = { network, place, ipv4, ...near(this.rng, place) };
    }
    return this.#source;
  }

  ipv6(): string {
    const own = this.source().network.v6;
    const prefix = own ?? this.rng.pick(ATTACKER_NETWORKS.filter((n) => n.v6 !== null)).v6!;
    return ipv6In(this.rng, prefix);
  }

  /** A time in the hour before the event (whole seconds). */
  recentMs(): number {
    return this.scene.eventMs - this.rng.int(0, 3600) * SECOND_MS;
  }

  /**
   * json-schema-faker's outputTransform: called for every value it made, children first, with
   * the (resolved) schema node it made it from and its JSON pointer.
   */
  transform = (value: unknown, node: unknown, pointer: string): unknown => {
    if (value === null || typeof node !== 'object' || node === null) return value;
    const schema = node as Node;
    if (Array.isArray(value)) return this.maybeEmpty(value, schema);
    const envelope = ENVELOPE_VALUES[pointer];
    if (envelope !== undefined) return fits(envelope, schema) ? envelope : value;
    const name = fieldName(pointer);
    for (const rule of RULES) {
      if (!rule.applies(name, schema)) continue;
      const realistic = rule.make(this, schema);
      return fits(realistic, schema) ? realistic : value;
    }
    return value;
  };

  private maybeEmpty(value: unknown[], schema: Node): unknown[] {
    if (value.length === 0 || Number(schema.minItems ?? 0) > 0 || schema.contains !== undefined) return value;
    return this.rng.chance(EMPTY_LIST_PROBABILITY) ? [] : value;
  }
}

/** The property a pointer ends in (`/details/source/ip` -> `ip`); for a list item, the list's name. */
function fieldName(pointer: string): string {
  const parts = pointer.split('/');
  for (let i = parts.length - 1; i > 0; i--) {
    const part = parts[i]!;
    if (!/^\d+$/.test(part)) return part.replace(/~1/g, '/').replace(/~0/g, '~');
  }
  return '';
}

interface Rule {
  applies(name: string, schema: Node): boolean;
  make(event: EventRealism, schema: Node): unknown;
}

/** A rule for fields named like this (and strings without a format of their own, or with this format). */
function byName(pattern: RegExp, make: Rule['make'], format?: string): Rule {
  return {
    applies: (name, schema) =>
      pattern.test(name) && (schema.format === undefined || schema.format === format),
    make,
  };
}

function byFormat(format: string, make: Rule['make']): Rule {
  return { applies: (_name, schema) => schema.format === format, make };
}

/** The first rule that applies to a field decides; order matters (event_timestamp before any date-time). */
const RULES: readonly Rule[] = [
  byName(/^event_id$/, (e) => e.rng.hex(32)),
  byName(/^organization_id$/, (e) => e.scene.organizationId, 'uuid'),
  byName(/^event_timestamp$/, (e) => isoOffset(e.scene.eventMs, e.scene.micros), 'date-time'),
  byFormat('date-time', (e) => isoZ(e.recentMs())),
  byFormat('date', (e) => isoZ(e.recentMs()).slice(0, 10)),
  byFormat('ipv4', (e) => e.source().ipv4),
  byFormat('ipv6', (e) => e.ipv6()),
  byName(/(^|_)(at|timestamp|time)$/, (e) => isoZ(e.recentMs())),
  byName(/^(ip|ip_address|ipv4|source_ip|src_ip|remote_ip|attacker_ip)$/, (e) => e.source().ipv4),
  byName(/^ipv6$/, (e) => e.ipv6()),
  byName(/^(country|country_code|source_country)$/, (e) => e.source().place.country),
  byName(/^city$/, (e) => e.source().place.city),
  byName(/^(as_number|asn|as_num)$/, (e, schema) =>
    allowsType(schema, 'integer') ? e.source().network.asNumber : String(e.source().network.asNumber),
  ),
  byName(/^(as_name|as_org|asn_name)$/, (e) => e.source().network.asName),
  byName(/^latitude$/, (e) => e.source().latitude),
  byName(/^longitude$/, (e) => e.source().longitude),
  byName(/^(scenario|scenario_name)$/, (e) => e.rng.pick(SCENARIOS).name),
  byName(/^(hostname|host_name|machine_name)$/, (e) => e.rng.pick(HOSTNAMES), 'hostname'),
];

function allowsType(schema: Node, type: string): boolean {
  const declared = schema.type;
  if (declared === undefined) return true;
  const types = Array.isArray(declared) ? declared : [declared];
  return types.includes(type) || (type === 'integer' && types.includes('number'));
}

const patterns = new Map<string, RegExp | null>();

function matchesPattern(text: string, pattern: string): boolean {
  let regex = patterns.get(pattern);
  if (regex === undefined) {
    try {
      regex = new RegExp(pattern, 'u');
    } catch {
      regex = null;
    }
    patterns.set(pattern, regex);
  }
  return regex?.test(text) ?? false;
}

/** True when the schema node allows `value` as far as this field's own keywords say. */
function fits(value: unknown, schema: Node): boolean {
  if ('const' in schema) return false;
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) return false;
  if (typeof value === 'string') {
    const length = [...value].length;
    return (
      allowsType(schema, 'string') &&
      !(typeof schema.minLength === 'number' && length < schema.minLength) &&
      !(typeof schema.maxLength === 'number' && length > schema.maxLength) &&
      (typeof schema.pattern !== 'string' || matchesPattern(value, schema.pattern))
    );
  }
  if (typeof value === 'number') {
    return (
      allowsType(schema, Number.isInteger(value) ? 'integer' : 'number') &&
      !(typeof schema.minimum === 'number' && value < schema.minimum) &&
      !(typeof schema.maximum === 'number' && value > schema.maximum) &&
      !(typeof schema.exclusiveMinimum === 'number' && value <= schema.exclusiveMinimum) &&
      !(typeof schema.exclusiveMaximum === 'number' && value >= schema.exclusiveMaximum) &&
      schema.multipleOf === undefined
    );
  }
  return false;
}
