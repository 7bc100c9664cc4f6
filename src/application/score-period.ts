import { emptyActuals, withholdFewPeerReviews, type RawActuals } from '../domain/scoring/actuals.js';
import { DEFAULT_CYCLE_POLICY, readSetting } from './settings.js';
import { rank, type RankEntry, type RankingInput } from '../domain/scoring/ranking.js';
import { computeScorecard } from '../domain/scoring/scorecard.js';
import { indexTargets, resolveTargets, type TargetMap } from '../domain/scoring/targets.js';
import { hasRole, type Person } from '../domain/model/people.js';
import type { Scorecard } from '../domain/model/scorecard.js';
import { tierCadences, tierVisitWeights, type KpiTemplate } from '../domain/model/template.js';
import { addDays, todayIn } from '../domain/dates.js';
import { isApprovedLeave, type Absence } from '../domain/model/self-and-leave.js';
import { isApplied } from '../domain/model/cycle.js';
import type { ActualsQuery } from '../ports/store.js';
import { peerReviewKeys, type Period } from '../domain/period.js';
import type { AppDeps } from './deps.js';
import { templateForPeriod } from './templates.js';

export interface ScoredRep {
  rep: Person;
  /** Days of leave in the period: approved (these may prorate targets) and waiting for approval (these do not). */
  leave: { approvedDays: number; pendingDays: number };
  actuals: RawActuals;
  targets: TargetMap;
  card: Scorecard;
}

export interface PeriodScores {
  period: Period;
  template: KpiTemplate;
  reps: Map<string, ScoredRep>;
  ranking: { ranked: RankEntry[]; unranked: RankingInput[] };
}

/** Reps employed for at least a day of the period. */
export const employedDuring = (p: Person, period: Period): boolean =>
  hasRole(p, 'rep') && p.joinDate <= period.to && (p.leaveDate === undefined || p.leaveDate >= period.from);

/**
 * Scores every rep (or the given reps) for a period: one aggregate query for all actuals, one read
 * of the period's targets and adjustments, then pure scoring and ranking in memory.
 */
export async function scorePeriod(
  deps: Pick<AppDeps, 'store' | 'clock'> & Partial<Pick<AppDeps, 'settings' | 'logger'>>,
  period: Period,
  /**
   * `reps`: score only these. `everyone`: every person, already read (a job scoring several periods
   * reads them once); unlike `reps` it does not narrow the store's query. `applying`: an adjustment
   * proposal being decided, counted as if accepted (the decision's before → after).
   */
  options: { reps?: readonly Person[]; everyone?: readonly Person[]; template?: KpiTemplate; applying?: string } = {},
): Promise<PeriodScores> {
  const { store } = deps;
  const template = options.template ?? (await templateForPeriod(deps, period));
  const reps = (options.reps ?? options.everyone ?? (await store.people.find())).filter((p) => employedDuring(p, period));
  const repIds = options.reps ? reps.map((r) => r.id) : undefined;
  const [actuals, targets, adjustments, policy, absences] = await Promise.all([
    store.periodActuals({ from: period.from, to: period.to, peerReviewPeriods: peerReviewKeys(period), ...(repIds ? { repIds } : {}), ...tierQuery(deps, template, period) }),
    store.targets.find({ periodKey: period.key }),
    store.adjustments.find({ periodKey: period.key }),
    deps.logger ? readSetting({ store, logger: deps.logger }, 'cycle.policy') : DEFAULT_CYCLE_POLICY,
    store.absences.find({ from: { lte: period.to }, to: { gte: period.from } }),
  ]);
  // Only approved leave may prorate targets; leave waiting for approval is shown, never counted.
  const leave = leaveDaysIn(absences.filter(isApprovedLeave), period);
  const pendingLeave = leaveDaysIn(absences.filter((a) => a.approval === 'pending'), period);
  // A self-review counts only where the template weights it (it never does by default).
  const selfRatings = template.categories.some((c) => c.indicators.some((i) => i.key === 'self_review'))
    ? new Map((await store.selfReviews.find({ periodKey: period.key })).map((r) => [r.repId, Object.values(r.ratings)] as const))
    : new Map<string, number[]>();
  const targetIndex = indexTargets(targets);
  // Reps without targets of their own, in the same team, employed over the same days, have the
  // same targets: resolved once and shared (read-only) rather than once per rep.
  const withOwnTargets = new Set(targets.filter((x) => x.scope === 'rep').map((x) => x.scopeId));
  const sharedTargets = new Map<string, TargetMap>();
  const targetsOf = (rep: Person, leaveDays: number | undefined): TargetMap => {
    const opts = leaveDays === undefined ? {} : { leaveDays };
    if (withOwnTargets.has(rep.id)) return resolveTargets(template, period, rep, targetIndex, opts);
    // Only the employed days inside the period matter (see employedShare).
    const from = rep.joinDate > period.from ? rep.joinDate : period.from;
    const to = rep.leaveDate !== undefined && rep.leaveDate < period.to ? rep.leaveDate : period.to;
    const key = `${rep.teamId ?? ''}|${from}|${to}|${leaveDays ?? ''}`;
    let resolved = sharedTargets.get(key);
    if (!resolved) {
      resolved = resolveTargets(template, period, rep, targetIndex, opts);
      sharedTargets.set(key, resolved);
    }
    return resolved;
  };
  const adjustmentsByRep = new Map<string, typeof adjustments>();
  // A manager's proposal counts only once HR accepts it (`applying`: the one being decided, as if accepted).
  for (const a of adjustments.filter((x) => isApplied(x) || x.id === options.applying)) adjustmentsByRep.set(a.repId, [...(adjustmentsByRep.get(a.repId) ?? []), a]);

  const scored = new Map<string, ScoredRep>();
  for (const rep of reps) {
    const own = selfRatings.get(rep.id);
    const base = withholdFewPeerReviews(actuals.get(rep.id) ?? emptyActuals(), policy.peerReviewFloor);
    const repActuals = own ? { ...base, selfRatingSum: own.reduce((a, b) => a + b, 0), selfRatingCount: own.length } : base;
    const days = leave.get(rep.id) ?? 0;
    const repTargets = targetsOf(rep, days > policy.leaveProrationDays ? days : undefined);
    const card = computeScorecard({
      template,
      period,
      repId: rep.id,
      actuals: repActuals,
      targets: repTargets,
      adjustments: adjustmentsByRep.get(rep.id) ?? [],
    });
    scored.set(rep.id, { rep, actuals: repActuals, targets: repTargets, card, leave: { approvedDays: days, pendingDays: pendingLeave.get(rep.id) ?? 0 } });
  }
  // Ranked on first use: a scorecard round scores four past periods only for their totals.
  let ranking: PeriodScores['ranking'] | undefined;
  return {
    period,
    template,
    reps: scored,
    get ranking() {
      ranking ??= rank([...scored.values()].map((s) => ({ card: s.card, name: s.rep.name, ...(s.rep.teamId ? { teamId: s.rep.teamId } : {}) })));
      return ranking;
    },
  };
}

/**
 * What the template's account tiers add to the actuals query: tier weights when visits are
 * weighted, and coverage (as of the period end, or today while it runs) when it is scored. Left
 * out otherwise, so a template without them costs nothing.
 */
function tierQuery(deps: Pick<AppDeps, 'clock'> & Partial<Pick<AppDeps, 'settings'>>, template: KpiTemplate, period: Period): Pick<ActualsQuery, 'tierWeights' | 'coverage'> {
  const weights = tierVisitWeights(template);
  const scoresCoverage = template.categories.some((c) => c.indicators.some((i) => i.key === 'coverage'));
  const today = todayIn(deps.settings?.companyTimeZone ?? 'UTC', deps.clock.now());
  return {
    ...(weights ? { tierWeights: weights } : {}),
    ...(scoresCoverage ? { coverage: { asOf: today < period.to ? today : period.to, cadenceDays: tierCadences(template) } } : {}),
  };
}

/** Days of leave per person inside the period (overlapping absences counted once). */
function leaveDaysIn(absences: readonly Absence[], period: Period): Map<string, number> {
  const days = new Map<string, Set<string>>();
  for (const a of absences) {
    const set = days.get(a.personId) ?? days.set(a.personId, new Set()).get(a.personId)!;
    for (let d = a.from < period.from ? period.from : a.from; d <= a.to && d <= period.to; d = addDays(d, 1)) set.add(d);
  }
  return new Map([...days].map(([id, set]) => [id, set.size]));
}
