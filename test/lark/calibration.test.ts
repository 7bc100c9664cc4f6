import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { T0, visits } from '../helpers/org.js';
import { dmChat, startHarness, type Harness } from './harness.js';

/** Calibration end to end on Lark: commands by DM answered with a card, group commands with @-mentions. */
let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  await h.deps.store.activities.insertMany([...visits('ann', 'acme', 30, '2026-07-01'), ...visits('bob', 'globex', 12, '2026-08-01')]);
});
afterEach(() => h.close());

const MIA = { openId: 'ou_miamgr', name: 'Mia Manager' };
const BOB = { openId: 'ou_bobwu', name: 'Bob Wu' };
const ANN = { openId: 'ou_annlee', name: 'Ann Lee' };

/** Everything the last answer card in a chat says. */
async function cardText(chat: string): Promise<string> {
  await h.idle();
  return JSON.stringify(h.lastCardTo(chat));
}

describe('calibration on Lark', () => {
  it('HR schedules the meeting from a group with mentions; the invitations go out by DM in each reader’s language', async () => {
    await h.dm('ou_hanahr', '/cycle open 2026-Q3');
    await h.group('ou_hanahr', '/考核周期 meeting 2026-Q3 2026-12-03 14:30 Room 5 @_user_2 @_user_3', [MIA, BOB]);
    // A group command is answered in the sender's DM.
    expect(await cardText('ou_hanahr')).toContain('Review meeting for 2026-Q3 set for 2026-12-03 14:30 (Asia/Shanghai) at Room 5, with');
    const outbox = await h.deps.store.outbox.find({ job: 'cycle-meeting' });
    expect(outbox.map((o) => (o.target.kind === 'dm' ? o.target.identity : '')).sort()).toEqual(['lark:ou_bobwu', 'lark:ou_miamgr']);
    expect(outbox.find((o) => o.target.kind === 'dm' && o.target.identity === 'lark:ou_bobwu')!.message.text).toBe('邀请：2026-Q3 校准会，2026-12-03 14:30');

    await h.group('ou_hanahr', '/cycle meeting 2026-Q3 2026-12-03 14:30 Room 5 @_user_2', [{ openId: 'ou_stranger9', name: 'Stranger' }]);
    expect(await cardText('ou_hanahr')).toContain('The bot does not know @Stranger');
    expect(await h.deps.store.personByIdentity('lark:ou_stranger9')).toBeNull();
  });

  it('HR calibrates by DM (the pack goes to the hr-private chat); the manager adjusts from a group; a rep is refused in Chinese', async () => {
    await h.deps.store.settings.put({ id: 'channels', value: { 'hr-private': ['lark:oc_hrprivate'] }, updatedAt: T0, updatedBy: 'hr' });
    await h.dm('ou_hanahr', '/cycle open 2026-Q3');
    await h.dm('ou_hanahr', '/cycle review 2026-Q3');
    await h.dm('ou_hanahr', '/cycle calibrate 2026-Q3');
    const pack = await cardText(dmChat('ou_hanahr'));
    for (const s of ['2026-Q3 calibration pack', 'Team avg', 'Posted to 1 hr-private channel(s).']) expect(pack).toContain(s);
    expect((await h.deps.store.outbox.find({ job: 'cycle-calibrate' })).map((o) => o.target)).toEqual([{ kind: 'channel', channel: 'lark:oc_hrprivate' }]);

    await h.group('ou_bobwu', '/调整 @_user_2 +5 我觉得我的分数应该更高一些', [BOB]);
    expect(await cardText('ou_bobwu')).toContain('此操作需要人力资源或经理角色');
    await h.group('ou_miamgr', '/调整 @_user_2 -3', [ANN]);
    expect(await cardText('ou_miamgr')).toContain('An adjustment needs a written reason');
    expect(await h.deps.store.adjustments.count()).toBe(0);

    await h.group('ou_miamgr', '/调整 @_user_2 +2 大客户回款在截止后才入账', [BOB]);
    expect(await cardText('ou_miamgr')).toMatch(/Bob Wu's 2026-Q3 score adjusted by \+2: [\d.]+ \(D\) → [\d.]+ \(D\)\. Reason: 大客户回款在截止后才入账/);
    expect((await h.deps.store.audit.find({ action: 'score.adjust' })).map((a) => [a.actorId, a.subjectId, a.details.reason])).toEqual([['mgr', 'bob', '大客户回款在截止后才入账']]);
  });

  it('answers a Chinese-speaking HR in Chinese', async () => {
    await h.deps.store.people.put({ ...(await h.deps.store.people.get('hr'))!, locale: 'zh-CN' });
    await h.dm('ou_hanahr', '/考核周期 calibrate 2026-Q3');
    expect(await cardText(dmChat('ou_hanahr'))).toContain('2026-Q3 没有考核周期');
    await h.dm('ou_hanahr', '/cycle open 2026-Q3');
    await h.dm('ou_hanahr', '/cycle review 2026-Q3');
    await h.dm('ou_hanahr', '/考核周期 calibrate 2026-Q3');
    const pack = await cardText(dmChat('ou_hanahr'));
    for (const s of ['2026-Q3 校准资料', '团队均分', '尚未配置人力资源部私密频道']) expect(pack).toContain(s);
    await h.dm('ou_hanahr', '/调整');
    expect(await cardText(dmChat('ou_hanahr'))).toContain('用法：/调整 @销售');
  });
});
