import { parseArgs } from 'node:util';
import { hostname } from 'node:os';
import { JOBS } from '../src/application/jobs/index.js';
import { isLocalDate } from '../src/domain/dates.js';
import { AppError } from '../src/domain/errors.js';
import { createScheduler } from '../src/jobs/scheduler.js';
import { outboundPlatforms } from '../src/outbound-platforms.js';
import { runCli } from './cli.js';

const USAGE = `Usage:
  npm run jobs -- list                                   each job, its schedule and next run
  npm run jobs -- run <job> [--date YYYY-MM-DD] [--dry-run]
                                                         run one job now (a dry run prints what would be
                                                         sent to whom and sends nothing)`;

/** `npm run jobs`: see the schedule, preview or run a job by hand. */
await runCli(async (deps, config) => {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { date: { type: 'string' }, 'dry-run': { type: 'boolean' }, help: { type: 'boolean' } } });
  const [command, jobName] = positionals;
  if (values.help || !command) return void process.stdout.write(`${USAGE}\n`);
  const platforms = outboundPlatforms(config, deps.logger);
  const scheduler = createScheduler({ deps, jobs: JOBS, config: config.schedule, platforms, owner: `cli:${hostname()}:${process.pid}` });
  if (command === 'list') {
    for (const j of scheduler.list()) {
      const next = j.next ? j.next.toISOString().replace('T', ' ').slice(0, 16) + ' UTC' : 'off';
      process.stdout.write(`${j.job.padEnd(22)} ${j.schedule.padEnd(14)} next: ${next}\n    ${j.description}\n`);
    }
    process.stdout.write(`\nSchedules are in ${config.companyTimeZone}. Platforms sending: ${[...platforms.keys()].join(', ') || 'none configured'}.\n`);
    return;
  }
  if (command !== 'run' || !jobName) throw new AppError('VALIDATION', USAGE);
  if (values.date !== undefined && !isLocalDate(values.date)) throw new AppError('VALIDATION', `--date must be YYYY-MM-DD, not ${values.date}`);
  const dryRun = values['dry-run'] === true || platforms.size === 0;
  // With no platform configured, a preview shows what every platform's people would get.
  const preview = platforms.size === 0 ? { platforms: ['slack', 'lark', 'console'] as const } : {};
  const result = await scheduler.runNow(jobName, { ...(values.date ? { date: values.date } : {}), dryRun, ...preview });
  if (!result.ran) return void process.stdout.write(`${jobName} did not run for ${result.runKey}: ${result.skipped}.\n`);
  for (const d of result.deliveries) {
    const to = d.target.kind === 'dm' ? d.target.identity : d.target.channel;
    process.stdout.write(`→ ${to}${d.notBefore ? ` (not before ${d.notBefore})` : ''}\n  ${d.message.text.replace(/\n/g, '\n  ')}\n`);
  }
  if (dryRun) {
    process.stdout.write(`\n${result.deliveries.length} message(s) would be sent${platforms.size === 0 ? ' (no platform is configured, so this is a dry run)' : ''}; nothing was sent.\n`);
    return;
  }
  const report = await scheduler.dispatchNow();
  process.stdout.write(`\nQueued ${result.queued} (already queued: ${result.alreadyQueued}); sent ${report.sent}, rate-limited ${report.rateLimited}, failed ${report.failed}.\n`);
});
