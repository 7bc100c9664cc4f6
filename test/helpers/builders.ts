/**
 * Record builders (Object Mothers) for every test: each returns a complete, valid record of its
 * collection — zod's output, defaults filled in — for a small world (rep-1 of team-east, managed
 * by mgr-1, visiting account acc-1 in 2026-Q3), so a test writes only the fields it is about:
 * `aDeal({ repId: 'ann', amountBase: 50_000 })`. test/helpers/builders.test.ts parses every
 * default with its collection's schema. Nothing reads the wall clock: every instant is a literal.
 */
import type { Account } from '../../src/domain/model/accounts.js';
import type { Adjustment, Appeal, Award, ImprovementPlan, Interview, LateEntry, ReviewCycle } from '../../src/domain/model/cycle.js';
import type { Activity, Deal, Feedback, Intel, Payment, PeerReview } from '../../src/domain/model/entries.js';
import type { Person, Team } from '../../src/domain/model/people.js';
import type { Absence, SelfReview } from '../../src/domain/model/self-and-leave.js';
import type { Target } from '../../src/domain/model/targets.js';

/** The instant every record is created at unless a test says otherwise. */
export const T0 = '2026-01-01T00:00:00.000Z';

// People and organisation -------------------------------------------------------------------

/** A person with one role (rep), no team and no identity: the plainest valid person. */
export const aPerson = (o: Partial<Person> = {}): Person => ({
  id: 'person-1',
  name: o.id ?? 'person-1',
  roles: ['rep'],
  joinDate: '2020-01-01',
  identities: [],
  locale: 'en',
  active: true,
  createdAt: T0,
  ...o,
});

/** A rep of team-east, managed by mgr-1. */
export const aRep = (o: Partial<Person> = {}): Person => aPerson({ id: 'rep-1', name: o.id ?? 'rep-1', teamId: 'team-east', managerId: 'mgr-1', ...o });

/** The manager of team-east. */
export const aManager = (o: Partial<Person> = {}): Person => aPerson({ id: 'mgr-1', name: o.id ?? 'mgr-1', roles: ['manager'], teamId: 'team-east', ...o });

/** Someone from HR, in no team. */
export const anHr = (o: Partial<Person> = {}): Person => aPerson({ id: 'hr-1', name: o.id ?? 'hr-1', roles: ['hr'], ...o });

export const aTeam = (o: Partial<Team> = {}): Team => ({ id: 'team-east', name: o.id ?? 'team-east', createdAt: T0, ...o });

/** An account whose unique key follows its name (lower-cased) unless the test sets one. */
export const anAccount = (o: Partial<Account> = {}): Account => {
  const name = o.name ?? o.id ?? 'Acme';
  return { id: 'acc-1', name, nameKey: name.toLowerCase(), tier: 'A', createdAt: T0, ...o };
};

// What reps record ----------------------------------------------------------------------------

/** A visit (an activity of kind `visit`, in person). */
export const aVisit = (o: Partial<Activity> = {}): Activity => ({
  id: 'visit-1',
  repId: 'rep-1',
  accountId: 'acc-1',
  kind: 'visit',
  mode: 'in_person',
  date: '2026-07-15',
  contacts: [],
  purpose: 'review',
  outcome: 'ok',
  createdAt: T0,
  ...o,
});

/** A deal in CNY (amount = base amount), signed mid-Q3, due at the end of the quarter. */
export const aDeal = (o: Partial<Deal> = {}): Deal => {
  const amountBase = o.amountBase ?? o.amount ?? 100_000;
  return {
    id: 'deal-1',
    repId: 'rep-1',
    accountId: 'acc-1',
    amount: amountBase,
    currency: 'CNY',
    amountBase,
    units: 1,
    product: 'Industrial valves',
    signedDate: '2026-07-15',
    dueDate: '2026-09-30',
    firstWin: false,
    createdAt: T0,
    ...o,
  };
};

/** A payment on deal-1 (amount = base amount), received on its due date. */
export const aPayment = (o: Partial<Payment> = {}): Payment => {
  const amountBase = o.amountBase ?? o.amount ?? 100_000;
  const dueDate = o.dueDate ?? '2026-09-30';
  return { id: 'payment-1', dealId: 'deal-1', repId: 'rep-1', amount: amountBase, amountBase, dueDate, receivedDate: dueDate, createdAt: T0, ...o };
};

export const aFeedback = (o: Partial<Feedback> = {}): Feedback => ({
  id: 'feedback-1',
  repId: 'rep-1',
  accountId: 'acc-1',
  date: '2026-07-15',
  service: 4,
  product: 4,
  comment: '',
  source: 'customer',
  createdAt: T0,
  ...o,
});

/** rep-2's rating of rep-1's collaboration in 2026-Q3. */
export const aPeerReview = (o: Partial<PeerReview> = {}): PeerReview => ({
  id: 'peer-1',
  fromId: 'rep-2',
  toId: 'rep-1',
  periodKey: '2026-Q3',
  collaboration: 4,
  comment: '',
  date: '2026-09-15',
  createdAt: T0,
  ...o,
});

export const anIntel = (o: Partial<Intel> = {}): Intel => ({
  id: 'intel-1',
  repId: 'rep-1',
  date: '2026-07-15',
  topic: 'Competitor pricing',
  text: 'A competitor cut list prices by 5% in the east region.',
  createdAt: T0,
  ...o,
});

// Around the review cycle ---------------------------------------------------------------------

/** 2026-Q3 collecting entries on the default template. */
export const aCycle = (o: Partial<ReviewCycle> = {}): ReviewCycle => ({
  id: `cycle-${o.periodKey ?? '2026-Q3'}`,
  periodKey: '2026-Q3',
  templateId: 'default@1',
  templateVersion: 1,
  state: 'collecting',
  createdAt: T0,
  createdBy: 'hr-1',
  updatedAt: T0,
  ...o,
});

let targetSeq = 0;
/** A target record; ids are numbered so a test may build several without naming each. */
export function aTargetRecord(t: Pick<Target, 'indicator' | 'scope' | 'scopeId' | 'value'> & Partial<Target>): Target {
  targetSeq += 1;
  return { id: `target-${targetSeq}`, periodKey: '2026-Q3', createdAt: T0, ...t };
}

export const anAdjustment = (o: Partial<Adjustment> = {}): Adjustment => ({
  id: 'adj-1',
  periodKey: '2026-Q3',
  repId: 'rep-1',
  delta: 2,
  reason: 'Large deal closed a day after the quarter ended',
  byId: 'hr-1',
  at: T0,
  ...o,
});

export const anAward = (o: Partial<Award> = {}): Award => ({
  id: 'award-1',
  periodKey: '2026-Q3',
  repId: 'rep-1',
  title: 'Best newcomer',
  reason: 'Opened three strategic accounts in one quarter',
  grantedBy: 'hr-1',
  state: 'pending',
  createdAt: T0,
  ...o,
});

export const anInterview = (o: Partial<Interview> = {}): Interview => ({
  id: 'interview-1',
  periodKey: '2026-Q3',
  repId: 'rep-1',
  managerId: 'mgr-1',
  state: 'scheduled',
  notes: '',
  repView: '',
  createdAt: T0,
  ...o,
});

/** An open plan from 2026-Q3's review, measured in 2026-Q4, with one goal. */
export const aPlan = (o: Partial<ImprovementPlan> = {}): ImprovementPlan => ({
  id: 'plan-1',
  periodKey: '2026-Q3',
  targetPeriodKey: '2026-Q4',
  repId: 'rep-1',
  managerId: 'mgr-1',
  goals: [{ text: 'Visit every key account', indicator: 'visits', baseline: 8, target: 12, dueDate: '2026-12-31' }],
  checkIns: [],
  state: 'open',
  createdAt: T0,
  ...o,
});

export const anAppeal = (o: Partial<Appeal> = {}): Appeal => ({
  id: 'appeal-1',
  periodKey: '2026-Q3',
  repId: 'rep-1',
  resultVersion: 1,
  reason: 'Two visits in September are missing from my card',
  state: 'pending',
  createdAt: T0,
  ...o,
});

/** A late visit waiting for the manager's approval. */
export const aLateEntry = (o: Partial<LateEntry> = {}): LateEntry => ({
  id: 'late-1',
  periodKey: '2026-Q3',
  repId: 'rep-1',
  managerId: 'mgr-1',
  kind: 'visit',
  input: { accountId: 'acc-1', date: '2026-09-28' },
  summary: 'Visit to Acme on 2026-09-28',
  state: 'pending',
  createdAt: T0,
  ...o,
});

export const aSelfReview = (o: Partial<SelfReview> = {}): SelfReview => ({
  id: 'self-1',
  periodKey: '2026-Q3',
  repId: 'rep-1',
  ratings: { performance: 4, behaviour: 4, teamwork: 4 },
  comment: '',
  createdAt: T0,
  ...o,
});

/** A week of leave in August. */
export const anAbsence = (o: Partial<Absence> = {}): Absence => ({
  id: 'absence-1',
  personId: 'rep-1',
  from: '2026-08-03',
  to: '2026-08-07',
  note: '',
  createdBy: 'rep-1',
  createdAt: T0,
  ...o,
});
