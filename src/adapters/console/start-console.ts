import { parseArgs } from 'node:util';
import type { AppDeps } from '../../application/deps.js';
import { dispatchDue } from '../../application/delivery/dispatch.js';
import { JOBS } from '../../application/jobs/index.js';
import type { Config } from '../../config/config.js';
import { workCalendar } from '../../domain/work-calendar.js';
import { runConsole } from './console-app.js';
import { fastForwardJobs } from './fast-forward.js';
import { movableClock } from './movable-clock.js';
import { createConsoleOutbound } from './outbound.js';
import { createPrompt } from './prompt.js';

/**
 * `npm start` without chat credentials: the local console on this terminal. `--as <name>` picks
 * the user; the demo organisation is offered when the store is empty.
 */
export async function startConsole(deps: AppDeps, config: Config, argv: readonly string[]): Promise<void> {
  const { values } = parseArgs({ args: [...argv], options: { as: { type: 'string' } }, strict: false });
  const prompt = createPrompt(process.stdin, process.stdout, { bracketedPaste: process.stdout.isTTY === true });
  const calendar = workCalendar({ holidays: config.schedule.holidays, makeUpDays: config.schedule.makeUpDays });
  const names = new Map<string, string>();
  // `/date` and `/jobs --date` move this console's today; the store and the chat platforms are not told.
  const clock = movableClock(deps.clock, config.companyTimeZone);
  const moved: AppDeps = { ...deps, clock };
  const outbound = createConsoleOutbound((text) => prompt.say(text), config.defaultLocale, (identity) => names.get(identity) ?? identity);
  try {
    await runConsole({
      deps: moved,
      setDate: (date) => clock.moveTo(date),
      prompt,
      offerDemo: true,
      ...(typeof values.as === 'string' ? { as: values.as } : {}),
      // What an answer queued (an intel post to the console's intel channel) is sent at once.
      onQueued: async () => {
        await dispatchDue(moved, new Map([[outbound.name, outbound]]), { owner: 'console', sleep: async () => {} });
      },
      runJobs: async () => {
        // One read of everyone: the printed DMs name their recipients.
        for (const p of await moved.store.people.find()) for (const i of p.identities) names.set(i, p.name);
        return fastForwardJobs(moved, JOBS, outbound, calendar);
      },
    });
  } finally {
    prompt.close();
  }
}
