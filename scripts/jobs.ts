import { parseArgs } from 'node:util';
import { hostname } from 'node:os';
import { listUnsent, resend } from '../src/application/delivery/outbox-admin.js';
import { JOBS } from '../src/application/jobs/index.js';
import { isLocalDate } from '../src/domain/dates.js';
import { renderText } from '../src/views/render-text.js';
import { AppError } from '../src/domain/errors.js';
import { createScheduler } from '../src/jobs/scheduler.js';
import { outboundPlatforms } from '../src/outbound-platforms.js';
import { runCli } from './cli.js';

const USAGE = `Usage:
  npm run jobs -- list                                   each job, its schedule and next run
  npm run jobs -- run <job> [--date YYYY-MM-DD] [--dry-run]
                                                         run one job now (a dry run prints what would be
                                                         sent to whom and sends nothing)
  npm run jobs -- outbox                                 messages not sent yet (pending, sending) or given
                                                         up (failed), by job: target, attempts, error, age
  npm run jobs -- outbox resend <key> | --all-failed     send again (after an outage or a fix); a message
                                                         already sent is refused`;

/** `npm run jobs`: see the schedule, preview or run a job by hand. */
await runCli(async (deps, config) => {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { date: { type: 'string' }, 'dry-run': { type: 'boolean' }, 'all-failed': { type: 'boolean' }, help: { type: 'boolean' } } });
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
  if (command === 'outbox') {
    const [, action, key] = positionals;
    if (action === undefined) {
      const rows = await listUnsent(deps);
      const age = (ms: number) => (ms >= 3_600_000 ? `${Math.floor(ms / 3_600_000)}h${Math.floor((ms % 3_600_000) / 60_000)}m` : `${Math.floor(ms / 60_000)}m`);
      let job = '';
      for (const r of rows) {
        if (r.job !== job) process.stdout.write(`\n${(job = r.job)}\n`);
        process.stdout.write(`  ${r.state.padEnd(8)} ${r.target.padEnd(24)} age ${age(r.ageMs).padEnd(7)} attempts ${r.attempts}${r.ambiguous ? ' (may have gone out: checked before resending)' : ''}\n    key ${r.key}${r.lastError ? `\n    error ${r.lastError}` : ''}${r.state === 'pending' ? `\n    next try ${r.nextAttemptAt}` : ''}\n`);
      }
      process.stdout.write(`\n${rows.length} message(s) not sent.${rows.some((r) => r.state === 'failed') ? ' Resend with: npm run jobs -- outbox resend <key> | --all-failed' : ''}\n`);
      return;
    }
    if (action !== 'resend' || (key === undefined) === (values['all-failed'] !== true)) throw new AppError('VALIDATION', USAGE);
    const again = await resend(deps, key !== undefined ? { key } : { allFailed: true });
    process.stdout.write(`${again.length} message(s) due again now.\n`);
    if (again.length > 0 && platforms.size > 0) {
      const report = await scheduler.dispatchNow();
      process.stdout.write(`Sent ${report.sent}, rate-limited ${report.rateLimited}, to retry ${report.retried}, failed ${report.failed}.\n`);
    }
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
    // The whole message as its reader would see it, not only its title.
    const body = d.message.view ? renderText(d.message.view) : d.message.text;
    process.stdout.write(`→ ${to}${d.notBefore ? ` (not before ${d.notBefore})` : ''}\n  ${body.trim().replace(/\n/g, '\n  ')}\n`);
  }
  if (dryRun) {
    process.stdout.write(`\n${result.deliveries.length} message(s) would be sent${platforms.size === 0 ? ' (no platform is configured, so this is a dry run)' : ''}; nothing was sent.\n`);
    return;
  }
  const report = await scheduler.dispatchNow();
  process.stdout.write(`\nQueued ${result.queued} (already queued: ${result.alreadyQueued}); sent ${report.sent}, rate-limited ${report.rateLimited}, failed ${report.failed}.\n`);
});
