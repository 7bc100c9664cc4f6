import { openCycle } from '../../src/application/cycle/open-cycle.js';
import { publishResults } from '../../src/application/cycle/publish-results.js';
import { startReview } from '../../src/application/cycle/start-review.js';
import type { AppDeps } from '../../src/application/deps.js';
import type { PlatformName } from '../../src/domain/model/delivery.js';
import type { Person } from '../../src/domain/model/people.js';
import { aDeal, aPayment } from '../helpers/builders.js';
import { anIntel } from '../helpers/builders.js';
import { visits } from '../helpers/org.js';

/**
 * 2026-Q3 for the small organisation, published through the real use cases: ann 30 visits to Acme
 * and a first ¥1.5M deal of 300 units, collected in full; bob 18 visits; cat nothing (no result).
 *
 * ann also shares 6 intel posts (the target).
 *
 * ann's frozen scorecard, by hand (default template; collaboration has no peer ratings and is
 * excluded, so intel takes teamwork's whole 10%; points lost = share of the total × (100 − score)):
 *   accounts served  1 of 8  → 12.5:  60% × 15% = 9  of the total → 9 × 0.875  = 7.875 points lost
 *   new customers    1 of 2  → 50:    30% × 30% = 9               → 9 × 0.5    = 4.5
 *   visits          30 of 36 → 83.33: 30% × 40% = 12              → 12 × 1/6   = 2
 *   revenue, volume, collection and intel at 100 lose nothing; satisfaction is scored neutral (no data).
 */
export async function addQ3Data(deps: Pick<AppDeps, 'store'>): Promise<void> {
  await deps.store.activities.insertMany([...visits('ann', 'acme', 30, '2026-07-01'), ...visits('bob', 'globex', 18, '2026-08-01')]);
  await deps.store.deals.insert(aDeal({ id: 'd1', repId: 'ann', accountId: 'acme', amountBase: 1_500_000, units: 300, signedDate: '2026-07-10', dueDate: '2026-08-10', firstWin: true }));
  await deps.store.intel.insertMany(
    Array.from({ length: 6 }, (_, i) => anIntel({ id: `ann-i${i}`, repId: 'ann', date: `2026-09-0${i + 1}` })),
  );
  await deps.store.payments.insert(aPayment({ id: 'p1', dealId: 'd1', repId: 'ann', amountBase: 1_500_000, dueDate: '2026-08-10', receivedDate: '2026-08-09' }));
}

export async function publishQ3(deps: AppDeps, hr: Person, platforms: readonly PlatformName[] = ['slack']): Promise<void> {
  await openCycle(deps, hr, { period: '2026-Q3' });
  await startReview(deps, hr, { period: '2026-Q3' });
  await publishResults(deps, hr, { period: '2026-Q3', platforms });
}
