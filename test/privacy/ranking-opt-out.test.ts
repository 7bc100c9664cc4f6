import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getRanking } from '../../src/application/get-ranking.js';
import { parsePeriod } from '../../src/domain/period.js';
import { visits } from '../helpers/org.js';
import { dmChat, startHarness as startLark, type Harness as LarkHarness } from '../lark/harness.js';
import { startHarness, type Harness } from '../slack/harness.js';

/**
 * Issue 13: a rep can leave shared rankings (`/ranking opt-out`, `/排名 退出`) and come back; they
 * are still scored and see their own place; HR sees everyone; HR may forbid opting out.
 */
const seed = async (deps: Harness['deps']) => {
  await deps.store.activities.insertMany(visits('ann', 'acme', 20, '2026-10-05'));
  await deps.store.activities.insertMany(visits('bob', 'globex', 10, '2026-10-05'));
  await deps.store.activities.insertMany(visits('cat', 'acme', 5, '2026-10-05'));
};

describe('/ranking opt-out in Slack', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
    await seed(h.deps);
  });
  afterEach(() => h.close());
  const ask = async (user: string, command: string, text = '') => {
    await h.command(user, command, text);
    const r = h.fake.responses.at(-1)!.body as { text: string; blocks?: unknown[] };
    return JSON.stringify(r.blocks ?? r.text);
  };

  it('hides an opted-out rep from colleagues and the channel, not from HR nor from themselves; still scored', async () => {
    expect(await ask('UCAT', '/ranking')).toMatch(/Ann Lee|\bann\b/);
    expect(await ask('UANN', '/ranking', 'opt-out')).toContain('You are out of shared rankings');
    const colleague = await ask('UCAT', '/ranking');
    expect(colleague).not.toMatch(/Ann Lee|\bann\b/);
    expect(await ask('UANN', '/ranking')).toContain('Your place: 1 of 3.');
    expect(await ask('UHR', '/ranking')).toMatch(/1\s+(Ann Lee|ann)\s+East/);
    const channel = await getRanking(h.deps, null, { period: parsePeriod('2026-Q4') });
    expect(channel.entries.map((e) => e.repId)).not.toContain('ann');
    expect(await ask('UANN', '/scorecard')).toContain('Scorecard');
    // Chinese, for a rep who reads Chinese; twice is harmless.
    expect(await ask('UBOB', '/ranking', '退出')).toContain('你已退出公开排名');
    expect(await ask('UBOB', '/ranking', '退出')).toContain('原本就是如此');
    expect(await ask('UANN', '/ranking', 'opt-in')).toContain('You are back in shared rankings.');
    expect(await ask('UCAT', '/ranking')).toMatch(/Ann Lee|\bann\b/);
  });

  it('refuses a manager (not ranked), and follows HR’s policy: forbidden, nobody is left out', async () => {
    expect(await ask('UMGR', '/ranking', 'opt-out')).toContain('needs the Rep role');
    await ask('UANN', '/ranking', 'opt-out');
    expect(await ask('UHR', '/appraisal-admin', 'policy opt-out forbid')).toContain('ranking opt-out forbidden');
    expect(await ask('UCAT', '/ranking')).toMatch(/Ann Lee|\bann\b/);
    const before = await h.deps.store.audit.count();
    expect(await ask('UBOB', '/ranking', 'opt-out')).toContain('公司政策不允许退出排名');
    expect(await h.deps.store.audit.count()).toBe(before);
    expect(await ask('UHR', '/appraisal-admin', 'policy opt-out maybe')).toContain('does not fit the opt-out policy');
    expect(await ask('UHR', '/appraisal-admin', 'policy opt-out allow')).toContain('ranking opt-out allowed');
    expect(await ask('UCAT', '/ranking')).not.toMatch(/Ann Lee|\bann\b/);
  });

  it('is in the help', async () => {
    expect(await ask('UANN', '/appraisal', 'help')).toContain('/ranking opt-out');
  });
});

describe('/排名 退出 in Lark', () => {
  let h: LarkHarness;
  beforeEach(async () => {
    h = await startLark();
    await seed(h.deps);
  });
  afterEach(() => h.close());

  it('a rep leaves and rejoins the ranking by the Chinese alias', async () => {
    await h.dm('ou_annlee', '/排名 退出');
    await h.idle();
    expect(JSON.stringify(h.lastCardTo(dmChat('ou_annlee')).body)).toContain('You are out of shared rankings');
    expect((await h.deps.store.settings.get('ranking.privacy'))!.value).toMatchObject({ optOut: ['ann'] });
    await h.dm('ou_annlee', '/ranking opt-in');
    await h.idle();
    expect((await h.deps.store.settings.get('ranking.privacy'))!.value).toMatchObject({ optOut: [] });
  });
});
