import { daysBetween } from '../dates.js';
import type { Period } from '../period.js';
import { INDICATORS, type IndicatorKey } from '../model/indicators.js';
import type { Person } from '../model/people.js';
import type { Target } from '../model/targets.js';
import type { IndicatorSpec, KpiTemplate } from '../model/template.js';

export interface ResolvedTarget {
  /** The target that applies after proration; null when there is none (or the rep was not there). */
  value: number | null;
  source: 'template' | 'team' | 'rep' | null;
  /** Share of the period the rep was employed (less long leave); applied to template and team targets. */
  proration: number;
  /** Days of leave in the period taken off the proration (only leave longer than the policy's threshold). */
  leaveDays?: number;
}

export type TargetMap = Partial<Record<IndicatorKey, ResolvedTarget>>;

/** Share of the period between the rep's join date and leave date (inclusive), 0–1. */
export function employedShare(rep: Pick<Person, 'joinDate' | 'leaveDate'>, period: Period): number {
  const start = rep.joinDate > period.from ? rep.joinDate : period.from;
  const end = rep.leaveDate && rep.leaveDate < period.to ? rep.leaveDate : period.to;
  if (end < start) return 0;
  return (daysBetween(start, end) + 1) / period.days;
}

/** The template's own target for the period: quarterly as written, a year's is 4× for sums and counts. */
export function templateTarget(spec: IndicatorSpec, period: Period): number | null {
  if (spec.defaultTarget === undefined) return null;
  return period.kind === 'year' && INDICATORS[spec.key].additive ? spec.defaultTarget * 4 : spec.defaultTarget;
}

/**
 * Index of the period's explicit targets, built once per period and shared by every rep:
 * key `<scope>:<scopeId>:<indicator>`.
 */
export function indexTargets(targets: readonly Target[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of targets) m.set(`${t.scope}:${t.scopeId}:${t.indicator}`, t.value);
  return m;
}

/**
 * Targets for one rep: the rep's own target wins, then the team's, then the template's default.
 * Team and template targets of sums and counts are prorated for a rep who joined or left during
 * the period, and by the days of long leave (`opts.leaveDays`, already filtered by the policy's
 * threshold): a rate or a rating means the same however long one worked; a rep's own target is
 * taken as it was set for them.
 */
export function resolveTargets(
  template: KpiTemplate,
  period: Period,
  rep: Pick<Person, 'id' | 'teamId' | 'joinDate' | 'leaveDate'>,
  index: Map<string, number>,
  opts: { leaveDays?: number } = {},
): TargetMap {
  const leaveDays = opts.leaveDays ?? 0;
  const proration = Math.max(0, employedShare(rep, period) - leaveDays / period.days);
  const out: TargetMap = {};
  for (const cat of template.categories) {
    for (const spec of cat.indicators) {
      const own = index.get(`rep:${rep.id}:${spec.key}`);
      if (own !== undefined) {
        out[spec.key] = { value: own, source: 'rep', proration: 1 };
        continue;
      }
      const team = rep.teamId === undefined ? undefined : index.get(`team:${rep.teamId}:${spec.key}`);
      const base = team ?? templateTarget(spec, period);
      const source = team !== undefined ? 'team' : base !== null ? 'template' : null;
      const share = INDICATORS[spec.key].additive ? proration : proration > 0 ? 1 : 0;
      const value = base === null || share === 0 ? null : base * share;
      out[spec.key] = { value, source: value === null ? null : source, proration: share, ...(leaveDays > 0 && INDICATORS[spec.key].additive ? { leaveDays } : {}) };
    }
  }
  return out;
}
