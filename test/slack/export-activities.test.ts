import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { T0, visits } from '../helpers/org.js';
import { startHarness, type Harness } from './harness.js';

/** `/export activities` (issue 8): scoped by role and by date range, uploaded as CSV and XLSX. */
let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  await h.deps.store.activities.insertMany([...visits('ann', 'acme', 3, '2026-10-05'), ...visits('bob', 'globex', 2, '2026-10-06'), ...visits('cat', 'acme', 2, '2026-10-07'), ...visits('ann', 'acme', 1, '2026-12-20', 'late')]);
  await h.deps.store.deals.insert({
    id: 'd1', repId: 'ann', accountId: 'acme', amount: 100_000, currency: 'USD', amountBase: 710_000, units: 5, product: '=cmd|calc', signedDate: '2026-10-20', dueDate: '2026-11-20', firstWin: true, createdAt: T0,
  });
  await h.deps.store.payments.insert({ id: 'p1', dealId: 'd1', repId: 'ann', amount: 710_000, amountBase: 710_000, dueDate: '2026-11-20', receivedDate: '2026-11-02', createdAt: T0 });
  await h.deps.store.intel.insert({ id: 'i1', repId: 'ann', date: '2026-10-09', topic: 'Rival price cut', text: 'Competitor X cut prices 10%', createdAt: T0 });
  h.fake.reset();
});
afterEach(() => h.close());

type Resp = { text: string; blocks?: unknown[] };
const last = (): Resp => h.fake.responses.at(-1)!.body as Resp;
const csv = (): string => {
  const body = h.fake.uploads.map((u) => u.data.toString('utf8')).find((s) => s.includes('\uFEFFKind,'));
  if (!body) throw new Error('no activities CSV uploaded');
  return body.slice(body.indexOf('\uFEFFKind,') + 1).split('\r\n').filter((l) => l && !l.startsWith('--')).join('\n');
};

describe('/export activities on Slack', () => {
  it('gives a rep their own records in the range, each kind, escaped against formulas', async () => {
    await h.command('UANN', '/export', 'activities 2026-10-01 2026-11-30');
    expect(JSON.stringify(last().blocks)).toContain('6 record(s) from 2026-10-01 to 2026-11-30 for Ann Lee.');
    const text = csv();
    expect(text.split('\n')[0]).toBe('Kind,Date,Rep,Account,Amount (CNY),Amount as signed,Units,Product,Service (1–5),Product quality (1–5),Purpose / topic,Outcome / details,Next step,Next step date');
    expect(text).toContain('Visit,2026-10-05,Ann Lee,Acme');
    expect(text).toContain("Deal,2026-10-20,Ann Lee,Acme,710000,100000 USD,5,'=cmd|calc");
    expect(text).toContain('Payment,2026-11-02,Ann Lee,Acme,710000');
    expect(text).toContain('Intel,2026-10-09,Ann Lee,,,,,,,,Rival price cut,Competitor X cut prices 10%');
    expect(text).not.toContain('2026-12-20'); // outside the range
    expect(text).not.toContain('Globex');
    expect(await h.deps.store.audit.count({ action: 'export.activities' })).toBe(1);
  });

  it('refuses a rep asking for someone else, and a manager asking for another team', async () => {
    await h.command('UANN', '/export', 'activities <@UBOB|bob> 2026-10-01 2026-11-30');
    expect(last().text).toContain('not bob’s');
    await h.command('UMGR', '/export', 'activities team West 2026-10-01 2026-11-30');
    expect(last().text).toContain('not of West');
    expect(h.fake.uploads).toHaveLength(0);
  });

  it('gives a manager the team, and HR anyone; bad ranges are explained', async () => {
    await h.command('UMGR', '/export', 'activities team East 2026-10-01 2026-10-31');
    expect(JSON.stringify(last().blocks)).toContain('for ann, bob.');
    await h.command('UHR', '/export', 'activities <@UCAT|cat> 2026-10-01 2026-10-31');
    expect(JSON.stringify(last().blocks)).toContain('2 record(s) from 2026-10-01 to 2026-10-31 for cat.');
    await h.command('UANN', '/export', 'activities 2026-11-30 2026-10-01');
    expect(last().text).toContain('The range ends (2026-10-01) before it starts (2026-11-30).');
    await h.command('UANN', '/export', 'activities 2026-10-01');
    expect(last().text).toContain('Usage: /export activities');
    await h.command('UANN', '/export', 'activities 2026-02-30 2026-03-01');
    expect(last().text).toContain('"2026-02-30" is not a date');
  });
});
