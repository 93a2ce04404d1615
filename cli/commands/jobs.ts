import type { Command } from 'commander';
import { jobStates, listJobs, retryJobs, type JobState } from '../../server/jobs/operator.js';
import { CliError, printJson, printTable } from '../output.js';
import { withOwner } from './database.js';
import { localAction } from './local-action.js';

function state(value: string): JobState {
  if (!jobStates.includes(value as JobState)) {
    throw new CliError(`--state must be one of ${jobStates.join(', ')}; "${value}" is not.`);
  }
  return value as JobState;
}

export function registerJobs(program: Command): void {
  const jobs = program
    .command('jobs')
    .description('The background job queue (emails, Stripe events, purges): list jobs, retry failed ones');

  jobs
    .command('list')
    .description('List jobs, the next to run first')
    .option('--state <state>', `only jobs in this state (${jobStates.join(', ')})`, state)
    .option('--task <name>', 'only jobs of this task (e.g. deliver_email)')
    .option('--limit <n>', 'at most this many', (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1 || n > 1000)
        throw new CliError('--limit must be a whole number from 1 to 1000.');
      return n;
    })
    .option('--json', 'print JSON')
    .action(
      localAction(async (options: { state?: JobState; task?: string; limit?: number; json?: boolean }) => {
        const rows = await withOwner(
          (owner) => listJobs(owner, { state: options.state, task: options.task, limit: options.limit ?? 100 }),
          { attach: true },
        );
        if (options.json) return printJson(rows);
        printTable(
          rows.map((r) => ({
            ...r,
            attempts: `${r.attempts}/${r.max_attempts}`,
            run_at: r.run_at.toISOString(),
            last_error: (r.last_error ?? '').split('\n')[0]!.slice(0, 80),
          })),
          ['id', 'task', 'state', 'firm', 'attempts', 'run_at', 'last_error'],
        );
      }),
    );

  jobs
    .command('retry [ids...]')
    .description('Run failed or dead jobs again now, their attempts counted from zero')
    .option('--dead', 'every dead job')
    .option('--json', 'print JSON')
    .action(
      localAction(async (ids: string[], options: { dead?: boolean; json?: boolean }) => {
        if (!options.dead && ids.length === 0)
          throw new CliError('Name the job ids to retry (see `caseflow jobs list`), or pass --dead.');
        if (options.dead && ids.length > 0) throw new CliError('Pass job ids or --dead, not both.');
        const bad = ids.find((id) => !/^[0-9]{1,18}$/.test(id));
        if (bad) throw new CliError(`"${bad}" is not a job id: job ids are numbers (see \`caseflow jobs list\`).`);
        const retried = await withOwner((owner) => retryJobs(owner, options.dead ? { dead: true } : { ids }), {
          attach: true,
        });
        const missing = ids.filter((id) => !retried.includes(id));
        if (options.json) printJson({ retried, missing });
        else
          process.stdout.write(
            `${retried.length} job(s) queued again${missing.length ? `; no job ${missing.join(', ')}` : ''}\n`,
          );
        if (missing.length) process.exitCode = 1;
      }),
    );
}
