import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { T0, visits } from '../helpers/org.js';
import { testDeps } from '../helpers/temp-store.js';
import { ask, shownTexts, type Answered, namedOrg } from './conversation.js';

/**
 * Calibration in the shared conversation: /cycle meeting, /cycle calibrate and /adjust (moved from
 * test/slack/calibration and test/lark/calibration; Slack keeps its link markup and escaping, and a
 * Lark group command answered in the DM is in test/lark/interviews). Today is 26 November 2026.
 */
let deps: ReturnType<typeof testDeps>;
beforeEach(async () => {
  deps = testDeps('2026-11-26T02:00:00Z');
  await namedOrg(deps);
  await deps.store.activities.insertMany([...visits('ann', 'acme', 30, '2026-07-01'), ...visits('bob', 'globex', 12, '2026-08-01')]);
});
afterEach(() => deps.cleanup());

const said = (a: Answered): string => a.refusal ?? shownTexts(a.view).join('\n');
const say = async (who: string, line: string, known: string[] = [], unknown: string[] = []) => said(await ask(deps, who, line, { known, unknown }));
const hrPrivate = () => deps.store.settings.put({ id: 'channels', value: { 'hr-private': ['lark:oc_hrprivate'] }, updatedAt: T0, updatedBy: 'hr' });
const targets = async (job: string) => (await deps.store.outbox.find({ job })).map((o) => (o.target.kind === 'dm' ? o.target.identity : o.target.channel)).sort();
async function openAndReview(): Promise<void> {
  await say('hr', '/cycle open 2026-Q3');
  expect(await say('hr', '/cycle review 2026-Q3')).toContain('is now in review');
}

describe('/cycle meeting (shared conversation)', () => {
  it('HR schedules the review meeting with mentions; the participants are invited by DM in their language; refusals queue nothing', async () => {
    await say('hr', '/cycle open 2026-Q3');
    expect(await say('hr', '/cycle meeting 2026-Q3 2026-12-03 14:30 https://meet.example.com/q3 @mgr @zed', ['mgr'], ['@zed'])).toContain('does not know @zed');
    expect(await deps.store.outbox.count({ job: 'cycle-meeting' })).toBe(0);

    const set = await ask(deps, 'hr', '/cycle meeting 2026-Q3 2026-12-03 14:30 https://meet.example.com/q3 @mgr @bob', { known: ['mgr', 'bob'] });
    expect(set.view!.title).toMatch(/^Review meeting for 2026-Q3 set for 2026-12-03 14:30 \(Asia\/Shanghai\) at https:\/\/meet\.example\.com\/q3, with .+\. 2 invitations queued\.$/);
    expect(await targets('cycle-meeting')).toEqual(['lark:ou_bobwu', 'lark:ou_miamgr']);
    const bobInvite = (await deps.store.outbox.find({ job: 'cycle-meeting' })).find((o) => o.target.kind === 'dm' && o.target.identity === 'lark:ou_bobwu')!;
    expect(bobInvite.message.text).toBe('邀请：2026-Q3 校准会，2026-12-03 14:30'); // bob reads Chinese

    const shown = await say('hr', '/cycle meeting 2026-Q3');
    expect(shown).toContain('https://meet.example.com/q3');
    expect(shown).toContain('2026-12-03 14:30 (Asia/Shanghai)');

    expect(await say('mgr', '/cycle meeting 2026-Q3 2026-12-04 10:00 Room 5 @bob', ['bob'])).toContain('needs the HR role');
    expect(await say('hr', '/cycle meeting')).toContain('Usage: /cycle meeting <period> <YYYY-MM-DD> <HH:mm>');
    expect(await say('hr', '/cycle meeting 2026-Q3 @mgr', ['mgr'])).toContain('Usage: /cycle meeting <period> <YYYY-MM-DD> <HH:mm>');
    expect(await say('hr', '/cycle meeting 2026-Q3 2026-11-26 09:00 Room 5 @mgr', ['mgr'])).toContain('2026-11-26 09:00 is in the past: choose a later time.');
    expect(await deps.store.outbox.count({ job: 'cycle-meeting' })).toBe(2);
  });

  it('by the Chinese alias, with a room instead of a link', async () => {
    await say('hr', '/cycle open 2026-Q3');
    expect(await say('hr', '/考核周期 meeting 2026-Q3 2026-12-03 14:30 Room 5 @mgr @bob', ['mgr', 'bob'])).toContain(
      'Review meeting for 2026-Q3 set for 2026-12-03 14:30 (Asia/Shanghai) at Room 5, with',
    );
    expect(await targets('cycle-meeting')).toEqual(['lark:ou_bobwu', 'lark:ou_miamgr']);
  });
});

describe('/cycle calibrate and /adjust (shared conversation)', () => {
  it('posts the pack to the hr-private channel and shows it to HR; adjustments by HR and the manager; refusals store nothing', async () => {
    await openAndReview();
    await hrPrivate();
    const pack = await ask(deps, 'hr', '/cycle calibrate 2026-Q3');
    expect(pack.view!.title).toBe('2026-Q3 calibration pack');
    for (const s of ['Team avg', 'Posted to 1 hr-private channel.', 'only in teams of 5 or more graded reps']) expect(said(pack)).toContain(s);
    expect((await deps.store.outbox.find({ job: 'cycle-calibrate' })).map((o) => o.target)).toEqual([{ kind: 'channel', channel: 'lark:oc_hrprivate' }]);

    expect(await say('bob', '/adjust @bob +5 我觉得我的分数应该更高一些', ['bob'])).toContain('此操作需要人力资源或经理角色');
    expect(await say('bob', '/调整 @bob +5 我觉得我的分数应该更高一些', ['bob'])).toContain('此操作需要人力资源或经理角色');
    expect(await say('mgr', '/adjust @ann -2 short', ['ann'])).toContain('The reason is too short');
    expect(await say('mgr', '/调整 @ann -3', ['ann'])).toContain('An adjustment needs a written reason');
    expect(await say('mgr', '/adjust @ann', ['ann'])).toContain('Usage: /adjust @rep <±points> <reason');
    expect(await say('mgr', '/adjust @cat -2 not my team but trying anyway', ['cat'])).toContain('is not in your team');
    expect(await say('mgr', '/adjust @ann lots of points because reasons', ['ann'])).toContain('is not an adjustment');
    expect(await deps.store.adjustments.count()).toBe(0);

    expect((await ask(deps, 'hr', '/adjust @ann -2 duplicate visits removed after review 2026-Q3', { known: ['ann'] })).view!.title).toMatch(
      /^Ann Lee's 2026-Q3 score adjusted by −2: [\d.]+ \([A-D]\) → [\d.]+ \([A-D]\)\. Reason: duplicate visits removed after review$/,
    );
    await deps.store.people.put({ ...(await deps.store.people.get('mgr'))!, locale: 'zh-CN' });
    // A manager's adjustment is a proposal until HR accepts it (issue 14): stored as pending, audited as a proposal.
    expect((await ask(deps, 'mgr', '/调整 @bob +1.5 大客户回款在截止后才入账', { known: ['bob'] })).view!.title).toMatch(/^已提议将 Bob Wu 的 2026-Q3 分数调整 \+1\.5：/);
    expect((await deps.store.adjustments.find()).map((a) => [a.repId, a.delta, a.byId, a.state ?? 'applied']).sort()).toEqual([
      ['ann', -2, 'hr', 'applied'],
      ['bob', 1.5, 'mgr', 'pending'],
    ]);
    expect((await deps.store.audit.find({ action: 'score.adjust' })).map((a) => [a.actorId, a.subjectId, a.details.reason])).toEqual([['hr', 'ann', 'duplicate visits removed after review']]);
    expect((await deps.store.audit.find({ action: 'score.propose' })).map((a) => [a.actorId, a.subjectId, a.details.reason])).toEqual([['mgr', 'bob', '大客户回款在截止后才入账']]);

    // The pack asked for again (period left out) lists both adjustments, and goes to the channel again.
    expect(await say('hr', '/cycle calibrate')).toContain('duplicate visits removed after review');
    expect(await deps.store.outbox.count({ job: 'cycle-calibrate' })).toBe(2);
  });

  it('takes the period before the points too, as /appeal does', async () => {
    await openAndReview();
    expect((await ask(deps, 'hr', '/adjust @ann 2026-Q3 -2 duplicate visits removed after review', { known: ['ann'] })).view!.title).toMatch(/^Ann Lee's 2026-Q3 score adjusted by −2: /);
    expect((await deps.store.adjustments.find()).map((a) => [a.repId, a.delta, a.periodKey, a.reason])).toEqual([['ann', -2, '2026-Q3', 'duplicate visits removed after review']]);
  });

  it('without an hr-private channel says so, and shows the pack to HR only', async () => {
    await openAndReview();
    const pack = await say('hr', '/cycle calibrate 2026-Q3');
    expect(pack).toContain('No hr-private channel is configured');
    expect(pack).toContain('2026-Q3 calibration pack');
    expect(await deps.store.outbox.count({ job: 'cycle-calibrate' })).toBe(0);
  });

  it('answers a Chinese-speaking HR in Chinese', async () => {
    await deps.store.people.put({ ...(await deps.store.people.get('hr'))!, locale: 'zh-CN' });
    expect(await say('hr', '/考核周期 calibrate 2026-Q3')).toContain('2026-Q3 没有考核周期');
    await say('hr', '/cycle open 2026-Q3');
    await say('hr', '/cycle review 2026-Q3');
    const pack = await say('hr', '/考核周期 calibrate 2026-Q3');
    for (const s of ['2026-Q3 校准资料', '团队均分', '尚未配置人力资源部私密频道']) expect(pack).toContain(s);
    expect(await say('hr', '/调整')).toContain('用法：/调整 @销售');
  });
});
