import type { Command } from 'commander';

/** `cswm generate`: not built yet. */
export function register(_program: Command): void {}
