import { openCycle } from '../../src/application/cycle/open-cycle.js';
import { startReview } from '../../src/application/cycle/start-review.js';
import { ensureDefaultTemplate } from '../../src/application/templates.js';
import type { Person } from '../../src/domain/model/people.js';
import { aDeal, aPayment } from '../helpers/builders.js';
import { smallOrg, T0, visits } from '../helpers/org.js';
import { testDeps } from '../helpers/temp-store.js';

export type Deps = ReturnType<typeof testDeps>;

/**
 * The rewards tests' quarter: 2026-Q3 in review on 2026-11-26, ann (36 visits and a ¥1.5M deal
 * collected: grade B), bob (18 visits: the lowest grade, penalty), cat (no data); everyone on
 * Slack; results and HR-private channels; a base bonus of ¥10,000 and a 14-day appeal window.
 */
export async function rewardsQuarter(): Promise<{ deps: Deps; people: Record<'hr' | 'ann' | 'bob' | 'cat' | 'mgr' | 'mgr2', Person> }> {
  const deps = testDeps('2026-11-26T02:00:00Z');
  await smallOrg(deps.store);
  await ensureDefaultTemplate(deps);
  const get = async (id: string) => (await deps.store.people.get(id))!;
  for (const id of ['ann', 'bob', 'cat', 'mgr', 'mgr2', 'hr']) await deps.store.people.put({ ...(await get(id)), identities: [`slack:U${id.toUpperCase()}`] });
  await deps.store.settings.put({ id: 'channels', value: { results: ['slack:CRESULTS'], 'hr-private': ['slack:CHR'] }, updatedAt: T0, updatedBy: 'hr' });
  await deps.store.settings.put({ id: 'cycle.policy', value: { baseBonus: 10000, appealWindowDays: 14, guideline: { B: 40 }, topPerformers: 0 }, updatedAt: T0, updatedBy: 'hr' });
  await deps.store.activities.insertMany([...visits('ann', 'acme', 36, '2026-07-01'), ...visits('bob', 'globex', 18, '2026-08-01')]);
  await deps.store.deals.insert(aDeal({ id: 'd1', repId: 'ann', accountId: 'acme', amountBase: 1_500_000, units: 300, signedDate: '2026-07-10', dueDate: '2026-08-10', firstWin: true }));
  await deps.store.payments.insert(aPayment({ id: 'p1', dealId: 'd1', repId: 'ann', amountBase: 1_500_000, dueDate: '2026-08-10', receivedDate: '2026-08-09' }));
  const people = { hr: await get('hr'), ann: await get('ann'), bob: await get('bob'), cat: await get('cat'), mgr: await get('mgr'), mgr2: await get('mgr2') };
  await openCycle(deps, people.hr, { period: '2026-Q3' });
  await startReview(deps, people.hr, { period: '2026-Q3' });
  return { deps, people };
}

export const SLACK = ['slack'] as const;

/** Who an outbox item goes to: the DM identity or the channel. */
export const recipient = (o: { target: { kind: 'dm'; identity: string } | { kind: 'channel'; channel: string } }): string =>
  o.target.kind === 'dm' ? o.target.identity : o.target.channel;
