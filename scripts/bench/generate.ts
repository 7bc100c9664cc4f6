import { addDays, weekday, type LocalDate } from '../../src/domain/dates.js';
import { accountNameKey, type Account } from '../../src/domain/model/accounts.js';
import type { Activity, Deal, Feedback, Intel, Payment, PeerReview } from '../../src/domain/model/entries.js';
import type { Person, Team } from '../../src/domain/model/people.js';
import type { Target } from '../../src/domain/model/targets.js';
import type { CollectionName, RecordInput } from '../../src/domain/records.js';
import { periodsBefore, quarterOf, type Period } from '../../src/domain/period.js';
import { seededRandom, type Random } from '../../src/application/random.js';

/**
 * The benchmark organisation, generated deterministically from a seed and a fixed "today":
 * `reps` reps in teams of 50 (one manager each), 10 owned accounts per rep (100,000 at full size)
 * and ~20 accounts worked per rep (the 10 it owns plus 10 owned by teammates), over the four
 * complete quarters before today and the current quarter up to today. Per activity: a deal with
 * probability 0.1 (paid in ~80 % of cases), feedback 0.05, intel 0.05; each rep rates three
 * teammates per complete quarter. Records come out in date order, in batches ready for
 * `insertMany`, so the whole data set is never in memory.
 */

export interface BenchSize {
  reps: number;
  /** Expected number of activities (the exact count depends on the seed). */
  activities: number;
}

export interface BenchOptions extends BenchSize {
  today: LocalDate;
  createdAt: string;
  batchSize: number;
  seed?: number;
}

export type Batch = { [N in CollectionName]: { collection: N; records: RecordInput<N>[] } }[CollectionName];

export const TEAM_SIZE = 50;
export const ACCOUNTS_PER_REP = 10;
const SHARED_ACCOUNTS = 10;
const P = { deal: 0.1, payment: 0.9, feedback: 0.05, intel: 0.05, nextStep: 0.6 } as const;

const PURPOSES = ['Quarterly business review', 'Product demo', 'Price negotiation', 'Contract renewal', 'Technical workshop'];
const OUTCOMES = ['Agreed on a pilot', 'Asked for a revised quote', 'Introduced us to procurement', 'Needs budget approval'];
const PRODUCTS = ['Industrial IoT platform', 'Predictive maintenance suite', 'Warehouse robots', 'Energy monitoring'];
const CITIES = ['Shanghai', 'Hangzhou', 'Suzhou', 'Nanjing', 'Beijing', 'Tianjin', 'Guangzhou', 'Shenzhen'];
const INDUSTRIES = ['Machinery', 'Pharma', 'Logistics', 'Electronics', 'Retail', 'Automotive', 'Chemicals', 'Energy'];

const pad = (n: number, w = 6): string => String(n).padStart(w, '0');

/** Poisson sample (Knuth): exact for the small per-day rates used here. */
function poisson(rnd: Random, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = rnd.next(); p > limit; p *= rnd.next()) k++;
  return k;
}

/** Work days (Mon–Fri) of a period up to `until`. */
function workDays(period: Period, until: LocalDate): LocalDate[] {
  const out: LocalDate[] = [];
  for (let d = period.from; d <= period.to && d <= until; d = addDays(d, 1)) {
    const w = weekday(d);
    if (w !== 0 && w !== 6) out.push(d);
  }
  return out;
}

/** The quarters covered: four complete ones and the current one so far. */
export function benchPeriods(today: LocalDate): { periods: Period[]; scored: Period } {
  const current = quarterOf(today);
  const periods = [...periodsBefore(current, 4), current];
  return { periods, scored: periods[3]! };
}

interface Rep {
  person: Person;
  index: number;
  /** Mean 1: scales activity, deal size and ratings. */
  skill: number;
  trend: number;
  accounts: string[];
}

export function* generateBench(o: BenchOptions): Generator<Batch> {
  const rnd = seededRandom(o.seed ?? 20261126);
  const { createdAt } = o;
  const { periods, scored } = benchPeriods(o.today);
  const orgStart = addDays(periods[0]!.from, -365);
  const teamCount = Math.ceil(o.reps / TEAM_SIZE);

  // People and teams: managers first (no team), then teams naming them, then reps.
  const managers: Person[] = [];
  const teams: Team[] = [];
  for (let t = 0; t < teamCount; t++) {
    const managerId = `mgr-${pad(t + 1, 4)}`;
    managers.push({ id: managerId, name: `Manager ${t + 1}`, roles: ['manager'], joinDate: orgStart, identities: [`slack:M${pad(t + 1)}`], locale: 'en', active: true, createdAt });
    teams.push({ id: `team-${pad(t + 1, 4)}`, name: `Team ${pad(t + 1, 4)}`, managerId, createdAt });
  }
  const reps: Rep[] = [];
  for (let i = 0; i < o.reps; i++) {
    const team = teams[Math.floor(i / TEAM_SIZE)]!;
    // 2 % joined during the period range, 1 % left during the scored quarter: prorated targets.
    const roll = rnd.next();
    const joinDate = roll < 0.02 ? addDays(periods[0]!.from, rnd.int(0, 400)) : addDays(orgStart, rnd.int(0, 300));
    const leaves = roll > 0.99;
    const person: Person = {
      id: `rep-${pad(i + 1, 5)}`, name: `Rep ${pad(i + 1, 5)}`, roles: ['rep'], teamId: team.id, managerId: team.managerId!,
      joinDate, ...(leaves ? { leaveDate: addDays(scored.from, rnd.int(10, 80)), active: false } : { active: true }),
      identities: [`slack:U${pad(i + 1)}`], locale: i % 2 ? 'en' : 'zh-CN', createdAt,
    };
    reps.push({ person, index: i, skill: 0.6 + rnd.next() * 0.8, trend: (rnd.next() - 0.5) * 0.1, accounts: [] });
  }
  yield { collection: 'people', records: managers };
  yield { collection: 'teams', records: teams };
  yield { collection: 'people', records: reps.map((r) => r.person) };

  // Accounts: each rep owns ACCOUNTS_PER_REP and also works SHARED_ACCOUNTS of its teammates'.
  const accountId = (i: number): string => `acct-${pad(i + 1)}`;
  const accounts: Account[] = [];
  for (let i = 0; i < o.reps * ACCOUNTS_PER_REP; i++) {
    const name = `${CITIES[i % CITIES.length]} ${INDUSTRIES[(i >> 3) % INDUSTRIES.length]} Co. ${pad(i + 1)}`;
    const tierRoll = rnd.next();
    accounts.push({
      id: accountId(i), name, nameKey: accountNameKey(name), tier: tierRoll < 0.1 ? 'strategic' : tierRoll < 0.35 ? 'A' : tierRoll < 0.7 ? 'B' : 'C',
      industry: INDUSTRIES[(i >> 3) % INDUSTRIES.length]!, ownerId: reps[Math.floor(i / ACCOUNTS_PER_REP)]!.person.id, createdAt,
    });
    if (accounts.length === o.batchSize) yield { collection: 'accounts', records: accounts.splice(0) };
  }
  if (accounts.length) yield { collection: 'accounts', records: accounts };
  for (const rep of reps) {
    const teamStart = Math.floor(rep.index / TEAM_SIZE) * TEAM_SIZE;
    const teamEnd = Math.min(o.reps, teamStart + TEAM_SIZE);
    for (let k = 0; k < ACCOUNTS_PER_REP; k++) rep.accounts.push(accountId(rep.index * ACCOUNTS_PER_REP + k));
    for (let k = 0; k < SHARED_ACCOUNTS; k++) rep.accounts.push(accountId(rnd.int(teamStart, teamEnd - 1) * ACCOUNTS_PER_REP + rnd.int(0, ACCOUNTS_PER_REP - 1)));
  }

  // Targets for the scored quarter: a revenue target per team and a visits target for 1 % of reps.
  const targets: Target[] = teams.map((t) => ({ id: `tgt-${t.id}-${scored.key}`, periodKey: scored.key, indicator: 'revenue', scope: 'team', scopeId: t.id, value: 1_400_000, createdAt }));
  for (const r of reps) if (r.index % 100 === 7) targets.push({ id: `tgt-${r.person.id}-${scored.key}`, periodKey: scored.key, indicator: 'visits', scope: 'rep', scopeId: r.person.id, value: 50, createdAt });
  yield { collection: 'targets', records: targets };

  // Facts, day by day. A buffer is flushed when full; deals always before payments (references).
  const buf = { activities: [] as Activity[], deals: [] as Deal[], payments: [] as Payment[], feedback: [] as Feedback[], intel: [] as Intel[], peerReviews: [] as PeerReview[] };
  type Fact = keyof typeof buf;
  const ORDER: Fact[] = ['activities', 'deals', 'payments', 'feedback', 'intel', 'peerReviews'];
  const take = (c: Fact): Batch => ({ collection: c, records: buf[c].splice(0) }) as Batch;
  function* flush(all: boolean): Generator<Batch> {
    for (const c of ORDER) {
      if (buf[c].length === 0 || (!all && buf[c].length < o.batchSize)) continue;
      if (c === 'payments' && buf.deals.length) yield take('deals');
      yield take(c);
    }
  }
  const counters: Record<Fact, number> = { activities: 0, deals: 0, payments: 0, feedback: 0, intel: 0, peerReviews: 0 };
  const nextId = (c: Fact, prefix: string): string => `${prefix}-${pad(++counters[c], 7)}`;
  const wonAccounts = new Set<string>();

  const days = periods.map((p) => workDays(p, o.today));
  const rate = o.activities / (o.reps * days.reduce((s, d) => s + d.length, 0));
  const employed = (r: Rep, d: LocalDate): boolean => r.person.joinDate <= d && (!r.person.leaveDate || d <= r.person.leaveDate);

  for (const [pi, period] of periods.entries()) {
    for (const date of days[pi]!) {
      for (const rep of reps) {
        if (!employed(rep, date)) continue;
        const level = Math.max(0.2, rep.skill + rep.trend * pi);
        for (let k = poisson(rnd, rate * level); k > 0; k--) {
          const account = rnd.chance(0.7) ? rep.accounts[rnd.int(0, ACCOUNTS_PER_REP - 1)]! : rnd.pick(rep.accounts);
          const next = rnd.chance(P.nextStep) ? { nextStep: 'Send revised proposal', nextStepDate: addDays(date, rnd.int(3, 21)) } : {};
          buf.activities.push({
            id: nextId('activities', 'act'), repId: rep.person.id, accountId: account, kind: rnd.pick(['visit', 'visit', 'call', 'follow_up'] as const),
            mode: rnd.pick(['in_person', 'in_person', 'phone', 'video'] as const), date, contacts: ['Li (buyer)'],
            purpose: rnd.pick(PURPOSES), outcome: rnd.pick(OUTCOMES), ...next, createdAt,
          });
          if (rnd.chance(P.deal)) {
            const amount = Math.round(Math.max(30_000, 330_000 * level * (1 + rnd.gauss() * 0.25)) / 1000) * 1000;
            const firstWin = !wonAccounts.has(account);
            wonAccounts.add(account);
            const dueDate = addDays(date, rnd.pick([30, 30, 45, 60]));
            const deal: Deal = {
              id: nextId('deals', 'deal'), repId: rep.person.id, accountId: account, amount, currency: 'CNY', amountBase: amount,
              units: Math.max(1, Math.round(amount / 5000)), product: rnd.pick(PRODUCTS), signedDate: date, dueDate, firstWin, createdAt,
            };
            buf.deals.push(deal);
            const receivedDate = addDays(dueDate, rnd.int(-10, 20));
            if (rnd.chance(Math.min(0.99, P.payment * (0.8 + level * 0.2))) && receivedDate <= o.today) {
              const paid = rnd.chance(0.2) ? Math.round(amount / 2) : amount;
              buf.payments.push({ id: nextId('payments', 'pay'), dealId: deal.id, repId: rep.person.id, amount: paid, amountBase: paid, dueDate, receivedDate, createdAt });
            }
          }
          if (rnd.chance(P.feedback)) {
            const base = Math.min(5, Math.max(1, Math.round(1.8 + level * 2 + rnd.gauss() * 0.6)));
            buf.feedback.push({
              id: nextId('feedback', 'fb'), repId: rep.person.id, accountId: account, date, service: base, product: Math.min(5, Math.max(1, base + rnd.int(-1, 1))),
              comment: base >= 4 ? 'Responsive and well prepared' : 'Slow to answer', source: base <= 2 ? 'complaint' : 'survey', createdAt,
            });
          }
          if (rnd.chance(P.intel)) {
            buf.intel.push({ id: nextId('intel', 'intel'), repId: rep.person.id, date, topic: 'Competitor pricing', text: 'A competitor offered 15% off on a three-year contract.', createdAt });
          }
        }
      }
      yield* flush(false);
    }
    // Peer reviews once a quarter is over: each rep rates three teammates employed during it.
    if (period.to < o.today) {
      const during = (r: Rep): boolean => r.person.joinDate <= period.to && (!r.person.leaveDate || r.person.leaveDate >= period.from);
      for (const rep of reps) {
        if (!during(rep)) continue;
        const teamStart = Math.floor(rep.index / TEAM_SIZE) * TEAM_SIZE;
        const mates = reps.slice(teamStart, teamStart + TEAM_SIZE).filter((m) => m !== rep && during(m));
        for (let k = 0; k < 3 && mates.length > 0; k++) {
          const to = mates.splice(rnd.int(0, mates.length - 1), 1)[0]!;
          const collaboration = Math.min(5, Math.max(1, Math.round(1.5 + to.skill * 2 + rnd.gauss() * 0.7)));
          buf.peerReviews.push({ id: nextId('peerReviews', 'peer'), fromId: rep.person.id, toId: to.person.id, periodKey: period.key, collaboration, comment: '', date: addDays(period.to, -3), createdAt });
        }
      }
      yield* flush(false);
    }
  }
  yield* flush(true);
}
