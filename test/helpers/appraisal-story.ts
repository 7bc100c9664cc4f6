import { getScorecard } from '../../src/application/get-scorecard.js';
import { ensureDefaultTemplate } from '../../src/application/templates.js';
import { cycleAnswer, publishAnswer } from '../../src/chat/cycle.js';
import { plainRequest } from '../../src/chat/review.js';
import type { ScorecardReport } from '../../src/domain/read-models/scorecard-report.js';
import type { Locale } from '../../src/domain/model/fields.js';
import type { View } from '../../src/views/view.js';
import { parsePeriod } from '../../src/domain/period.js';
import { smallOrg, T0, visits } from './org.js';
import { testDeps } from './temp-store.js';

/**
 * One rep's year as the issue tells it: ann logs visits every quarter from 2025-Q4 (only 2026-Q3
 * is ever published) and is behind in 2026-Q4. On 3 December HR reads her running quarter, then
 * publishes it early (with a reason): her mid-quarter scorecard, her published 2026-Q3 and the
 * DM of the early 2026-Q4 publication are what people read.
 */
export const STORY_NOW = '2026-12-03T02:00:00Z'; // 10:00 in Shanghai
const QUARTER_VISITS: [string, number][] = [['2025-10-02', 30], ['2026-01-05', 26], ['2026-04-02', 20], ['2026-07-01', 16], ['2026-10-08', 7]];

export async function appraisalStory(): Promise<{
  deps: ReturnType<typeof testDeps>;
  midQuarter: (locale: Locale) => Promise<ScorecardReport>;
  publishedQ3: (locale: Locale) => Promise<ScorecardReport>;
  publishQ4Early: () => Promise<void>;
  publishedQ4: (locale: Locale) => Promise<ScorecardReport>;
  resultDm: (periodKey: string) => Promise<View>;
}> {
  const deps = testDeps(STORY_NOW);
  await smallOrg(deps.store);
  await ensureDefaultTemplate(deps);
  for (const id of ['ann', 'hr']) await deps.store.people.put({ ...(await deps.store.people.get(id))!, identities: [`slack:U${id.toUpperCase()}`] });
  for (const [first, n] of QUARTER_VISITS) await deps.store.activities.insertMany(visits('ann', 'acme', n, first, `ann-${first}-`));
  await deps.store.activities.insertMany(visits('bob', 'globex', 25, '2026-07-01', 'bob-q3-'));
  await deps.store.activities.insertMany(visits('bob', 'globex', 20, '2026-10-08', 'bob-q4-'));
  const hr = (await deps.store.people.get('hr'))!;
  const run = (text: string) => cycleAnswer(deps, hr, plainRequest(text, ['slack']));
  const publish = (text: string) => publishAnswer(deps, hr, plainRequest(text, ['slack']));
  await run('open 2026-Q3');
  await run('review 2026-Q3');
  await publish('2026-Q3 confirm');
  await run('open 2026-Q4');
  const asAnn = async (locale: Locale) => ({ ...(await deps.store.people.get('ann'))!, locale });
  return {
    deps,
    midQuarter: async (locale) => getScorecard(deps, { actor: await asAnn(locale), repId: 'ann', period: parsePeriod('2026-Q4') }),
    publishedQ3: async (locale) => getScorecard(deps, { actor: await asAnn(locale), repId: 'ann', period: parsePeriod('2026-Q3') }),
    publishedQ4: async (locale) => getScorecard(deps, { actor: await asAnn(locale), repId: 'ann', period: parsePeriod('2026-Q4') }),
    publishQ4Early: async () => {
      await run('review 2026-Q4 early the board needs the results on 10 December');
      await publish('2026-Q4 confirm early the board needs the results on 10 December');
    },
    resultDm: async (periodKey) => {
      const dm = (await deps.store.outbox.find({ job: 'publish-results', runKey: `${periodKey}:v1` })).find((o) => o.target.kind === 'dm' && o.target.identity === 'slack:UANN');
      return dm!.message.view as unknown as View;
    },
  };
}
