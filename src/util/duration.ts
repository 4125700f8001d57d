import { CswmError, ErrorCodes } from '../errors.js';
import { truncate } from './text.js';

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;
const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/;

/**
 * Parses a duration written `30s`, `500ms`, `2m`, `1h` (or `1.5s`) into milliseconds.
 * A bare number is refused: the unit is what makes `timeout: 30` unambiguous. `name` (the option
 * or flag the text came from) starts the error message.
 *
 * @example parseDurationMs('30s') // 30000
 */
export function parseDurationMs(text: string, name = 'duration'): number {
  const match = DURATION.exec(String(text).trim());
  if (!match) {
    throw new CswmError(
      ErrorCodes.INVALID_DURATION,
      `${name}: "${truncate(text, 40)}" is not a duration (write it like 30s, 500ms, 2m or 1h)`,
    );
  }
  const value = Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
  if (!Number.isFinite(value) || value > 24 * 3_600_000) {
    throw new CswmError(
      ErrorCodes.INVALID_DURATION,
      `${name}: "${truncate(text, 40)}" is too long (at most 24h)`,
    );
  }
  return Math.round(value);
}

/**
 * Formats milliseconds for people: `850ms`, `1.23s`, `1.5s`, `30s`, `12.5s`, `2m05s`. The unit is chosen
 * after rounding to what is shown, so 59,960 ms reads `1m00s`, never `60.0s` or `0m60s`.
 */
export function formatDurationMs(ms: number): string {
  const whole = Math.round(ms);
  if (whole < 1000) return `${whole}ms`;
  // Trailing zeros say nothing: 30s, 1.5s, 1.23s.
  const trim = (fixed: string) => fixed.replace(/\.?0+$/, '');
  if (whole < 9_995) return `${trim((ms / 1000).toFixed(2))}s`;
  if (whole < 59_950) return `${trim((ms / 1000).toFixed(1))}s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s`;
}
