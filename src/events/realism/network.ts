/** Addresses, networks and places for the source and target of an alert. */
import type { Rng } from '../random.js';
import { HOSTNAMES } from './data.js';
import { ATTACKER_NETWORKS, type Network, PLACES, type Place } from './geo-data.js';

export interface SourceScene {
  scope: 'ip' | 'range';
  /** The address itself (for the alert message), or the range. */
  value: string;
  network: Network;
  place: Place;
  latitude: number;
  longitude: number;
  rdns: string | null;
}

function group(rng: Rng): string {
  return rng.int(0, 0xffff).toString(16);
}

/** An IPv4 address inside a /16 prefix such as `159.203`. */
export function ipv4In(rng: Rng, prefix: string): { text: string; octets: number[] } {
  const octets = [...prefix.split('.').map(Number), rng.int(0, 255), rng.int(1, 254)];
  return { text: octets.join('.'), octets };
}

/** An IPv6 address inside a /32 prefix such as `2a01:4f8`. */
export function ipv6In(rng: Rng, prefix: string): string {
  return `${prefix}:${group(rng)}:${group(rng)}::${rng.int(1, 0xffff).toString(16)}`;
}

/** A private address of the protected machine: RFC 1918 IPv4, sometimes a unique-local IPv6. */
function privateAddress(rng: Rng): string {
  if (rng.chance(0.1)) return `fd${rng.hex(2)}:${group(rng)}:${group(rng)}::${rng.int(1, 0xff).toString(16)}`;
  switch (rng.int(0, 2)) {
    case 0:
      return `10.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
    case 1:
      return `192.168.${rng.int(0, 255)}.${rng.int(1, 254)}`;
    default:
      return `172.${rng.int(16, 31)}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
  }
}

/** Coordinates of a place moved by up to ~5 km, so not every event sits on the same point. */
export function near(rng: Rng, place: Place): { latitude: number; longitude: number } {
  return {
    latitude: Math.round((place.latitude + rng.float(-0.05, 0.05, 4)) * 1e4) / 1e4,
    longitude: Math.round((place.longitude + rng.float(-0.05, 0.05, 4)) * 1e4) / 1e4,
  };
}

/** An attacking source: an address (or /24 range) of a real network, in a city where it has addresses. */
export function attackerSource(rng: Rng): SourceScene {
  const network = rng.pick(ATTACKER_NETWORKS);
  return sourceFrom(rng, network, rng.pick(PLACES[rng.pick(network.countries)]!), rng.chance(0.15));
}

export function sourceFrom(rng: Rng, network: Network, place: Place, asRange: boolean): SourceScene {
  const coordinates = near(rng, place);
  if (asRange) {
    const { octets } = ipv4In(rng, rng.pick(network.v4));
    return {
      scope: 'range',
      value: `${octets.slice(0, 3).join('.')}.0/24`,
      network,
      place,
      ...coordinates,
      rdns: null,
    };
  }
  if (network.v6 && rng.chance(0.12)) {
    return { scope: 'ip', value: ipv6In(rng, network.v6), network, place, ...coordinates, rdns: null };
  }
  const ip = ipv4In(rng, rng.pick(network.v4));
  return {
    scope: 'ip',
    value: ip.text,
    network,
    place,
    ...coordinates,
    rdns: network.rdns?.(ip.octets) ?? null,
  };
}

/** The protected machine: its address, its id on the security engine, a longer display name. */
export function targetMachine(rng: Rng): { ip: string; id: string; name: string } {
  const host = rng.pick(HOSTNAMES);
  return { ip: privateAddress(rng), id: host, name: `${rng.pick(['prod', 'staging', 'internal'])}-${host}` };
}
