import { InvalidOptionError } from '../errors.js';
import { parseDurationMs } from '../util/duration.js';

/** Parsers for flag values, shared by every command. Each throws an InvalidOptionError (exit 2). */

export function parseCount(flag: string, min = 1, max = 10_000_000): (text: string) => number {
  return (text) => {
    if (!/^\d+$/.test(text.trim())) {
      throw new InvalidOptionError(
        `${flag}: "${short(text)}" is not a whole number (allowed: ${min} to ${max})`,
      );
    }
    const n = Number(text);
    if (n < min || n > max)
      throw new InvalidOptionError(`${flag}: ${n} is out of range (allowed: ${min} to ${max})`);
    return n;
  };
}

export function parsePositiveNumber(flag: string, max = 1e6): (text: string) => number {
  return (text) => {
    const n = Number(text);
    if (text.trim() === '' || !Number.isFinite(n) || n <= 0 || n > max) {
      throw new InvalidOptionError(
        `${flag}: "${short(text)}" is not a positive number (allowed: above 0, at most ${max})`,
      );
    }
    return n;
  };
}

export function parseDuration(flag: string): (text: string) => number {
  return (text) => parseDurationMs(text, flag);
}

/** Collects a repeatable flag (`--set a=1 --set b=2`). */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

function short(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
