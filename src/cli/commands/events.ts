import type { Command } from 'commander';

/** `cswm events`: not built yet. */
export function register(_program: Command): void {}
