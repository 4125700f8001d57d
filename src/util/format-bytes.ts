const UNITS = ['bytes', 'KiB', 'MiB', 'GiB'] as const;

/**
 * A byte count in the largest binary unit it reaches: whole values stay whole, others get one
 * decimal.
 *
 * @example formatBytes(512) // '512 bytes'
 * @example formatBytes(4 * 1024 * 1024) // '4 MiB'
 * @example formatBytes(1536) // '1.5 KiB'
 */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0
    ? `${bytes} bytes`
    : `${Number.isInteger(value) ? value : value.toFixed(1)} ${UNITS[unit]}`;
}
