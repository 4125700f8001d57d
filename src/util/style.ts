/**
 * Colour for people, one way: node's `util.styleText`. Whether to colour is the caller's
 * decision (the CLI asks its stream, honouring NO_COLOR); the library never colours on its own,
 * so a painter is the identity unless colour was asked for.
 */
import { styleText } from 'node:util';

/** The styles the reports and the command line use. */
export type Style = 'red' | 'green' | 'yellow' | 'cyan' | 'gray' | 'bold' | 'dim';

/** Styles a piece of text. */
export type Paint = (style: Style, text: string) => string;

/** The painter that leaves text as it is. */
export const plain: Paint = (_style, text) => text;

/**
 * Styles text with `styleText` when `enabled`, else leaves it as it is.
 *
 * @example painter(true)('red', 'FAIL') // '\u001b[31mFAIL\u001b[39m'
 */
export function painter(enabled: boolean): Paint {
  // The caller decided: styleText must not ask process.stdout again (a report may go to a file).
  return enabled ? (style, text) => styleText(style, text, { validateStream: false }) : plain;
}
