import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { T0, visits } from '../helpers/org.js';
import { startHarness, type Harness } from './harness.js';

/** Calibration end to end through signed Slack slash commands: /cycle meeting, /cycle calibrate, /adjust. */
let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  await h.deps.store.activities.insertMany([...visits('ann', 'acme', 30, '2026-07-01'), ...visits('bob', 'globex', 12, '2026-08-01')]);
});
afterEach(() => h.close());

type Resp = { text: string; response_type?: string; blocks?: unknown[] };
const last = (): Resp => h.fake.responses.at(-1)!.body as Resp;
const allText = (r: Resp) => JSON.stringify(r.blocks ?? r.text);
const hrPrivate = () => h.deps.store.settings.put({ id: 'channels', value: { 'hr-private': ['slack:CHRPRIV'] }, updatedAt: T0, updatedBy: 'hr' });
const targets = async (job: string) =>
  (await h.deps.store.outbox.find({ job })).map((o) => (o.target.kind === 'dm' ? o.target.identity : o.target.channel)).sort();
const openAndReview = async () => {
  await h.command('UHR', '/cycle', 'open 2026-Q3');
  await h.command('UHR', '/cycle', 'review 2026-Q3');
  expect(last().text).toContain('is now in review');
};

describe('/cycle meeting in Slack', () => {
  it('HR schedules the review meeting with mentions and a call link; the participants are invited by DM, an unknown mention is refused', async () => {
    // bob has said he reads Chinese (as his first command would record from his Slack profile).
    await h.deps.store.people.put({ ...(await h.deps.store.people.get('bob'))!, locale: 'zh-CN' });
    await h.command('UHR', '/cycle', 'open 2026-Q3');
    await h.command('UHR', '/cycle', 'meeting 2026-Q3 2026-12-03 14:30 <https://meet.example.com/q3|meet> <@UMGR|mia> <@UZED|zed>');
    expect(last().text).toContain('does not know @zed');
    expect(await h.deps.store.outbox.count({ job: 'cycle-meeting' })).toBe(0);

    await h.command('UHR', '/cycle', 'meeting 2026-Q3 2026-12-03 14:30 <https://meet.example.com/q3|meet> <@UMGR|mia> <@UBOB|bob>');
    expect(last().response_type).toBe('ephemeral');
    expect(last().text).toMatch(/^Review meeting for 2026-Q3 set for 2026-12-03 14:30 \(Asia\/Shanghai\) at https:\/\/meet\.example\.com\/q3, with .+\. 2 invitation\(s\) queued\.$/);
    expect(await targets('cycle-meeting')).toEqual(['slack:UBOB', 'slack:UMGR']);
    const bobInvite = (await h.deps.store.outbox.find({ job: 'cycle-meeting' })).find((o) => o.target.kind === 'dm' && o.target.identity === 'slack:UBOB')!;
    expect(bobInvite.message.text).toBe('邀请：2026-Q3 评审会，2026-12-03 14:30'); // bob reads Chinese

    await h.command('UHR', '/cycle', 'meeting 2026-Q3');
    expect(allText(last())).toContain('https://meet.example.com/q3');
    expect(allText(last())).toContain('2026-12-03 14:30 (Asia/Shanghai)');

    await h.command('UMGR', '/cycle', 'meeting 2026-Q3 2026-12-04 10:00 Room 5 <@UBOB|bob>');
    expect(last().text).toContain('needs the hr role');
    await h.command('UHR', '/cycle', 'meeting');
    // Escaped for Slack, so `<period>` shows as typed instead of being read as markup.
    expect(last().text).toContain('Usage: /cycle meeting &lt;period&gt; &lt;YYYY-MM-DD&gt; &lt;HH:mm&gt;');
    await h.command('UHR', '/cycle', 'meeting 2026-Q3 <@UMGR|mia>');
    expect(last().text).toContain('Usage: /cycle meeting &lt;period&gt; &lt;YYYY-MM-DD&gt; &lt;HH:mm&gt;');
    await h.command('UHR', '/cycle', 'meeting 2026-Q3 2026-11-26 09:00 Room 5 <@UMGR|mia>');
    expect(last().text).toBe(':warning: 2026-11-26 09:00 is in the past: choose a later time.');
    expect(await h.deps.store.outbox.count({ job: 'cycle-meeting' })).toBe(2);
  });
});

describe('/cycle calibrate and /adjust in Slack', () => {
  it('posts the pack to the hr-private channel and shows it to HR; adjustments by HR and the manager, refused for a rep and a short reason', async () => {
    await openAndReview();
    await hrPrivate();
    await h.command('UHR', '/cycle', 'calibrate 2026-Q3');
    expect(last().response_type).toBe('ephemeral');
    expect(last().text).toBe('2026-Q3 calibration pack');
    for (const s of ['Team avg', 'Posted to 1 hr-private channel(s).', 'only in teams of 5 or more graded reps']) expect(allText(last())).toContain(s);
    expect(await targets('cycle-calibrate')).toEqual(['slack:CHRPRIV']);

    await h.command('UBOB', '/adjust', '<@UBOB|bob> +5 我觉得我的分数应该更高一些');
    expect(last().text).toContain('此操作需要 hr/manager 角色');
    await h.command('UMGR', '/adjust', '<@UANN|ann> -2 short');
    expect(last().text).toContain('The reason is too short');
    await h.command('UMGR', '/adjust', '<@UANN|ann>');
    expect(last().text).toContain('Usage: /adjust @rep &lt;±points&gt; &lt;reason');
    await h.command('UMGR', '/adjust', '<@UCAT|cat> -2 not my team but trying anyway');
    expect(last().text).toContain('is not in your team');
    await h.command('UMGR', '/adjust', '<@UANN|ann> lots of points because reasons');
    expect(last().text).toContain('is not an adjustment');
    expect(await h.deps.store.adjustments.count()).toBe(0);

    await h.command('UHR', '/adjust', '<@UANN|ann> -2 duplicate visits removed after review 2026-Q3');
    expect(last().text).toMatch(/^ann's 2026-Q3 score adjusted by −2: [\d.]+ \([A-D]\) → [\d.]+ \([A-D]\)\. Reason: duplicate visits removed after review$/);
    const mgr = (await h.deps.store.people.get('mgr'))!;
    await h.deps.store.people.put({ ...mgr, locale: 'zh-CN' });
    await h.command('UMGR', '/adjust', '<@UBOB|bob> +1.5 大客户回款在截止后才入账');
    expect(last().text).toMatch(/^Bob Wu 的 2026-Q3 分数已调整 \+1\.5：/);
    expect((await h.deps.store.adjustments.find()).map((a) => [a.repId, a.delta, a.byId]).sort()).toEqual([['ann', -2, 'hr'], ['bob', 1.5, 'mgr']]);
    expect(await h.deps.store.audit.count({ action: 'score.adjust' })).toBe(2);

    // The pack asked for again now lists both adjustments, and goes to the channel again.
    await h.command('UHR', '/cycle', 'calibrate');
    expect(allText(last())).toContain('duplicate visits removed after review');
    expect(await h.deps.store.outbox.count({ job: 'cycle-calibrate' })).toBe(2);
  });

  it('without an hr-private channel says so, and shows the pack to HR only', async () => {
    await openAndReview();
    await h.command('UHR', '/cycle', 'calibrate 2026-Q3');
    expect(allText(last())).toContain('No hr-private channel is configured');
    expect(allText(last())).toContain('2026-Q3 calibration pack');
    expect(await h.deps.store.outbox.count({ job: 'cycle-calibrate' })).toBe(0);
  });
});
