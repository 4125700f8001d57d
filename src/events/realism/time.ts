/** Timestamp styles the page's examples use. All in UTC. */

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function seconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19);
}

/** `2021-07-29T12:00:00.123456+00:00` (the envelope events' event_timestamp, Python's isoformat). */
export function isoOffset(ms: number, micros: number): string {
  return `${seconds(ms)}.${pad(micros, 6)}+00:00`;
}

/** `2025-05-26T12:00:00Z` (am_i_under_attack and alert_triggered dates). */
export function isoZ(ms: number): string {
  return `${seconds(ms)}Z`;
}

/** `2025-07-10T09:11:33.359703Z` (blocking_safe_ip's timestamps). */
export function isoZMicros(ms: number, micros: number): string {
  return `${seconds(ms)}.${pad(micros, 6)}Z`;
}

/** `2024-09-17T07:06:21`: the zone-less style of last_pull, last_push, last_update, last_login. */
export function zoneless(ms: number): string {
  return seconds(ms);
}

/** `2025-05-26 18:10:00 +0000 UTC`: how CrowdSec writes a time inside an alert message (Go's time.String). */
export function goTime(ms: number): string {
  return `${seconds(ms).replace('T', ' ')} +0000 UTC`;
}

export const SECOND_MS = 1000;
export const MINUTE_MS = 60 * SECOND_MS;
export const HOUR_MS = 60 * MINUTE_MS;
