import type { Command } from 'commander';

export function registerClients(program: Command): void {
  void program;
}
