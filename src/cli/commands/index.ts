import type { Command } from 'commander';
import { register as check } from './check.js';
import { register as events } from './events.js';
import { register as generate } from './generate.js';
import { register as receive } from './receive.js';
import { register as scenario } from './scenario.js';
import { register as send } from './send.js';
import { register as validate } from './validate.js';

/**
 * Every command registers itself from its own file. Registration is cheap (definitions
 * only); heavy modules load inside each action, so start-up stays fast.
 */
export function registerCommands(program: Command): void {
  for (const register of [events, generate, validate, send, receive, scenario, check]) register(program);
}
