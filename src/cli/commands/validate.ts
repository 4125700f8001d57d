import type { Command } from 'commander';

/** `cswm validate`: not built yet. */
export function register(_program: Command): void {}
