import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { T0, visits } from '../helpers/org.js';
import { startHarness, type Harness } from './harness.js';

/**
 * Calibration's Slack part: link and mention markup in, escaping and ephemeral answers out. What
 * the commands do (invitations, the pack, adjustments and their refusals) is tested once in
 * test/chat/calibration.
 */
let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  await h.deps.store.activities.insertMany([...visits('ann', 'acme', 30, '2026-07-01'), ...visits('bob', 'globex', 12, '2026-08-01')]);
});
afterEach(() => h.close());

type Resp = { text: string; response_type?: string; blocks?: unknown[] };
const last = (): Resp => h.fake.responses.at(-1)!.body as Resp;
const allText = (r: Resp) => JSON.stringify(r.blocks ?? r.text);
const targets = async (job: string) =>
  (await h.deps.store.outbox.find({ job })).map((o) => (o.target.kind === 'dm' ? o.target.identity : o.target.channel)).sort();

describe('calibration in Slack', () => {
  it('/cycle meeting reads a link and user mentions in Slack markup, answers privately, names an unknown user by their label and escapes its usage', async () => {
    await h.command('UHR', '/cycle', 'open 2026-Q3');
    await h.command('UHR', '/cycle', 'meeting 2026-Q3 2026-12-03 14:30 <https://meet.example.com/q3|meet> <@UMGR|mia> <@UZED|zed>');
    expect(last().text).toContain('does not know @zed');
    expect(await h.deps.store.outbox.count({ job: 'cycle-meeting' })).toBe(0);

    await h.command('UHR', '/cycle', 'meeting 2026-Q3 2026-12-03 14:30 <https://meet.example.com/q3|meet> <@UMGR|mia> <@UBOB|bob>');
    expect(last().response_type).toBe('ephemeral');
    // The link is unwrapped from its markup, so the invitation shows the address itself.
    expect(last().text).toMatch(/^Review meeting for 2026-Q3 set for 2026-12-03 14:30 \(Asia\/Shanghai\) at https:\/\/meet\.example\.com\/q3, with .+\. 2 invitations queued\.$/);
    expect(await targets('cycle-meeting')).toEqual(['slack:UBOB', 'slack:UMGR']);

    await h.command('UHR', '/cycle', 'meeting');
    // Escaped for Slack, so `<period>` shows as typed instead of being read as markup.
    expect(last().text).toContain('Usage: /cycle meeting &lt;period&gt; &lt;YYYY-MM-DD&gt; &lt;HH:mm&gt;');
    await h.command('UHR', '/cycle', 'meeting 2026-Q3 2026-11-26 09:00 Room 5 <@UMGR|mia>');
    expect(last().text).toBe(':warning: 2026-11-26 09:00 is in the past: choose a later time.');
  });

  it('/cycle calibrate answers privately; /adjust reads the rep from a mention and escapes its usage', async () => {
    await h.command('UHR', '/cycle', 'open 2026-Q3');
    await h.command('UHR', '/cycle', 'review 2026-Q3');
    await h.deps.store.settings.put({ id: 'channels', value: { 'hr-private': ['slack:CHRPRIV'] }, updatedAt: T0, updatedBy: 'hr' });
    await h.command('UHR', '/cycle', 'calibrate 2026-Q3');
    expect(last().response_type).toBe('ephemeral');
    expect(last().text).toBe('2026-Q3 calibration pack');
    for (const s of ['Team avg', 'only in teams of 5 or more graded reps']) expect(allText(last())).toContain(s);
    expect(await targets('cycle-calibrate')).toEqual(['slack:CHRPRIV']);

    await h.command('UMGR', '/adjust', '<@UANN|ann>');
    expect(last().text).toContain('Usage: /adjust @rep &lt;±points&gt; &lt;reason');
    await h.command('UHR', '/adjust', '<@UANN|ann> -2 duplicate visits removed after review 2026-Q3');
    expect(last().text).toMatch(/^ann's 2026-Q3 score adjusted by −2: /);
    expect((await h.deps.store.adjustments.find()).map((a) => [a.repId, a.delta, a.byId])).toEqual([['ann', -2, 'hr']]);
  });
});
