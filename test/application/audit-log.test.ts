import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/application/audit-log.js';
import { audit } from '../../src/application/cycle/cycles.js';
import { openCycle } from '../../src/application/cycle/open-cycle.js';
import { exportAudit } from '../../src/application/exports/audit-export.js';
import { assignTeam } from '../../src/application/people/admin.js';
import { ensureDefaultTemplate } from '../../src/application/templates.js';
import { auditAnswer, exportAnswer } from '../../src/chat/records-export.js';
import { plainRequest } from '../../src/chat/review.js';
import type { AuditEntry } from '../../src/domain/model/cycle.js';
import type { Person } from '../../src/domain/model/people.js';
import { auditSentence, type AuditNames } from '../../src/views/audit-views.js';
import { messageKeys, t, type MessageKey } from '../../src/views/i18n.js';
import { errorText } from '../../src/views/errors.js';
import { renderText } from '../../src/views/render-text.js';
import { smallOrg } from '../helpers/org.js';
import { refusal } from '../helpers/refusal.js';
import { testDeps } from '../helpers/temp-store.js';

let deps: ReturnType<typeof testDeps>;
const get = async (id: string) => (await deps.store.people.get(id))!;
const HOUR = 3_600_000;

/**
 * A history, one change an hour from 2026-10-01 09:00 Shanghai (01:00Z): the Q3 cycle opened, an
 * adjustment of ann's Q3 score with its reason, bob's late entry in Q4, a setting change, ann put
 * in a team (her id as the subject), and an action this version has no sentence for.
 */
beforeEach(async () => {
  deps = testDeps('2026-10-01T01:00:00Z');
  await smallOrg(deps.store);
  await ensureDefaultTemplate(deps);
  await deps.store.people.put({ ...(await get('hr')), name: 'Hana HR', roles: ['hr', 'admin'] });
  await deps.store.people.put({ ...(await get('mgr')), name: 'Mia Manager' });
  await deps.store.people.put({ ...(await get('ann')), name: 'Ann Lee' });
  const [hr, mgr] = [await get('hr'), await get('mgr')];
  await openCycle(deps, hr, { period: '2026-Q3', closeDate: '2026-10-10' });
  deps.clock.advance(HOUR);
  await audit(deps, mgr, 'score.adjust', 'ann', {
    periodKey: '2026-Q3', adjustmentId: 'adj-1', delta: 2, reason: 'closed the Acme renewal on 30 Sep', before: { total: 85.5, grade: 'B' }, after: { total: 87.5, grade: 'B' },
  });
  deps.clock.advance(HOUR);
  await audit(deps, mgr, 'entry.late.approve', 'late-1', { periodKey: '2026-Q4', kind: 'visit', repId: 'bob', summary: 'Visit to Globex on 2026-09-28' });
  deps.clock.advance(HOUR);
  await deps.store.audit.insert({ id: 'set-1', at: deps.clock.now().toISOString(), actorId: 'hr', action: 'setting.change', subjectId: 'cycle.policy', details: { value: { appealWindowDays: 10 } } });
  deps.clock.advance(HOUR);
  await assignTeam(deps, hr, { personId: 'ann', teamName: 'West' });
  deps.clock.advance(HOUR);
  await audit(deps, hr, 'payroll.sync', 'ann', { periodKey: '2026-Q3', rows: 3 });
});
afterEach(() => deps.cleanup());

const ask = async (who: Person | string, text: string, users: Person[] = []) => auditAnswer(deps, typeof who === 'string' ? await get(who) : who, plainRequest(text, ['slack'], users));

describe('/audit', () => {
  it('lists every change newest first: when (company time), who, a sentence, and the reason', async () => {
    const shown = renderText((await ask('hr', '')).view);
    const lines = shown.split('\n').filter((l) => /^2026-10-01/.test(l));
    expect(lines).toEqual([
      '2026-10-01 14:00 · Hana HR: payroll.sync — periodKey: 2026-Q3, rows: 3',
      '2026-10-01 13:00 · Hana HR: put Ann Lee in the team West',
      '2026-10-01 12:00 · Hana HR: changed the setting cycle.policy',
      "2026-10-01 11:00 · Mia Manager: approved bob's late visit in 2026-Q4: Visit to Globex on 2026-09-28",
      "2026-10-01 10:00 · Mia Manager: adjusted Ann Lee's 2026-Q3 score by +2: 85.5 (B) → 87.5 (B)",
      '2026-10-01 09:00 · Hana HR: opened the 2026-Q3 review cycle (template v1, entries close 2026-10-10)',
    ]);
    expect(shown).toContain('Why: closed the Acme renewal on 30 Sep');
    expect(shown).not.toContain('more not shown');
  });

  it('filters by rep (subject or details) and by period (a year takes its quarters)', async () => {
    const ann = await get('ann');
    const aboutAnn = await auditLog(deps, await get('hr'), { repId: 'ann' });
    expect(aboutAnn.entries.map((e) => e.action)).toEqual(['payroll.sync', 'team.assign', 'score.adjust']);
    const q3 = await auditLog(deps, await get('hr'), { period: '2026-q3' });
    expect(q3.entries.map((e) => e.action)).toEqual(['payroll.sync', 'score.adjust', 'cycle.open']);
    const year = await auditLog(deps, await get('hr'), { period: '2026' });
    expect(year.entries.map((e) => e.action)).toEqual(['payroll.sync', 'entry.late.approve', 'score.adjust', 'cycle.open']);
    const both = renderText((await ask('hr', '2026-Q3', [ann])).view);
    expect(both).toContain('Audit log (about Ann Lee, in 2026-Q3)');
    expect(both).toContain("adjusted Ann Lee's 2026-Q3 score by +2");
    expect(both).not.toContain('put Ann Lee in the team');
    const none = renderText((await ask('hr', '2025-Q1')).view);
    expect(none).toContain('No change recorded (in 2025-Q1).');
  });

  it('cuts at the limit with the count of the rest, and points to the CSV export', async () => {
    const page = renderText((await ask('hr', 'limit 2 2026')).view);
    expect(page.split('\n').filter((l) => /^2026-10-01/.test(l))).toHaveLength(2);
    expect(page).toContain('2 more not shown');
    expect(page).toContain('`/export audit 2026`');
    const a = await auditLog(deps, await get('hr'), { limit: 1 });
    expect([a.entries.length, a.total]).toEqual([1, 6]);
  });

  it('refuses a bad limit, a stray word, an unknown mention and non-HR people — in both languages', async () => {
    for (const limit of ['0', '201', 'ten']) {
      const e = await refusal(ask('hr', `limit ${limit}`));
      expect(errorText('en', e)).toContain(`"${limit}" is not a limit: give a whole number from 1 to 200`);
      expect(errorText('zh-CN', e)).toContain('请填写 1 到 200 的整数');
    }
    expect(errorText('en', await refusal(ask('hr', 'everything')))).toContain('"everything" is not understood here. Usage: `/audit');
    const unknown = await refusal(auditAnswer(deps, await get('hr'), { ...plainRequest('', ['slack']), unknownUsers: ['@zed'] }));
    expect(errorText('en', unknown)).toContain('@zed is not known');
    for (const id of ['ann', 'mgr']) expect(errorText('zh-CN', await refusal(ask(id, '')))).toContain('需要人力资源角色');
    expect(errorText('en', await refusal(auditLog(deps, await get('mgr'), {})))).toContain('needs the HR role');
  });

  it('speaks Chinese to a Chinese-speaking HR', async () => {
    const hr = { ...(await get('hr')), locale: 'zh-CN' as const };
    const shown = renderText((await ask(hr, '2026-Q3')).view);
    expect(shown).toContain('2026-10-01 10:00 · Mia Manager：将 Ann Lee 的 2026-Q3 得分调整 +2：85.5（B） → 87.5（B）');
    expect(shown).toContain('原因：closed the Acme renewal on 30 Sep');
    expect(shown).toContain('开启了 2026-Q3 考核周期（模板第 1 版，2026-10-10 截止录入）');
  });
});

describe('/export audit', () => {
  it('exports every matching entry as CSV, with the action, the sentence, the reason and the details', async () => {
    const e = await exportAudit(deps, await get('hr'), { period: '2026-Q3', repId: 'ann' });
    expect([e.rows, e.files.map((f) => f.name)]).toEqual([2, ['audit-2026-Q3-Ann_Lee.csv']]);
    const lines = new TextDecoder().decode(e.files[0]!.content).split('\r\n');
    expect(lines[0]).toBe('When (Asia/Shanghai),Who,Action,What,Why,Subject,Details');
    expect(lines[2]).toBe(
      `2026-10-01 10:00,Mia Manager,score.adjust,adjusted Ann Lee's 2026-Q3 score by +2: 85.5 (B) → 87.5 (B),closed the Acme renewal on 30 Sep,Ann Lee,"{""periodKey"":""2026-Q3"",""adjustmentId"":""adj-1"",""delta"":2,""reason"":""closed the Acme renewal on 30 Sep"",""before"":{""total"":85.5,""grade"":""B""},""after"":{""total"":87.5,""grade"":""B""}}"`,
    );
    const chat = await exportAnswer(deps, await get('hr'), plainRequest('audit', ['slack']));
    expect(chat.files?.map((f) => f.name)).toEqual(['audit.csv']);
    expect(renderText(chat.view)).toContain('Audit log: 6 rows.');
    await expect(exportAnswer(deps, await get('mgr'), plainRequest('audit', ['slack']))).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('audit sentences for the changes the use cases record', () => {
  const names: AuditNames = {
    name: (id) => ({ ann: 'Ann Lee', bob: 'Bob Wu', east: 'East', mgr: 'Mia Manager' })[id] ?? id,
    isPerson: (id) => ['ann', 'bob', 'mgr'].includes(id),
    time: (iso) => iso.slice(0, 16).replace('T', ' '),
  };
  const entry = (action: string, subjectId: string, details: Record<string, unknown>): AuditEntry => ({ id: 'x', at: '2026-10-01T01:00:00.000Z', actorId: 'mgr', action, subjectId, details });

  it.each([
    [entry('award.grant', 'aw1', { periodKey: '2026-Q3', repId: 'ann', title: 'Rookie of the year', reason: '…', state: 'pending' }), 'proposed the award "Rookie of the year" for Ann Lee (2026-Q3), for HR to approve', '为 Ann Lee 提名特别奖励“Rookie of the year”（2026-Q3），待人力资源部批准'],
    [entry('award.grant', 'aw1', { periodKey: '2026-Q3', repId: 'ann', title: 'Top closer', state: 'approved' }), 'granted the award "Top closer" to Ann Lee (2026-Q3)', '授予 Ann Lee 特别奖励“Top closer”（2026-Q3）'],
    [entry('appeal.accept', 'ap1', { periodKey: '2026-Q3', repId: 'bob', fromVersion: 1, toVersion: 2, delta: 3, total: { from: 58, to: 61 }, grade: { from: 'D', to: 'C' } }), "accepted Bob Wu's appeal on 2026-Q3: version 2: 58 (D) → 61 (C)", '接受了 Bob Wu 对 2026-Q3 的申诉：新版本 2：58（D） → 61（C）'],
    [entry('appeal.file', 'ap1', { periodKey: '2026-Q3', repId: 'bob', resultVersion: 1, reason: '…' }), "appealed Bob Wu's 2026-Q3 result (version 1)", '对 Bob Wu 的 2026-Q3 结果（版本 1）提出申诉'],
    [entry('entry.late.request', 'late1', { periodKey: '2026-Q3', kind: 'deal', managerId: 'mgr', summary: 'Deal with Acme on 2026-09-30' }), 'asked to add a late deal in 2026-Q3: Deal with Acme on 2026-09-30', '申请补录 2026-Q3 的成交：Deal with Acme on 2026-09-30'],
    [entry('interview.schedule', 'iv1', { periodKey: '2026-Q3', repId: 'ann', managerId: 'mgr', scheduledAt: '2026-10-12T06:00:00.000Z' }), 'scheduled the 2026-Q3 feedback interview with Ann Lee for 2026-10-12 06:00', '安排了与 Ann Lee 的 2026-Q3 绩效面谈，时间 2026-10-12 06:00'],
    [entry('plan.open', 'pl1', { periodKey: '2026-Q3', targetPeriodKey: '2026-Q4', repId: 'bob', goals: [{}, {}] }), 'opened an improvement plan for Bob Wu for 2026-Q4 (2 goals)', '为 Bob Wu 制定了 2026-Q4 的改进计划（2 个目标）'],
    [entry('target.set', 't1', { periodKey: '2026-Q4', indicator: 'visits', scope: 'team', scopeId: 'east', old: 36, new: 40 }), 'set the 2026-Q4 Client visits target for East to 40 (was 36)', '将 East 的 2026-Q4 客户拜访次数目标设为 40（原为 36）'],
    [entry('account.reassign', 'acme', { account: 'Acme', fromId: 'ann', from: 'Ann Lee', toId: 'bob', to: 'Bob Wu', repId: 'bob', reason: 'dormant 120 days' }), 'reassigned the account Acme from Ann Lee to Bob Wu', '将客户 Acme 从 Ann Lee 转给 Bob Wu'],
    [entry('role.grant', 'ann', { from: ['rep'], to: ['manager', 'rep'] }), "changed Ann Lee's roles to manager, rep", '将 Ann Lee 的角色改为 manager, rep'],
    [entry('import.people', 'x', { rows: 3, created: 2, updated: 1, unchanged: 0 }), 'imported people from a CSV (2 new, 1 updated)', '通过 CSV 导入人员（新增 2，更新 1）'],
    // Missing what the sentence needs: the action and its details instead of a sentence with holes.
    [entry('award.approve', 'aw2', { repId: 'ann' }), 'award.approve — repId: Ann Lee', 'award.approve — repId: Ann Lee'],
  ])('%#: %s', (e, en, zh) => {
    expect(auditSentence('en', e, names)).toBe(en);
    expect(auditSentence('zh-CN', e, names)).toBe(zh);
  });

  it('every sentence has the same placeholders in English and Chinese', () => {
    const keys = messageKeys('en').filter((k) => k.startsWith('audit.') || k.startsWith('export.'));
    const holes = (locale: 'en' | 'zh-CN', k: string) => [...t(locale, k as MessageKey).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const k of keys) expect([k, holes('zh-CN', k)]).toEqual([k, holes('en', k)]);
  });
});

