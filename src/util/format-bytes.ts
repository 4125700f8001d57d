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

/**
 * A size exact to the byte, with its binary unit beside it when it has one: body limits are
 * set in bytes, KiB or kB, and one decimal of MiB cannot tell 1,000,000 from 1,100,000 bytes.
 *
 * @example formatSizeExactly(110000) // '110,000 bytes (107.4 KiB)'
 */
export function formatSizeExactly(bytes: number): string {
  const exact = `${bytes.toLocaleString('en-US')} bytes`;
  if (bytes < 1024) return exact;
  // Two decimals of MiB: 1,048,576 and 1,100,000 bytes must not both read "1.0 MiB".
  const unit = bytes >= 1024 ** 2 ? `${Number((bytes / 1024 ** 2).toFixed(2))} MiB` : formatBytes(bytes);
  return `${exact} (${unit})`;
}
