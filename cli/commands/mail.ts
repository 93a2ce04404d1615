import type { Command } from 'commander';

export function registerMail(program: Command): void {
  void program;
}
