import type { CollectionName } from '../../src/domain/records.js';
import type { Collection, Store } from '../../src/ports/store.js';
import { account, activity, deal, feedback, intel, type In, payment, peerReview, person, team } from './fixtures/builders.js';
import { cycleFixtures } from './fixtures/cycle-records.js';

/**
 * Store fixtures: a small, hand-checkable company across 2026-Q1 and 2026-Q2, with records on the
 * period boundaries and just outside them. fixtures/expected-actuals.ts holds the actuals worked
 * out by hand from the tables below.
 */

export * from './fixtures/builders.js';
export { cycleFixtures } from './fixtures/cycle-records.js';
export * from './fixtures/expected-actuals.js';

/** The entry records, in the order they can be inserted (every reference points backwards). */
export function entryFixtures() {
  return {
    // mgr-1 and hr-1 come first: the teams point at mgr-1, the reps at their team and manager.
    leads: [
      person('mgr-1', { roles: ['manager'], identities: ['slack:UMGR001'] }),
      person('hr-1', { roles: ['hr'] }),
    ],
    teams: [team('t-east', { managerId: 'mgr-1' }), team('t-west')],
    reps: [
      person('rep-a', { teamId: 't-east', managerId: 'mgr-1', identities: ['slack:UREPA01', 'lark:ou_repa01'] }),
      person('rep-b', { teamId: 't-east', managerId: 'mgr-1', identities: ['slack:UREPB01'] }),
      person('rep-c', { teamId: 't-west' }),
      person('rep-old', { teamId: 't-west', active: false, leaveDate: '2025-06-30' }),
    ],
    accounts: [
      account('acc-1', 'Acme Industrial'),
      account('acc-2', 'Beta Acme Trading', { tier: 'strategic' }),
      account('acc-3', 'Cathay 100% Steel'),
      account('acc-4', 'Delta_Logistics'),
      account('acc-5', 'Deltax Logistics'),
      account('acc-6', '1000 Lakes Paper'),
      account('acc-7', 'ACME', { nameKey: 'acme' }),
    ],
    activities: [
      activity('act-1', 'rep-a', 'acc-1', '2026-01-10'),
      activity('act-2', 'rep-a', 'acc-1', '2026-02-15', { kind: 'call', mode: 'phone' }),
      activity('act-3', 'rep-a', 'acc-2', '2026-03-31', { nextStep: 'send quote', nextStepDate: '2026-04-07' }),
      activity('act-4', 'rep-a', 'acc-3', '2026-04-01'),
      activity('act-5', 'rep-b', 'acc-2', '2026-01-20'),
      activity('act-6', 'rep-c', 'acc-4', '2026-05-05', { kind: 'follow_up' }),
      activity('act-7', 'rep-b', 'acc-1', '2025-12-31'),
    ],
    deals: [
      deal('deal-1', 'rep-a', 'acc-1', { amountBase: 100000, units: 10, signedDate: '2026-01-20', dueDate: '2026-03-20', firstWin: true }),
      // acc-4 is served by rep-a through this deal only: accountsServed must read deals too.
      deal('deal-2', 'rep-a', 'acc-4', { amountBase: 50000, units: 5, signedDate: '2026-02-10', dueDate: '2026-04-10' }),
      deal('deal-3', 'rep-b', 'acc-2', { amountBase: 80000, units: 8, signedDate: '2026-03-01', dueDate: '2026-03-31', firstWin: true }),
      deal('deal-4', 'rep-a', 'acc-2', { amountBase: 30000, units: 3, signedDate: '2026-04-15', dueDate: '2026-06-15' }),
      // Signed in 2025, due in 2026-Q1: counts towards Q1's collection, not its revenue.
      deal('deal-5', 'rep-c', 'acc-5', { amountBase: 20000, units: 2, signedDate: '2025-11-01', dueDate: '2026-02-01', firstWin: true }, { amount: 2800, currency: 'USD' }),
      // Entirely in 2025 and never paid: only dealBalances sees it.
      deal('deal-6', 'rep-b', 'acc-1', { amountBase: 15000, units: 1, signedDate: '2025-06-01', dueDate: '2025-09-01' }),
    ],
    payments: [
      payment('pay-1', 'deal-1', 'rep-a', 60000, '2026-03-20', '2026-03-01'),
      payment('pay-2', 'deal-1', 'rep-a', 40000, '2026-03-20', '2026-04-05'), // late: not collected in Q1
      payment('pay-3', 'deal-3', 'rep-b', 80000, '2026-03-31', '2026-03-31'),
      payment('pay-4', 'deal-2', 'rep-a', 50000, '2026-04-10', '2026-03-15'), // early: collected in Q2
      payment('pay-5', 'deal-5', 'rep-c', 5000, '2026-02-01', '2026-01-15'),
      payment('pay-6', 'deal-4', 'rep-a', 10000, '2026-06-15', '2026-07-02'), // late: not collected in Q2
    ],
    feedback: [
      feedback('fb-1', 'rep-a', 'acc-1', '2026-02-01', 5, 4),
      feedback('fb-2', 'rep-a', 'acc-2', '2026-03-05', 3, 4),
      feedback('fb-3', 'rep-b', 'acc-2', '2026-02-20', 2, 3),
      feedback('fb-4', 'rep-a', 'acc-3', '2026-05-01', 4, 4),
    ],
    peerReviews: [
      peerReview('pr-1', 'rep-b', 'rep-a', '2026-Q1', 4, '2026-03-25'),
      peerReview('pr-2', 'rep-c', 'rep-a', '2026-Q1', 5, '2026-03-26'),
      peerReview('pr-3', 'rep-a', 'rep-b', '2026-Q1', 3, '2026-03-27'),
      peerReview('pr-4', 'rep-b', 'rep-a', '2026-Q2', 2, '2026-06-20'),
      // Filed in January for 2025-Q4: counted by its period key, so in no 2026 period.
      peerReview('pr-5', 'rep-a', 'rep-c', '2025-Q4', 4, '2026-01-05'),
    ],
    intel: [intel('in-1', 'rep-a', '2026-01-05'), intel('in-2', 'rep-a', '2026-03-30'), intel('in-3', 'rep-c', '2026-02-14'), intel('in-4', 'rep-b', '2026-06-30')],
  };
}

/** A batch of one collection's records. */
export type Batch = { [N in CollectionName]: { name: N; records: In<N>[] } }[CollectionName];
const batch = <N extends CollectionName>(name: N, records: In<N>[]): Batch => ({ name, records }) as Batch;

/**
 * Every fixture record as batches, in an order where every reference points at an earlier batch.
 * With `cycles`, the templates, targets, results … come after the entries.
 */
export function fixtureBatches(options: { cycles?: boolean } = {}): Batch[] {
  const e = entryFixtures();
  const out: Batch[] = [
    batch('people', e.leads),
    batch('teams', e.teams),
    batch('people', e.reps),
    batch('accounts', e.accounts),
    batch('activities', e.activities),
    batch('deals', e.deals),
    batch('payments', e.payments),
    batch('feedback', e.feedback),
    batch('peerReviews', e.peerReviews),
    batch('intel', e.intel),
  ];
  if (options.cycles) {
    const c = cycleFixtures();
    out.push(
      batch('templates', c.templates),
      batch('targets', c.targets),
      batch('cycles', c.cycles),
      batch('adjustments', c.adjustments),
      batch('awards', c.awards),
      batch('results', c.results),
      batch('interviews', c.interviews),
      batch('plans', c.plans),
      batch('audit', c.audit),
      batch('settings', c.settings),
      batch('processedEvents', c.processedEvents),
      batch('outbox', c.outbox),
      batch('leases', c.leases),
      batch('appeals', c.appeals),
      batch('lateEntries', c.lateEntries),
      batch('selfReviews', c.selfReviews),
      batch('absences', c.absences),
      batch('surveys', c.surveys),
    );
  }
  return out;
}

/** The store's collection for a batch (TypeScript cannot correlate the union on its own). */
export const collectionOf = <N extends CollectionName>(store: Store, name: N): Collection<N> => store[name] as Collection<N>;

/** Inserts every fixture through `insertMany`. */
export async function seedFixtures(store: Store, options: { cycles?: boolean } = {}): Promise<void> {
  for (const b of fixtureBatches(options)) {
    await collectionOf(store, b.name).insertMany(b.records as never);
  }
}
