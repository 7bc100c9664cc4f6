import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/application/audit-log.js';
import { audit } from '../../src/application/cycle/cycles.js';
import { openCycle } from '../../src/application/cycle/open-cycle.js';
import { exportAudit } from '../../src/application/exports/audit-export.js';
import { assignTeam } from '../../src/application/people/admin.js';
import { ensureDefaultTemplate } from '../../src/application/templates.js';
import { auditAnswer, exportAnswer } from '../../src/chat/records-export.js';
import { plainRequest } from '../../src/chat/review.js';
import type { Person } from '../../src/domain/model/people.js';
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
  await audit(deps, mgr, 'score.adjust', 'adj-1', { periodKey: '2026-Q3', repId: 'ann', delta: 2, reason: 'closed the Acme renewal on 30 Sep' });
  deps.clock.advance(HOUR);
  await audit(deps, mgr, 'entry.late.approve', 'late-1', { periodKey: '2026-Q4', repId: 'bob' });
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
      '2026-10-01 11:00 · Mia Manager: approved bob\'s late entry in 2026-Q4',
      '2026-10-01 10:00 · Mia Manager: adjusted Ann Lee\'s 2026-Q3 score by +2',
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
    for (const id of ['ann', 'mgr']) expect(errorText('zh-CN', await refusal(ask(id, '')))).toContain('需要 hr 角色');
    expect(errorText('en', await refusal(auditLog(deps, await get('mgr'), {})))).toContain('needs the hr role');
  });

  it('speaks Chinese to a Chinese-speaking HR', async () => {
    const hr = { ...(await get('hr')), locale: 'zh-CN' as const };
    const shown = renderText((await ask(hr, '2026-Q3')).view);
    expect(shown).toContain('2026-10-01 10:00 · Mia Manager：将 Ann Lee 的 2026-Q3 得分调整 +2');
    expect(shown).toContain('原因：closed the Acme renewal on 30 Sep');
    expect(shown).toContain('开启了 2026-Q3 考核周期（模板 v1，2026-10-10 截止录入）');
  });
});

describe('/export audit', () => {
  it('exports every matching entry as CSV, with the action, the sentence, the reason and the details', async () => {
    const e = await exportAudit(deps, await get('hr'), { period: '2026-Q3', repId: 'ann' });
    expect([e.rows, e.files.map((f) => f.name)]).toEqual([2, ['audit-2026-Q3-Ann_Lee.csv']]);
    const lines = new TextDecoder().decode(e.files[0]!.content).split('\r\n');
    expect(lines[0]).toBe('When (Asia/Shanghai),Who,Action,What,Why,Subject,Details');
    expect(lines[2]).toBe(
      `2026-10-01 10:00,Mia Manager,score.adjust,adjusted Ann Lee's 2026-Q3 score by +2,closed the Acme renewal on 30 Sep,adj-1,"{""periodKey"":""2026-Q3"",""repId"":""ann"",""delta"":2,""reason"":""closed the Acme renewal on 30 Sep""}"`,
    );
    const chat = await exportAnswer(deps, await get('hr'), plainRequest('audit', ['slack']));
    expect(chat.files?.map((f) => f.name)).toEqual(['audit.csv']);
    expect(renderText(chat.view)).toContain('Audit log: 6 rows.');
    await expect(exportAnswer(deps, await get('mgr'), plainRequest('audit', ['slack']))).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
