import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scorePeriod } from '../../src/application/score-period.js';
import { ensureDefaultTemplate } from '../../src/application/templates.js';
import { parsePeriod } from '../../src/domain/period.js';
import { t } from '../../src/views/i18n.js';
import type { Locale } from '../../src/domain/model/fields.js';
import { person, smallOrg, T0, visits } from '../helpers/org.js';
import { testDeps } from '../helpers/temp-store.js';
import { ask, shownTexts } from './conversation.js';

/**
 * Peer reviews people can be honest in (issue 8): the anonymity floor on a rep's own scorecard, in
 * English and asked in Chinese by the alias (/成绩), as the shared conversation answers it
 * (was test/slack/peer-anonymity and test/lark/peer-anonymity).
 */
let deps: ReturnType<typeof testDeps>;
beforeEach(async () => {
  deps = testDeps('2026-11-26T02:00:00Z');
  await smallOrg(deps.store);
  await ensureDefaultTemplate(deps);
  await deps.store.people.put({ ...(await deps.store.people.get('bob'))!, name: 'Bob Wu', locale: 'zh-CN' });
  await deps.store.people.insertMany([person('dan', { teamId: 'east', managerId: 'mgr', name: 'Dan Reviewer' }), person('eve', { teamId: 'east', managerId: 'mgr', name: 'Eve Reviewer' })]);
  await deps.store.activities.insertMany([...visits('ann', 'acme', 10, '2026-10-05'), ...visits('bob', 'globex', 8, '2026-10-05')]);
});
afterEach(() => deps.cleanup());

const review = (id: string, fromId: string, toId: string, collaboration: number, comment = 'blunt but fair') =>
  deps.store.peerReviews.insert({ id, fromId, toId, periodKey: '2026-Q4', collaboration, comment, date: '2026-11-20', createdAt: T0 });

/** A rep's own scorecard: the explanation line of the collaboration indicator, its table row, and every text shown. */
async function scorecard(who: string, line: string, locale: Locale) {
  const { view } = await ask(deps, who, line);
  const label = t(locale, 'indicator.collaboration');
  const explained = view!.blocks.flatMap((b) => (b.type === 'context' ? b.text.split('\n') : [])).find((l) => l.startsWith(label));
  const row = view!.blocks.flatMap((b) => (b.type === 'table' ? b.rows : [])).find((r) => r[0]!.endsWith(label));
  if (!explained || !row) throw new Error(`the scorecard does not explain ${label}`);
  return { explained, row, texts: shownTexts(view!) };
}
const notShown = (texts: string[], hidden: string[]) => hidden.flatMap((h) => texts.filter((x) => x.includes(h)));

describe('peer-review anonymity (shared conversation)', () => {
  it('with 2 reviews the rep sees neither the rating nor who gave it; with 3, only the average', async () => {
    await review('r1', 'bob', 'ann', 2);
    await review('r2', 'dan', 'ann', 4);
    let card = await scorecard('ann', '/scorecard', 'en');
    expect(card.explained).toContain(t('en', 'inputs.peerWithheld', { count: 2, floor: 3 }));
    expect(card.row.slice(1, 4)).toEqual(['—', '—', '—']);
    expect(notShown(card.texts, ['Bob', 'bob', 'Dan Reviewer', 'blunt but fair', t('en', 'inputs.ratings', { count: 2 })])).toEqual([]);

    await review('r3', 'eve', 'ann', 3);
    card = await scorecard('ann', '/scorecard', 'en');
    expect(card.explained).toContain(t('en', 'inputs.ratings', { count: 3 }));
    expect(card.row[1]).toMatch(/^3(\.0)? \/ 5$/); // the average, on the rating's scale
    expect(notShown(card.texts, ['Dan Reviewer', 'Eve Reviewer', 'blunt but fair'])).toEqual([]);
  });

  it('in Chinese by the alias: 2 reviews withheld; 3, the average only, never the reviewers or their words', async () => {
    await review('r1', 'ann', 'bob', 4, '直言不讳');
    await review('r2', 'dan', 'bob', 4, '直言不讳');
    let card = await scorecard('bob', '/成绩', 'zh-CN');
    expect(card.explained).toContain(t('zh-CN', 'inputs.peerWithheld', { count: 2, floor: 3 }));
    expect(card.explained).not.toContain(t('zh-CN', 'inputs.ratings', { count: 2 }));
    await review('r3', 'eve', 'bob', 4, '直言不讳');
    card = await scorecard('bob', '/成绩', 'zh-CN');
    expect(card.explained).toContain(t('zh-CN', 'inputs.ratings', { count: 3 }));
    expect(notShown(card.texts, ['Dan Reviewer', 'Eve Reviewer', 'ann', '直言不讳'])).toEqual([]);
  });

  it('the withheld rating does not count in the total either (it cannot be worked out from it)', async () => {
    const total = async () => (await scorePeriod(deps, parsePeriod('2026-Q4'))).reps.get('ann')!.card.total;
    const withNone = await total();
    // A top rating would lift the total if it counted.
    await review('r1', 'bob', 'ann', 5);
    expect(await total()).toBe(withNone);
    await review('r2', 'dan', 'ann', 5);
    await review('r3', 'eve', 'ann', 5);
    expect(await total()).not.toBe(withNone);
  });

  it('HR sets the floor; with a floor of 2, two reviews are shown', async () => {
    await review('r1', 'bob', 'ann', 2);
    await review('r2', 'dan', 'ann', 4);
    expect(shownTexts((await ask(deps, 'hr', '/appraisal-admin policy peer-floor 2')).view!).join('\n')).toContain('peer ratings shown from 2 reviews');
    expect((await scorecard('ann', '/scorecard', 'en')).explained).toContain(t('en', 'inputs.ratings', { count: 2 }));
  });

  it('HR alone sees who reviewed whom, for audit, and the reading is recorded', async () => {
    await review('r1', 'bob', 'ann', 2);
    await review('r2', 'dan', 'ann', 4);
    expect((await ask(deps, 'ann', '/audit peers 2026-Q4')).refusal).toContain('This needs the HR role');
    const texts = shownTexts((await ask(deps, 'hr', '/audit peers 2026-Q4 @ann', { known: ['ann'] })).view!).join('\n');
    expect(texts).toContain('Dan Reviewer');
    expect(texts).toContain('blunt but fair');
    expect(texts).toContain('For audit only');
    expect(await deps.store.audit.find({ action: 'peer-reviews.view' })).toEqual([expect.objectContaining({ actorId: 'hr', details: expect.objectContaining({ periodKey: '2026-Q4', repId: 'ann', reviews: 2 }) })]);
  });
});
