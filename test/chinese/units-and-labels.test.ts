import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getScorecard } from '../../src/application/get-scorecard.js';
import { ensureDefaultTemplate } from '../../src/application/templates.js';
import { parsePeriod } from '../../src/domain/period.js';
import { defaultTemplate } from '../../src/domain/scoring/default-template.js';
import type { ScorecardReport } from '../../src/domain/read-models/scorecard-report.js';
import { dormantPhrase, dormantTable } from '../../src/views/account-views.js';
import { auditView } from '../../src/views/audit-views.js';
import { meetingView } from '../../src/views/calibration-views.js';
import { leaveLine } from '../../src/views/leave-approval-views.js';
import { errorText } from '../../src/views/errors.js';
import { calibrate } from '../../src/application/cycle/calibration-pack.js';
import { openCycle } from '../../src/application/cycle/open-cycle.js';
import { awayAnswer } from '../../src/chat/self-and-leave.js';
import { unknownMentionError } from '../../src/chat/mentions.js';
import { refuseUnknown } from '../../src/application/cycle/calibration-common.js';
import { plainRequest } from '../../src/chat/review.js';
import { renderText } from '../../src/views/render-text.js';
import { pacingBlocks, scorecardView } from '../../src/views/scorecard-view.js';
import { templateView } from '../../src/views/template-view.js';
import { AppError } from '../../src/domain/errors.js';
import { smallOrg, visits } from '../helpers/org.js';
import { testDeps } from '../helpers/temp-store.js';

/** Words around numbers and stored English words, as a Chinese reader sees them. */
let deps: ReturnType<typeof testDeps>;
let q4: ScorecardReport;
beforeAll(async () => {
  deps = testDeps('2026-11-26T02:00:00Z');
  await smallOrg(deps.store);
  await ensureDefaultTemplate(deps);
  await deps.store.activities.insertMany(visits('ann', 'acme', 12, '2026-10-08'));
  const hr = (await deps.store.people.get('hr'))!;
  q4 = await getScorecard(deps, { actor: hr, repId: 'ann', period: parsePeriod('2026-Q4') });
});
afterAll(() => deps.cleanup());

describe('measure words', () => {
  it('counts each indicator in its own unit on the way to the next grade, never 次 for customers or units', () => {
    // The real pacing of a running quarter, with the ways to the next grade of a rep close to it.
    const options = [
      { indicator: 'new_customers', more: 2 },
      { indicator: 'volume', more: 316 },
      { indicator: 'visits', more: 3 },
      { indicator: 'intel_shared', more: 4 },
    ];
    const report = { pacing: { ...q4.pacing!, nextGrade: { grade: 'B', pointsNeeded: 5, options } } } as unknown as ScorecardReport;
    const text = renderText({ title: '', blocks: pacingBlocks({ locale: 'zh-CN', currency: 'CNY' }, report) });
    const next = text.split('\n').find((l) => l.startsWith('要达到'))!;
    expect(next).toBe('要达到 B 级：再多 2 家新客户，或再多 316 件产品，或再多 3 次客户拜访，或再多 4 条市场信息');
    const en = renderText({ title: '', blocks: pacingBlocks({ locale: 'en', currency: 'CNY' }, report) });
    expect(en).toContain('2 more new customers');
  });

  it('puts the indicator before the amount still missing', () => {
    const text = renderText(scorecardView({ locale: 'zh-CN', currency: 'CNY' }, q4));
    expect(text.split('\n').find((l) => l.startsWith('要达到'))).toMatch(/^要达到 C 级：销售额再多 ¥/);
  });

  it('writes days as 天 and tiers by their Chinese names in the dormant-account phrase and table', () => {
    expect(dormantPhrase('zh-CN', { accountId: 'a', name: 'Acme', tier: 'A', daysSince: 118, cadenceDays: 45, ownerId: 'ann', lastVisit: '2026-08-01' } as never)).toBe('Acme（A 类，118 天）');
    expect(dormantPhrase('zh-CN', { accountId: 'g', name: 'Globex', tier: 'strategic', daysSince: null, cadenceDays: 30, ownerId: 'ann', lastVisit: null } as never)).toMatch(/^Globex（战略客户，/);
    expect(dormantPhrase('en', { accountId: 'a', name: 'Acme', tier: 'A', daysSince: 118, cadenceDays: 45, ownerId: 'ann', lastVisit: '2026-08-01' } as never)).toBe('Acme (A, 118d)');
    const table = dormantTable('zh-CN', [{ accountId: 'g', name: 'Globex', tier: 'strategic', daysSince: 50, cadenceDays: 30, ownerId: 'ann', lastVisit: '2026-10-01', ownerName: 'Ann' } as never], false);
    expect(JSON.stringify(table)).toContain('战略客户');
    expect(JSON.stringify(table)).not.toContain('strategic');
  });
});

describe('stored English words shown in Chinese', () => {
  it('names cycle and appeal states in the reader’s language in refusals', async () => {
    const hr = (await deps.store.people.get('hr'))!;
    await openCycle(deps, hr, { period: '2026-Q4' });
    const notInReview = await calibrate(deps, hr, { period: '2026-Q4', platforms: ['slack'] }).catch((e: unknown) => e as AppError);
    expect(errorText('zh-CN', notInReview)).toContain('当前为“数据录入中”');
    expect(errorText('en', notInReview)).toContain('collecting data');
    const transition = new AppError('CONFLICT', 'x', { params: { messageId: 'cycle.error.transition', period: '2026-Q4', state: 'collecting', needed: 'in_review' } });
    expect(errorText('zh-CN', transition)).toBe('2026-Q4 考核周期当前为“数据录入中”，此操作需要“评审中”。');
    const exists = await openCycle(deps, hr, { period: '2026-Q4' }).catch((e: unknown) => e as AppError);
    expect(errorText('zh-CN', exists)).toBe('2026-Q4 已有考核周期（数据录入中）。');
    const decided = new AppError('CONFLICT', 'x', { params: { messageId: 'rewards.error.appealDecided', state: 'accepted' } });
    expect(errorText('zh-CN', decided)).toBe('该申诉已处理（已接受）。');
  });

  it('names the roles a refusal needs in Chinese', () => {
    const e = new AppError('FORBIDDEN', 'needs a role', { params: { messageId: 'error.needsRole', roles: 'admin/hr', action: 'x' } });
    expect(errorText('zh-CN', e)).toBe('此操作需要管理员或人力资源角色。如有需要，请联系管理员。');
    expect(errorText('en', e)).toBe('This needs the Admin/HR role. Ask an administrator if you should have it.');
  });

  it('shows the seeded template’s name and the system’s own reasons in Chinese', () => {
    const tpl = defaultTemplate('2026-01-01T00:00:00Z');
    expect(templateView('zh-CN', tpl).title).toContain('大客户销售（默认）');
    const view = auditView('zh-CN', { lines: [{ when: '2026-10-01', who: 'HR', what: '发布了 2026-Q3 的结果', reason: 'first publication' }, { when: '2026-10-02', who: 'Mia', what: '记录了面谈', reason: 'goals written in the interview' }], total: 2, max: 50 });
    const text = renderText(view);
    expect(text).toContain('首次发布');
    expect(text).toContain('面谈中写下的目标');
    expect(text).not.toMatch(/first publication|goals written/);
  });

  it('keeps a person’s own words as written', () => {
    const view = auditView('zh-CN', { lines: [{ when: '2026-10-01', who: 'Mia', what: '调整了分数', reason: 'first publication of the corrected figures' }], total: 1, max: 50 });
    expect(renderText(view)).toContain('first publication of the corrected figures');
  });
});

describe('lists of names', () => {
  it('separates names with the Chinese enumeration comma (、) and English ones with a comma', () => {
    const m = { periodKey: '2026-Q3', at: '2026-12-03T06:30:00.000Z', timeZone: 'Asia/Shanghai', place: '3 楼会议室', participants: ['Ann Lee', '王芳', 'Bob Wu'] };
    expect(renderText(meetingView('zh-CN', m))).toContain('Ann Lee、王芳、Bob Wu');
    expect(renderText(meetingView('en', m))).toContain('Ann Lee, 王芳, Bob Wu');
  });
});

describe('names in refusals', () => {
  it('lists unknown mentions with 、 for a Chinese reader and a comma for an English one', async () => {
    for (const [locale, joined] of [['zh-CN', '@zed、@yan'], ['en', '@zed, @yan']] as const) {
      const ann = { ...(await deps.store.people.get('ann'))!, locale };
      const e = await awayAnswer(deps, ann, { ...plainRequest('2026-12-20', ['slack']), unknownUsers: ['@zed', '@yan'] }).catch((x: unknown) => x);
      expect(errorText(locale, e as AppError)).toContain(joined);
      expect(errorText(locale, unknownMentionError(['@zed', '@yan']))).toContain(joined);
      // Lists the application layer throws (it does not know the reader) are joined when read.
      let refused: unknown;
      try {
        refuseUnknown(['@zed', '@yan']);
      } catch (x) {
        refused = x;
      }
      expect(errorText(locale, refused)).toContain(joined);
    }
  });
});

describe('notes in brackets', () => {
  it('wraps a grade, a time zone, a note or a share in full-width brackets for a Chinese reader', () => {
    const history = { ...q4, history: [{ periodKey: '2026-Q2', total: 62.5, grade: 'C' }, { periodKey: '2026-Q3', total: 81, grade: 'B' }] };
    expect(renderText(scorecardView({ locale: 'zh-CN', currency: 'CNY' }, history))).toContain('2026-Q2 62.5（C） → 2026-Q3 81.0（B）');
    expect(renderText(scorecardView({ locale: 'en', currency: 'CNY' }, history))).toContain('2026-Q2 62.5 (C) → 2026-Q3 81.0 (B)');
    const m = { periodKey: '2026-Q3', at: '2026-12-10T02:00:00Z', timeZone: 'Asia/Shanghai', place: '3 楼会议室', participants: ['王芳'] };
    expect(renderText(meetingView('zh-CN', m))).toContain('2026-12-10 10:00（Asia/Shanghai）');
    expect(leaveLine('zh-CN', { id: 'a', personId: 'ann', from: '2026-12-01', to: '2026-12-05', kind: 'leave', note: '年假', approval: 'approved', createdBy: 'ann', createdAt: '2026-11-20T00:00:00Z' } as never)).toBe('2026-12-01 – 2026-12-05（年假）');
    expect(leaveLine('en', { id: 'a', personId: 'ann', from: '2026-12-01', to: '2026-12-05', kind: 'leave', note: 'annual leave', approval: 'approved', createdBy: 'ann', createdAt: '2026-11-20T00:00:00Z' } as never)).toBe('2026-12-01 – 2026-12-05 (annual leave)');
  });
});

describe('account choices in forms', () => {
  it('name the tier in the reader’s words, not its stored id', async () => {
    const { accountChoices } = await import('../../src/chat/account-choices.js');
    const bob = (await deps.store.people.get('bob'))!;
    const zh = await accountChoices(deps, { ...bob, locale: 'zh-CN' }, { queries: ['Globex'] });
    expect(zh.find((o) => o.value === 'globex')?.label).toBe('Globex · 战略客户');
    const en = await accountChoices(deps, { ...bob, locale: 'en' }, { queries: ['Globex'] });
    expect(en.find((o) => o.value === 'globex')?.label).toBe('Globex · Strategic');
  });
});
