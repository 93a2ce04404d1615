import type { Command } from 'commander';

export function registerContacts(program: Command): void {
  void program;
}
