import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureDefaultTemplate } from '../../src/application/templates.js';
import { t } from '../../src/views/i18n.js';
import { person, smallOrg, T0, visits } from '../helpers/org.js';
import { testDeps } from '../helpers/temp-store.js';
import { ask, shownTexts } from './conversation.js';

/**
 * The peer-review anonymity floor on a rep's own scorecard, asked in Chinese by its alias (/成绩):
 * the shared conversation's answer, whatever platform renders it (was test/lark/peer-anonymity).
 */
let deps: ReturnType<typeof testDeps>;
beforeEach(async () => {
  deps = testDeps('2026-11-26T02:00:00Z');
  await smallOrg(deps.store);
  await ensureDefaultTemplate(deps);
  await deps.store.people.put({ ...(await deps.store.people.get('bob'))!, name: 'Bob Wu', locale: 'zh-CN' });
  await deps.store.people.insertMany([person('dan', { teamId: 'east', managerId: 'mgr', name: '丁评审' }), person('eve', { teamId: 'east', managerId: 'mgr', name: '易评审' })]);
  await deps.store.activities.insertMany(visits('bob', 'globex', 8, '2026-10-05'));
});
afterEach(() => deps.cleanup());

const review = (id: string, fromId: string) =>
  deps.store.peerReviews.insert({ id, fromId, toId: 'bob', periodKey: '2026-Q4', collaboration: 4, comment: '直言不讳', date: '2026-11-20', createdAt: T0 });

/** The scorecard's explanation of the collaboration indicator (one line of its context block), and every text shown. */
async function bobsScorecard(): Promise<{ collaboration: string; texts: string[] }> {
  const { view } = await ask(deps, 'bob', '/成绩');
  const label = `${t('zh-CN', 'indicator.collaboration')}：`;
  const lines = view!.blocks.flatMap((b) => (b.type === 'context' ? b.text.split('\n') : []));
  const collaboration = lines.find((l) => l.startsWith(label));
  if (!collaboration) throw new Error(`no explanation of collaboration among ${lines.join(' | ')}`);
  return { collaboration, texts: shownTexts(view!) };
}

describe('peer-review anonymity (shared conversation)', () => {
  it('2 reviews: the rating is withheld; 3: the average only, never the reviewers or their words', async () => {
    await review('r1', 'ann');
    await review('r2', 'dan');
    let card = await bobsScorecard();
    expect(card.collaboration).toContain(t('zh-CN', 'inputs.peerWithheld', { count: 2, floor: 3 }));
    expect(card.collaboration).not.toContain(t('zh-CN', 'inputs.ratings', { count: 2 }));
    await review('r3', 'eve');
    card = await bobsScorecard();
    expect(card.collaboration).toContain(t('zh-CN', 'inputs.ratings', { count: 3 }));
    for (const hidden of ['丁评审', '易评审', 'ann', '直言不讳']) expect(card.texts.filter((x) => x.includes(hidden))).toEqual([]);
  });
});
