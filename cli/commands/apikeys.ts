import type { Command } from 'commander';

export function registerApiKeys(program: Command): void {
  void program;
}
