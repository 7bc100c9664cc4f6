import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCycle } from '../../src/application/cycle/open-cycle.js';
import { publishResults } from '../../src/application/cycle/publish-results.js';
import { startReview } from '../../src/application/cycle/start-review.js';
import { scorePeriod } from '../../src/application/score-period.js';
import { ensureDefaultTemplate } from '../../src/application/templates.js';
import { AppError } from '../../src/domain/errors.js';
import { parsePeriod } from '../../src/domain/period.js';
import { smallOrg, T0, visits } from '../helpers/org.js';
import { testDeps } from '../helpers/temp-store.js';

let deps: ReturnType<typeof testDeps>;
beforeEach(async () => {
  deps = testDeps('2026-11-26T02:00:00Z');
  await smallOrg(deps.store);
  await ensureDefaultTemplate(deps);
  for (const id of ['ann', 'bob', 'hr']) await deps.store.people.put({ ...(await deps.store.people.get(id))!, identities: [`slack:U${id.toUpperCase()}`] });
  await deps.store.activities.insertMany([...visits('ann', 'acme', 36, '2026-07-01'), ...visits('bob', 'globex', 18, '2026-08-01')]);
});
afterEach(() => deps.cleanup());

describe('an interrupted publication', () => {
  it('is finished by confirming again: the frozen results stay, the messages go out once, the cycle is published', async () => {
    const hr = (await deps.store.people.get('hr'))!;
    await openCycle(deps, hr, { period: '2026-Q3' });
    await startReview(deps, hr, { period: '2026-Q3' });
    // The first attempt froze the results and stopped before marking the cycle (a crash, say).
    const scores = await scorePeriod(deps, parsePeriod('2026-Q3'));
    const frozen = [...scores.reps.values()].filter((s) => !s.card.noData).map((s) => ({
      id: `r-${s.rep.id}`, periodKey: '2026-Q3', repId: s.rep.id, version: 1, scorecard: s.card, awardIds: [], publishedAt: T0, publishedBy: 'hr', reason: 'first publication',
    }));
    await deps.store.results.insertMany(frozen);
    // Since then more data arrived; the messages must still say what was frozen.
    await deps.store.activities.insertMany(visits('bob', 'globex', 10, '2026-09-01', 'late-'));

    const p = await publishResults(deps, hr, { period: '2026-Q3', platforms: ['slack'] });
    expect(p.results).toBe(2);
    expect(await deps.store.results.count({ periodKey: '2026-Q3' })).toBe(2);
    expect((await deps.store.cycles.find({ periodKey: '2026-Q3' }))[0]!.state).toBe('published');
    const bobDm = (await deps.store.outbox.find({ job: 'publish-results' })).find((o) => o.target.kind === 'dm' && o.target.identity === 'slack:UBOB')!;
    expect(bobDm.message.text).toContain(String(frozen.find((f) => f.repId === 'bob')!.scorecard.total.toFixed(1)));
    const err = await publishResults(deps, hr, { period: '2026-Q3', platforms: ['slack'] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('CONFLICT');
  });
});
