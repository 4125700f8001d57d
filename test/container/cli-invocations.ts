/**
 * Finds the `cswm` command lines in the recipes' shell text and YAML (after the image in a
 * `docker run`, or a `cswm` at the start of a command) and parses them with the real command
 * line's own definitions, so a recipe cannot use a flag the image does not have.
 */
import { Command } from 'commander';
import { registerCommands } from '../../src/cli/commands/index.js';

/** Splits shell text into commands (lines joined at `\`, split at `&&`, `||`, `;`, `|`) of words. */
export function shellCommands(script: string): string[][] {
  const commands: string[][] = [];
  for (const line of script.replace(/\\\n/g, ' ').split('\n')) {
    let words: string[] = [];
    let word: string | undefined;
    let quote: '"' | "'" | undefined;
    const end = () => {
      if (word !== undefined) words.push(word);
      word = undefined;
    };
    for (let i = 0; i < line.length; i++) {
      const c = line[i]!;
      if (quote) {
        if (c === quote) quote = undefined;
        else word = (word ?? '') + c;
      } else if (c === '"' || c === "'") {
        quote = c;
        word ??= '';
      } else if (c === '#' && word === undefined) break;
      else if (/\s/.test(c)) end();
      else if (c === ';' || c === '|' || (c === '&' && line[i + 1] === '&')) {
        end();
        if (words.length > 0) commands.push(words);
        words = [];
        if (line[i + 1] === c) i++;
      } else word = (word ?? '') + c;
    }
    end();
    if (words.length > 0) commands.push(words);
  }
  return commands;
}

/** True for the word that names the cswm image in the recipes. */
export function isCswmImage(word: string): boolean {
  return /CSWM_IMAGE|crowdsec-webhook-mock:/.test(word);
}

/** The cswm arguments of each command that runs cswm: after the image of a `docker run` without --entrypoint, or after `cswm`. */
export function cswmArgs(commands: readonly string[][]): string[][] {
  const found: string[][] = [];
  for (const words of commands) {
    if (words[0] === 'cswm') found.push(words.slice(1));
    if (words[0] === 'docker' && words[1] === 'run') {
      const image = words.findIndex(isCswmImage);
      if (image > 0 && !words.slice(0, image).includes('--entrypoint')) found.push(words.slice(image + 1));
    }
  }
  return found;
}

/**
 * Parses `args` the way `cswm` would, without running anything: the command (and subcommand)
 * must exist, every option must be one of its own, and every value must pass its parser.
 * Returns the parsed options; throws with the reason otherwise.
 */
export function parseLikeCswm(args: readonly string[]): {
  command: string;
  options: Record<string, unknown>;
  operands: string[];
} {
  const program = new Command().exitOverride().configureOutput({ writeErr: () => {}, writeOut: () => {} });
  registerCommands(program);
  let command: Command = program;
  let rest = [...args];
  const names: string[] = [];
  while (rest[0] !== undefined && !rest[0].startsWith('-')) {
    const sub = command.commands.find((c) => c.name() === rest[0]);
    if (!sub) break;
    command = sub;
    names.push(rest[0]);
    rest = rest.slice(1);
  }
  if (command === program) throw new Error(`"${args[0]}" is not a cswm command`);
  const { operands, unknown } = command.parseOptions(rest);
  if (unknown.length > 0) throw new Error(`cswm ${names.join(' ')} has no option ${unknown[0]}`);
  for (const option of command.options) {
    if (option.mandatory && command.getOptionValue(option.attributeName()) === undefined) {
      throw new Error(`cswm ${names.join(' ')} needs ${option.long}`);
    }
  }
  return { command: names.join(' '), options: command.opts(), operands };
}
