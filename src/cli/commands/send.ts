import type { Command } from 'commander';

/** `cswm send`: not built yet. */
export function register(_program: Command): void {}
