import type { Command } from 'commander';

export function registerStaff(program: Command): void {
  void program;
}
