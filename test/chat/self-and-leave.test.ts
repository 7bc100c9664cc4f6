import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureDefaultTemplate } from '../../src/application/templates.js';
import { t } from '../../src/views/i18n.js';
import { smallOrg } from '../helpers/org.js';
import { testDeps } from '../helpers/temp-store.js';
import { ask, shownTexts } from './conversation.js';

/** `/自评` (self-review) and `/休假` (away) by their Chinese aliases, answered in Chinese (was test/lark/self-and-leave). */
let deps: ReturnType<typeof testDeps>;
beforeEach(async () => {
  deps = testDeps('2026-11-26T02:00:00Z');
  await smallOrg(deps.store);
  await ensureDefaultTemplate(deps);
  await deps.store.people.put({ ...(await deps.store.people.get('bob'))!, name: 'Bob Wu', locale: 'zh-CN' });
});
afterEach(() => deps.cleanup());

describe('self-review and leave (shared conversation)', () => {
  it('a rep writes a self-review in Chinese once HR opened the cycle', async () => {
    const early = await ask(deps, 'bob', '/自评 4 3 5 本季业绩不错');
    expect(early.refusal).toBe(t('zh-CN', 'selfReview.error.noCycle', { period: '2026-Q4' }));
    expect(await deps.store.selfReviews.count()).toBe(0);
    await ask(deps, 'hr', '/考核周期 open 2026-Q4');
    const saved = await ask(deps, 'bob', '/自评 4 3 5 本季业绩不错');
    expect(shownTexts(saved.view!).join('\n')).toContain(t('zh-CN', 'selfReview.saved', { period: '2026-Q4', performance: 4, behaviour: 3, teamwork: 5 }));
    expect(await deps.store.selfReviews.find({ repId: 'bob' })).toEqual([expect.objectContaining({ periodKey: '2026-Q4', ratings: { performance: 4, behaviour: 3, teamwork: 5 }, comment: '本季业绩不错' })]);
  });

  it('a rep records leave with the Chinese alias', async () => {
    const saved = await ask(deps, 'bob', '/休假 2026-12-01 2026-12-05 年假');
    expect(shownTexts(saved.view!).some((x) => x.startsWith(t('zh-CN', 'away.saved', { name: 'Bob Wu', from: '2026-12-01', to: '2026-12-05', prorate: '' }).trim()))).toBe(true);
    expect(await deps.store.absences.find({ personId: 'bob' })).toEqual([expect.objectContaining({ from: '2026-12-01', to: '2026-12-05', note: '年假' })]);
  });
});
