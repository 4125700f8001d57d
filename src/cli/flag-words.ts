/**
 * The library's errors name the options a caller passed, in backticks (`only`, `set`,
 * `allowAnyPort: true`); on the command line the same errors name the flags. This is the one
 * table between the two, applied where an error is printed.
 */
const FLAGS: ReadonlyMap<string, string> = new Map([
  ['only', '--only'],
  ['skip', '--skip'],
  ['set', '--set'],
  ['wrapped: true', '--wrapped'],
  ['allowAnyPort: true', '--allow-any-port'],
  ['schemas', '--schema FILE'],
  ['override: true', '--override'],
  ['type', '--type'],
  ['type: NAME', '--type NAME'],
  ['auth', '--header/--bearer/--basic'],
  ['caDir', '--ca-dir'],
  ['port', '--port'],
  ['host', '--host'],
]);

/**
 * A library message in the command line's words: each option in backticks that has a flag
 * becomes the flag; anything else in backticks (`cswm events`) stays as it is.
 *
 * @example inFlagTerms('`only`: no check matches "x"') // '--only: no check matches "x"'
 */
export function inFlagTerms(message: string): string {
  return message.replace(/`([^`\n]+)`/g, (whole, name: string) => FLAGS.get(name) ?? whole);
}
