import type { Command } from 'commander';

/** `cswm scenario`: not built yet. */
export function register(_program: Command): void {}
