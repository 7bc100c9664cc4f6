import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scorePeriod } from '../../src/application/score-period.js';
import { parsePeriod } from '../../src/domain/period.js';
import { T0, visits } from '../helpers/org.js';
import { startHarness, VISIT_VALUES, type Harness } from './harness.js';

/** Editing the KPI template in chat (issue 8's tiers and coverage): each change a new version; open cycles keep theirs. */
let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  await h.deps.store.accounts.insert({ id: 'c1', name: 'Small Co', nameKey: 'small co', tier: 'C', ownerId: 'ann', createdAt: T0 });
  await h.deps.store.activities.insertMany([...visits('ann', 'acme', 4, '2026-11-02', 'a'), ...visits('ann', 'c1', 4, '2026-11-10', 'c')]);
});
afterEach(() => h.close());

const last = () => (h.fake.responses.at(-1)!.body as { text: string }).text;

describe('/appraisal-admin template', () => {
  it('shows the template; HR sets tier weights and cadences and turns coverage on, each a new version that scoring uses', async () => {
    await h.command('UHR', '/appraisal-admin', 'template');
    expect(last()).toContain('KPI template: Key-account sales (default), version 1');
    expect(last()).toContain('strategic');
    await h.command('UHR', '/appraisal-admin', 'template tiers strategic 2 30 A 1 45 B 1 60 C 0.5 90');
    expect(last()).toContain('KPI template version 2 saved');
    await h.command('UHR', '/appraisal-admin', 'template coverage 10');
    expect(last()).toContain('version 3 saved');
    const scores = await scorePeriod(h.deps, parsePeriod('2026-Q4'));
    expect(scores.template.version).toBe(3);
    const card = scores.reps.get('ann')!.card;
    // 4 visits to acme (A ×1) + 4 to Small Co (C ×0.5) = 6 weighted visits.
    expect(card.indicators.find((i) => i.key === 'visits')!.actual).toBe(6);
    // acme (A, 45 days) and Small Co (C, 90 days) were both visited in November: coverage 2/2.
    expect(card.indicators.find((i) => i.key === 'coverage')!.inputs).toEqual({ covered: 2, owned: 2 });
    const behaviour = scores.template.categories.find((c) => c.key === 'behaviour')!;
    expect(behaviour.indicators.reduce((s, i) => s + i.weight, 0)).toBeCloseTo(100, 9);
    expect(await h.deps.store.audit.count({ action: 'template.version' })).toBe(2);
  });

  it('keeps an open cycle on the version it started with', async () => {
    await h.command('UHR', '/cycle', 'open 2026-Q4');
    await h.command('UHR', '/appraisal-admin', 'template coverage 10');
    expect((await scorePeriod(h.deps, parsePeriod('2026-Q4'))).template.version).toBe(1);
  });

  it('exports and imports the template as JSON; bad input and reps are refused, nothing saved', async () => {
    await h.command('UHR', '/appraisal-admin', 'template export');
    const json = last().replace(/^```\n|\n```$/g, '');
    const tpl = JSON.parse(json) as { name: string };
    expect(tpl.name).toBe('Key-account sales (default)');
    await h.command('UHR', '/appraisal-admin', `template import\n${JSON.stringify({ ...tpl, name: 'Key accounts 2027' })}`);
    expect(last()).toContain('version 2 saved');
    await h.command('UHR', '/appraisal-admin', 'template import\n{not json');
    expect(last()).toContain('Paste the template as JSON');
    await h.command('UHR', '/appraisal-admin', `template import\n${JSON.stringify({ ...tpl, categories: [] })}`);
    expect(last()).toContain('That template is not valid');
    await h.command('UHR', '/appraisal-admin', 'template tiers platinum 30 10');
    expect(last()).toContain('That template is not valid');
    await h.command('UHR', '/appraisal-admin', 'template tiers strategic 2');
    expect(last()).toContain('Give each tier as three words');
    await h.command('UANN', '/appraisal-admin', 'template coverage 10');
    expect(last()).toContain('needs the Admin/HR role');
    expect((await h.deps.store.templates.find({})).map((t) => t.version).sort()).toEqual([1, 2]);
  });

  it('lets HR add a tier: the form offers it, a new account and a CSV import may use it, and its visits count as set', async () => {
    await h.command('UHR', '/appraisal-admin', 'template tiers strategic 2 30 A 1 45 B 1 60 C 0.5 90 Dormant-watch 0.25 180');
    expect(last()).toContain('version 2 saved');
    await h.command('UANN', '/visit', '');
    const modal = JSON.stringify(h.fake.callsTo('views.open').at(-1)!.params);
    expect(modal).toContain('Dormant-watch');
    await h.command('UADMIN', '/appraisal-admin', 'import accounts\nname,tier,owner\nTiny Ltd,Dormant-watch,slack:UANN');
    expect(last()).toContain('1 created');
    expect((await h.deps.store.accounts.find({ nameKey: 'tiny ltd' }))[0]!.tier).toBe('Dormant-watch');
    await h.command('UADMIN', '/appraisal-admin', 'import accounts\nname,tier,owner\nOther Ltd,Platinum,slack:UANN');
    expect(last()).toContain('tier');
    expect(await h.deps.store.accounts.count({ nameKey: 'other ltd' })).toBe(0);
    // A new account with the new tier from the visit form; its visit counts 0.25.
    await h.submit('UANN', 'visit', { ...VISIT_VALUES, account: undefined, newAccountName: { text: 'Fresh Co' }, newAccountTier: { option: 'Dormant-watch' } });
    expect((await h.deps.store.accounts.find({ nameKey: 'fresh co' }))[0]!.tier).toBe('Dormant-watch');
    const visitsLine = (await scorePeriod(h.deps, parsePeriod('2026-Q4'))).reps.get('ann')!.card.indicators.find((i) => i.key === 'visits')!;
    // 4 acme (A ×1) + 4 Small Co (C ×0.5) + 1 Fresh Co (×0.25)
    expect(visitsLine.actual).toBe(6.25);
  });
});

describe('pasted text in Slack commands', () => {
  it('reads &, < and > as typed although Slack escapes them', async () => {
    await h.command('UADMIN', '/appraisal-admin', 'import accounts\nname,tier,owner\nSmith &amp; Co &lt;HK&gt;,A,slack:UANN');
    expect((await h.deps.store.accounts.find({ nameKey: 'smith & co <hk>' })).map((a) => a.name)).toEqual(['Smith & Co <HK>']);
  });
});

describe('escaped text in the review commands', () => {
  it('stores an award reason with & as typed', async () => {
    await h.command('UHR', '/award', '<@UANN|ann> R&amp;D partner: won the R&amp;D framework with Acme');
    expect((await h.deps.store.awards.find({}))[0]).toMatchObject({ title: 'R&D partner', reason: 'won the R&D framework with Acme' });
  });
});
