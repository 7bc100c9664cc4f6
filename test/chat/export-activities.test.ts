import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureDefaultTemplate } from '../../src/application/templates.js';
import type { AnswerFile } from '../../src/chat/port.js';
import { t } from '../../src/views/i18n.js';
import { smallOrg, T0, visits } from '../helpers/org.js';
import { testDeps } from '../helpers/temp-store.js';
import { ask, shownTexts, type Answered } from './conversation.js';

/**
 * `/export activities` (issue 8): scoped by role and by date range, answered with a CSV and an
 * XLSX, in English and by the Chinese alias (was test/slack/export-activities and
 * test/lark/export-activities; uploading the files is each platform's, see the platform contract).
 */
let deps: ReturnType<typeof testDeps>;
beforeEach(async () => {
  deps = testDeps('2026-11-26T02:00:00Z');
  await smallOrg(deps.store);
  await ensureDefaultTemplate(deps);
  await deps.store.people.put({ ...(await deps.store.people.get('ann'))!, name: 'Ann Lee' });
  await deps.store.people.put({ ...(await deps.store.people.get('bob'))!, name: 'Bob Wu', locale: 'zh-CN' });
  await deps.store.activities.insertMany([...visits('ann', 'acme', 3, '2026-10-05'), ...visits('bob', 'globex', 2, '2026-10-06'), ...visits('cat', 'acme', 2, '2026-10-07'), ...visits('ann', 'acme', 1, '2026-12-20', 'late')]);
  await deps.store.deals.insert({
    id: 'd1', repId: 'ann', accountId: 'acme', amount: 100_000, currency: 'USD', amountBase: 710_000, units: 5, product: '=cmd|calc', signedDate: '2026-10-20', dueDate: '2026-11-20', firstWin: true, createdAt: T0,
  });
  await deps.store.payments.insert({ id: 'p1', dealId: 'd1', repId: 'ann', amount: 710_000, amountBase: 710_000, dueDate: '2026-11-20', receivedDate: '2026-11-02', createdAt: T0 });
  await deps.store.intel.insert({ id: 'i1', repId: 'ann', date: '2026-10-09', topic: 'Rival price cut', text: 'Competitor X cut prices 10%', createdAt: T0 });
});
afterEach(() => deps.cleanup());

/** The CSV's lines, without the byte-order mark. */
const csvLines = (file: AnswerFile): string[] => Buffer.from(file.content).toString('utf8').replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
const said = (a: Answered): string => a.refusal ?? shownTexts(a.view).join('\n');

describe('/export activities (shared conversation)', () => {
  it('gives a rep their own records in the range, each kind, escaped against formulas', async () => {
    const a = await ask(deps, 'ann', '/export activities 2026-10-01 2026-11-30');
    expect(shownTexts(a.view!)).toContain(t('en', 'export.done.activities', { rows: 6, from: '2026-10-01', to: '2026-11-30', people: 'Ann Lee' }));
    expect(a.files!.map((f) => f.name)).toEqual(['activities-Ann_Lee-2026-10-01-2026-11-30.csv', 'activities-Ann_Lee-2026-10-01-2026-11-30.xlsx']);
    const lines = csvLines(a.files![0]!);
    expect(lines[0]).toBe('Kind,Date,Rep,Account,Amount (CNY),Amount as signed,Units,Product,Service (1–5),Product quality (1–5),Purpose / topic,Outcome / details,Next step,Next step date');
    const text = lines.join('\n');
    expect(text).toContain('Visit,2026-10-05,Ann Lee,Acme');
    expect(text).toContain("Deal,2026-10-20,Ann Lee,Acme,710000,100000 USD,5,'=cmd|calc");
    expect(text).toContain('Payment,2026-11-02,Ann Lee,Acme,710000');
    expect(text).toContain('Intel,2026-10-09,Ann Lee,,,,,,,,Rival price cut,Competitor X cut prices 10%');
    expect(text).not.toContain('2026-12-20'); // outside the range
    expect(text).not.toContain('Globex');
    expect(Buffer.from(a.files![1]!.content).subarray(0, 2).toString('latin1')).toBe('PK');
    expect(await deps.store.audit.count({ action: 'export.activities' })).toBe(1);
  });

  it('refuses a rep asking for someone else, and a manager asking for another team, with no files', async () => {
    const bobs = await ask(deps, 'ann', '/export activities @bob 2026-10-01 2026-11-30', { known: ['bob'] });
    expect(bobs.refusal).toBe(t('en', 'export.error.notYours', { name: 'Bob Wu' }));
    const west = await ask(deps, 'mgr', '/export activities team West 2026-10-01 2026-11-30');
    expect(west.refusal).toBe(t('en', 'export.error.notYourTeam', { name: 'West' }));
    expect([bobs.files, west.files]).toEqual([undefined, undefined]);
  });

  it('gives a manager the team, and HR anyone; bad ranges are explained', async () => {
    expect(said(await ask(deps, 'mgr', '/export activities team East 2026-10-01 2026-10-31'))).toContain('for Ann Lee, Bob Wu.');
    expect(said(await ask(deps, 'hr', '/export activities @cat 2026-10-01 2026-10-31', { known: ['cat'] }))).toContain('2 records from 2026-10-01 to 2026-10-31 for cat.');
    expect(said(await ask(deps, 'ann', '/export activities 2026-11-30 2026-10-01'))).toContain(t('en', 'export.error.range', { from: '2026-11-30', to: '2026-10-01' }));
    expect(said(await ask(deps, 'ann', '/export activities 2026-10-01'))).toContain(t('en', 'export.activities.usage'));
    expect(said(await ask(deps, 'ann', '/export activities 2026-02-30 2026-03-01'))).toContain(t('en', 'export.error.date', { value: '2026-02-30' }));
  });

  it('gives bob his own records in Chinese by the alias, and refuses him ann’s', async () => {
    const mine = await ask(deps, 'bob', '/导出 activities 2026-10-01 2026-10-31');
    expect(mine.files!.map((f) => f.name)).toEqual(['activities-Bob_Wu-2026-10-01-2026-10-31.csv', 'activities-Bob_Wu-2026-10-01-2026-10-31.xlsx']);
    const csv = csvLines(mine.files![0]!);
    expect(csv[0]!.startsWith('类型,日期,销售,客户,')).toBe(true);
    expect(csv.slice(1).map((l) => l.split(',').slice(0, 4).join(','))).toEqual(['拜访,2026-10-06,Bob Wu,Globex', '拜访,2026-10-07,Bob Wu,Globex']);
    expect(shownTexts(mine.view!)).toContain(t('zh-CN', 'export.done.activities', { rows: 2, from: '2026-10-01', to: '2026-10-31', people: 'Bob Wu' }));

    const anns = await ask(deps, 'bob', '/导出 activities @ann 2026-10-01 2026-10-31', { known: ['ann'] });
    expect(anns.refusal).toBe(t('zh-CN', 'export.error.notYours', { name: 'Ann Lee' }));
    expect(anns.files).toBeUndefined();
  });
});
