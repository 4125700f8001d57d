import { ErrorCodes, InvalidOptionError } from '../errors.js';

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;
const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/;

/**
 * Parses a duration written `30s`, `500ms`, `2m`, `1h` (or `1.5s`) into milliseconds.
 * A bare number is refused: the unit is what makes `--timeout 30` unambiguous.
 *
 * @example parseDuration('30s') // 30000
 */
export function parseDurationMs(text: string, flag = 'duration'): number {
  const match = DURATION.exec(String(text).trim());
  if (!match) {
    throw new InvalidOptionError(
      `${flag}: "${truncate(text)}" is not a duration (write it like 30s, 500ms, 2m or 1h)`,
      { code: ErrorCodes.INVALID_DURATION },
    );
  }
  const value = Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
  if (!Number.isFinite(value) || value > 24 * 3_600_000) {
    throw new InvalidOptionError(`${flag}: "${truncate(text)}" is too long (at most 24h)`, {
      code: ErrorCodes.INVALID_DURATION,
    });
  }
  return Math.round(value);
}

/** Formats milliseconds for people: `850ms`, `1.2s`, `2m05s`. */
export function formatDurationMs(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)}s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return `${minutes}m${String(seconds).padStart(2, '0')}s`;
}

function truncate(text: string): string {
  const s = String(text);
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}
