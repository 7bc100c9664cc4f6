import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runConsole } from '../../src/adapters/console/console-app.js';
import { createPrompt } from '../../src/adapters/console/prompt.js';
import { createConsoleOutbound } from '../../src/adapters/console/outbound.js';
import { fastForwardJobs } from '../../src/adapters/console/fast-forward.js';
import { JOBS } from '../../src/application/jobs/index.js';
import { workCalendar } from '../../src/domain/work-calendar.js';
import { aVisit } from '../helpers/builders.js';
import { ensureDefaultTemplate } from '../../src/application/templates.js';
import { smallOrg } from '../helpers/org.js';
import { testDeps } from '../helpers/temp-store.js';

let deps: ReturnType<typeof testDeps>;
beforeEach(() => {
  deps = testDeps('2026-11-26T02:00:00Z');
});
afterEach(() => deps.cleanup());

/** Runs the console on real streams with the given typed lines; returns everything it printed. */
async function session(lines: string[], opts: { as?: string; offerDemo?: boolean; jobs?: boolean } = {}): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (c: Buffer) => (printed += c.toString('utf8')));
  input.end(lines.map((l) => `${l}\n`).join(''));
  const prompt = createPrompt(input, output);
  const names = new Map((await deps.store.people.find()).flatMap((p) => p.identities.map((i) => [i, p.name] as const)));
  const outbound = createConsoleOutbound((text) => prompt.say(text), 'en', (identity) => names.get(identity) ?? identity);
  await runConsole({
    deps,
    prompt,
    offerDemo: opts.offerDemo ?? false,
    ...(opts.as ? { as: opts.as } : {}),
    ...(opts.jobs ? { runJobs: () => fastForwardJobs(deps, JOBS, outbound, workCalendar()) } : {}),
  });
  prompt.close();
  return printed;
}

describe('local console', () => {
  beforeEach(async () => {
    await smallOrg(deps.store);
    await ensureDefaultTemplate(deps);
  });

  it('logs a visit field by field, asks again for a field that was refused, then shows the scorecard', async () => {
    const out = await session([
      'ann', // who are you
      '/visit',
      'acme', // account: one match (a new account's name and tier are then not asked)
      '', // date: today
      '1', // in person
      'Li Wei', // contacts
      '', // purpose: left empty on purpose
      'Pilot agreed', // outcome
      '', // next step
      '', // next step date
      'Quarterly review', // purpose, asked again
      '/scorecard',
      '/quit',
    ]);
    expect(out).toContain('✗ Purpose: is required');
    expect(out).toContain('✓ Logged: visit with Acme on 2026-11-26. Your visits this quarter: 1 of 36.');
    expect(out).toContain('Scorecard: ann, 2026-Q4');
    expect(await deps.store.activities.find({ repId: 'ann' })).toEqual([expect.objectContaining({ purpose: 'Quarterly review', contacts: ['Li Wei'], mode: 'in_person' })]);
  });

  it('gives the same refusals as the chat platforms, in the user’s language', async () => {
    const bob = (await deps.store.people.get('bob'))!;
    await deps.store.people.put({ ...bob, locale: 'zh-CN' });
    const out = await session(['/scorecard @ann', '/appraisal-admin role @ann admin', '/quit'], { as: 'bob' });
    expect(out).toContain('⚠ 你无权查看 ann 的计分卡');
    expect(out).toContain('⚠ 此操作需要管理员或人力资源角色');
  });

  it('runs today’s scheduled jobs on /jobs and prints the messages they send', async () => {
    const ann = (await deps.store.people.get('ann'))!;
    await deps.store.people.put({ ...ann, identities: ['console:ann'] });
    await deps.store.activities.insert(aVisit({ repId: 'ann', accountId: 'acme', date: '2026-11-20', nextStep: 'Send the quote', nextStepDate: '2026-11-26' }));
    const out = await session(['/jobs', '/quit'], { as: 'ann', jobs: true });
    expect(out).toContain('📨 Direct message to ann');
    expect(out).toContain('Acme: Send the quote (from your visit on 2026-11-20)');
    expect(out).toMatch(/follow-up-reminders 1 queued, .*monthly-scorecard skipped \(not-due\).*, 2 sent\./); // the reminder, and a nudge: ann is behind pace
  });

  it('cancels a form without saving anything', async () => {
    const out = await session(['/feedback', '/cancel', '/visit', '/quit', '/quit'], { as: 'ann' });
    expect(out.match(/Cancelled: nothing was saved\./g)).toHaveLength(2);
    expect(await deps.store.feedback.count()).toBe(0);
  });
});

describe('first start', () => {
  it('offers the demo organisation on an empty store', async () => {
    const out = await session(['y', 'Zhou Li', '/ranking 2026-Q3', '/quit'], { offerDemo: true });
    expect(out).toMatch(/Demo loaded: 24 reps, 120 key accounts, \d+ activities\./);
    expect(out).toContain('2026-Q3 排名'); // Zhou Li (HR) reads Chinese
  });
});
