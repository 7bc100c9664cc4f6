import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runJob, type Job } from '../../src/application/jobs/job.js';
import { quarterlyDigest } from '../../src/application/jobs/quarterly-digest.js';
import { weeklyNudge } from '../../src/application/jobs/weekly-nudge.js';
import { ensureDefaultTemplate } from '../../src/application/templates.js';
import { workCalendar } from '../../src/domain/work-calendar.js';
import { aDeal, anAccount } from '../helpers/builders.js';
import { smallOrg, visits } from '../helpers/org.js';
import { testDeps } from '../helpers/temp-store.js';

/**
 * Dormant key accounts in the schedules (issue 8): the rep's weekly nudge lists theirs, the
 * manager's quarterly digest lists the team's. Accounts: acme (A, ann's, 45 days), globex
 * (strategic, bob's, 30 days), initech (C, cat's, 90 days).
 */
let deps: ReturnType<typeof testDeps>;
const calendar = workCalendar({ holidays: [], makeUpDays: [] });
const run = (job: Job, date: string) => runJob(deps, job, { date, platforms: ['slack'], calendar, owner: 'replica-a' });

beforeEach(async () => {
  deps = testDeps('2026-11-22T23:00:00Z'); // 07:00 on Monday 23 November in Shanghai
  await smallOrg(deps.store);
  await ensureDefaultTemplate(deps);
  await deps.store.accounts.insert(anAccount({ id: 'initech', name: 'Initech', tier: 'C', ownerId: 'cat' }));
  for (const [id, identity] of [['ann', 'slack:UANN'], ['bob', 'slack:UBOB'], ['cat', 'slack:UCAT'], ['mgr', 'slack:UMGR'], ['mgr2', 'slack:UMGR2']] as const) {
    const p = (await deps.store.people.get(id))!;
    await deps.store.people.put({ ...p, identities: [identity] });
  }
});
afterEach(() => deps.cleanup());

describe('dormant key accounts in the weekly nudge', () => {
  it('nudges a rep about their dormant accounts even with no other data, and not a rep whose accounts are covered', async () => {
    // ann has nothing this quarter: acme was never visited. cat visited initech on 1 October (53 days, C = 90: covered).
    await deps.store.activities.insertMany(visits('cat', 'initech', 1, '2026-10-01'));
    const r = await run(weeklyNudge, '2026-11-23');
    const ann = r.deliveries.find((d) => d.target.kind === 'dm' && d.target.identity === 'slack:UANN');
    expect(ann!.message.text).toBe('Week 48: key accounts waiting for a visit');
    expect(JSON.stringify(ann!.message.view)).toContain('Key accounts past their visit cadence: Acme (A, never).');
    // The nudge keeps its "log a visit" button.
    expect(JSON.stringify(ann!.message.view)).toContain('home.log-visit');
    const cat = r.deliveries.find((d) => d.target.kind === 'dm' && d.target.identity === 'slack:UCAT');
    expect(JSON.stringify(cat?.message.view ?? {})).not.toContain('Initech');
  });
});

describe('dormant key accounts in the quarterly digest', () => {
  it('lists each team’s dormant accounts with their owners in the manager’s digest', async () => {
    await deps.store.activities.insertMany([...visits('ann', 'acme', 3, '2026-09-01'), ...visits('cat', 'initech', 2, '2026-09-10')]);
    const r = await run(quarterlyDigest, '2026-10-01');
    const east = r.deliveries.find((d) => d.target.kind === 'dm' && d.target.identity === 'slack:UMGR')!;
    const text = JSON.stringify(east.message.view);
    // On 1 October: acme last visited 3 September (28 days, within 45); globex never → dormant.
    expect(text).toContain('Dormant key accounts (1)');
    expect(text).toContain('Globex');
    expect(text).not.toContain('Initech'); // West's account is in West's digest, and covered anyway
    const west = r.deliveries.find((d) => d.target.kind === 'dm' && d.target.identity === 'slack:UMGR2')!;
    expect(JSON.stringify(west.message.view)).not.toContain('Dormant key accounts');
  });
});

describe('outcomes in the quarterly digest', () => {
  it('gives the manager each rep’s visit-to-deal conversion and follow-ups', async () => {
    await deps.store.activities.insertMany(visits('ann', 'acme', 2, '2026-09-01'));
    await deps.store.deals.insert(aDeal({ repId: 'ann', accountId: 'acme', amountBase: 500_000, signedDate: '2026-09-10', dueDate: '2026-10-10' }));
    const r = await run(quarterlyDigest, '2026-10-01');
    const east = r.deliveries.find((d) => d.target.kind === 'dm' && d.target.identity === 'slack:UMGR')!;
    const text = JSON.stringify(east.message.view);
    expect(text).toContain('Behaviour → outcome (analysis, not scored)');
    // ann: acme visited 1 and 2 September, signed on the 10th → 1/1; neither visit records a next step. On
    // 1 October the 1 September visit was followed up (the 2nd); the 2 September one has had 29 days: not judged yet.
    expect(text).toContain('"ann","1/1 (100%)","2/2","0"');
    // bob visited nothing in Q3: no row.
    expect(text).not.toContain('"bob","0/0');
  });
});
