import type { Command } from 'commander';

/** `cswm check`: not built yet. */
export function register(_program: Command): void {}
