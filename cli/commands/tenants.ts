import type { Command } from 'commander';

export function registerTenants(program: Command): void {
  void program;
}
