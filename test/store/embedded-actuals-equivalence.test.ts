import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/adapters/embedded/sqlite-store.js';
import { seededRandom } from '../../src/application/random.js';
import { coveredSince } from '../../src/domain/accounts/cadence.js';
import { addDays } from '../../src/domain/dates.js';
import type { ActualsQuery, Store } from '../../src/ports/store.js';
import { account, activity, deal, person, type In } from './fixtures.js';

/**
 * The embedded store reads the period's activities once for visits, accounts served, tier-weighted
 * visits (issue 16: one GROUP BY per (rep, account), joined to the account's tier and weighed by a
 * statement per number of tiers weighted other than 1), and probes each owned key account for
 * coverage. On random data, those figures must equal the plain computation over the records, with
 * and without tier weights and a rep filter, with coverage windows inside the period and reaching
 * back before it.
 */

const Q = { from: '2026-04-01', to: '2026-06-30' };
const WEIGHTS = { strategic: 2, A: 1.5, B: 0.5 }; // tier C and X: weight 1
const CADENCE = { strategic: 30, A: 45, C: 120 }; // tiers B and X: not key accounts
/** At the period's end every window of these lies inside the quarter (91 days). */
const CADENCE_INSIDE = { strategic: 30, A: 45, C: 91 };

interface Data {
  accounts: In<'accounts'>[];
  activities: In<'activities'>[];
  deals: In<'deals'>[];
}

/** Reps with and without owned accounts, accounts of five tiers (some unowned), dates around the quarter. */
function randomData(seed: number, reps: string[]): Data {
  const rnd = seededRandom(seed);
  const tiers = ['strategic', 'A', 'B', 'C', 'X'];
  const accounts = Array.from({ length: 40 }, (_, i) => {
    const owner = rnd.chance(0.8) ? rnd.pick(reps.slice(0, -1)) : undefined; // the last rep owns nothing
    return account(`acc-${seed}-${i}`, `Account ${seed} ${i}`, { tier: rnd.pick(tiers), ...(owner ? { ownerId: owner } : {}) });
  });
  // From 150 days before the quarter to 20 days after: coverage windows reach back before it.
  const day = (): string => addDays(Q.from, rnd.int(-150, 110));
  const activities = Array.from({ length: 300 }, (_, i) => activity(`act-${seed}-${i}`, rnd.pick(reps), rnd.pick(accounts).id, day()));
  const deals = Array.from({ length: 80 }, (_, i) => {
    const signed = day();
    return deal(`deal-${seed}-${i}`, rnd.pick(reps), rnd.pick(accounts).id, { amountBase: 1000, units: 1, signedDate: signed, dueDate: addDays(signed, 30) });
  });
  return { accounts, activities, deals };
}

interface Figures {
  visits: number;
  accountsServed: number;
  weightedVisits: number;
  keyAccountsOwned: number;
  keyAccountsCovered: number;
}

/** The figures computed the plain way, record by record. */
function plainFigures(d: Data, q: ActualsQuery): Map<string, Figures> {
  const out = new Map<string, Figures>();
  const of = (rep: string): Figures =>
    out.get(rep) ?? out.set(rep, { visits: 0, accountsServed: 0, weightedVisits: 0, keyAccountsOwned: 0, keyAccountsCovered: 0 }).get(rep)!;
  const wanted = (rep: string): boolean => !q.repIds || q.repIds.includes(rep);
  const tier = new Map(d.accounts.map((a) => [a.id, a.tier]));
  const served = new Map<string, Set<string>>();
  const serve = (rep: string, acc: string): void => void (served.get(rep) ?? served.set(rep, new Set()).get(rep)!).add(acc);
  for (const a of d.activities) {
    if (a.date < q.from || a.date > q.to || !wanted(a.repId)) continue;
    const f = of(a.repId);
    f.visits++;
    f.weightedVisits += q.tierWeights ? (q.tierWeights[tier.get(a.accountId)!] ?? 1) : 0;
    serve(a.repId, a.accountId);
  }
  for (const x of d.deals) if (x.signedDate >= q.from && x.signedDate <= q.to && wanted(x.repId)) serve(x.repId, x.accountId);
  for (const [rep, set] of served) of(rep).accountsServed = set.size;
  if (q.coverage) {
    const { asOf, cadenceDays } = q.coverage;
    for (const acc of d.accounts) {
      const days = cadenceDays[acc.tier];
      if (!acc.ownerId || days === undefined || !wanted(acc.ownerId)) continue;
      const f = of(acc.ownerId);
      f.keyAccountsOwned++;
      if (d.activities.some((a) => a.accountId === acc.id && a.date >= coveredSince(asOf, days) && a.date <= asOf)) f.keyAccountsCovered++;
    }
  }
  return out;
}

const pick = (m: Map<string, Figures>, reps: string[]): Record<string, Figures> =>
  Object.fromEntries(
    reps.map((r) => {
      const f = m.get(r);
      return [r, { visits: f?.visits ?? 0, accountsServed: f?.accountsServed ?? 0, weightedVisits: f?.weightedVisits ?? 0, keyAccountsOwned: f?.keyAccountsOwned ?? 0, keyAccountsCovered: f?.keyAccountsCovered ?? 0 }];
    }),
  );

describe.each([1, 2, 3])('embedded actuals on random data (seed %i) equal the plain computation', (seed) => {
  let dir: string;
  let store: Store;
  let data: Data;
  const reps = ['rep-1', 'rep-2', 'rep-3', 'rep-4', 'rep-5', 'rep-6'];
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kam-equiv-'));
    store = openSqliteStore({ dataDir: dir });
    data = randomData(seed, reps);
    await store.people.insertMany(reps.map((id) => person(id)));
    await store.accounts.insertMany(data.accounts);
    await store.activities.insertMany(data.activities);
    await store.deals.insertMany(data.deals);
  });
  afterAll(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const base: ActualsQuery = { ...Q, peerReviewPeriods: ['2026-Q2'] };
  const queries: [string, ActualsQuery][] = [
    ['plain', base],
    ['tier weights and coverage at the period end', { ...base, tierWeights: WEIGHTS, coverage: { asOf: Q.to, cadenceDays: CADENCE } }],
    ['coverage at the period end, every window inside it', { ...base, tierWeights: WEIGHTS, coverage: { asOf: Q.to, cadenceDays: CADENCE_INSIDE } }],
    ['one tier weighted, one weighted 0, one 1, no coverage', { ...base, tierWeights: { strategic: 3, B: 0, C: 1 } }],
    ['every tier weighted 1', { ...base, tierWeights: { strategic: 1, A: 1, B: 1, C: 1, X: 1 } }],
    ['coverage mid-period, its windows reaching back before it', { ...base, coverage: { asOf: '2026-05-10', cadenceDays: CADENCE } }],
    ['tier weights for three reps', { ...base, tierWeights: WEIGHTS, coverage: { asOf: Q.to, cadenceDays: CADENCE }, repIds: ['rep-2', 'rep-6', 'nobody'] }],
    ['coverage inside the period for three reps', { ...base, coverage: { asOf: Q.to, cadenceDays: CADENCE_INSIDE }, repIds: ['rep-1', 'rep-4', 'rep-6'] }],
    ['plain for two reps', { ...base, repIds: ['rep-1', 'rep-3'] }],
  ];
  it.each(queries)('%s', async (_label, q) => {
    const got = await store.periodActuals(q);
    const stored = new Map([...got].map(([rep, a]) => [rep, { visits: a.visits, accountsServed: a.accountsServed, weightedVisits: a.weightedVisits, keyAccountsOwned: a.keyAccountsOwned, keyAccountsCovered: a.keyAccountsCovered }]));
    expect(pick(stored, [...reps, 'nobody'])).toEqual(pick(plainFigures(data, q), [...reps, 'nobody']));
    // Over all reps the data is dense enough that every figure is exercised.
    const plain = [...plainFigures(data, q).values()];
    expect(plain.some((f) => f.visits > 0 && f.accountsServed > 0)).toBe(true);
    if (q.coverage && !q.repIds) expect(plain.some((f) => f.keyAccountsCovered > 0 && f.keyAccountsCovered < f.keyAccountsOwned)).toBe(true);
  });
});
