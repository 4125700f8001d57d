import type { Command } from 'commander';

/** `cswm receive`: not built yet. */
export function register(_program: Command): void {}
