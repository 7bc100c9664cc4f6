import { createHash } from 'node:crypto';
import { isApplied, type ReviewCycle } from '../../domain/model/cycle.js';
import type { PlatformName } from '../../domain/model/delivery.js';
import { managerIdOf } from '../../domain/model/manager.js';
import type { Person } from '../../domain/model/people.js';
import { previousPeriod, type Period } from '../../domain/period.js';
import { countGrades, guidelineWarnings } from '../../domain/scoring/guideline.js';
import { peerReviewFlags } from '../../domain/scoring/peer-flags.js';
import { outsideFences, teamFences, TEAM_OUTLIER_RULE } from '../../domain/scoring/team-outliers.js';
import type { CalibrationPack, PackRow } from '../../domain/read-models/calibration-pack.js';
import { calibrationPackView } from '../../views/calibration-views.js';
import { channelLocale, type AppDeps } from '../deps.js';
import { enqueue } from '../delivery/enqueue.js';
import { channelTargets } from '../jobs/recipients.js';
import { pastTotals } from '../past-totals.js';
import { scorePeriod, type ScoredRep } from '../score-period.js';
import { readSetting } from '../settings.js';
import { calibrationPeriod, requireInReview, teamsById } from './calibration-common.js';
import { audit, requireHr } from './cycles.js';

export const CALIBRATION_JOB = 'cycle-calibrate';

/**
 * The outlier rule, stated in the pack: a total outside its team's interquartile fences (teams of
 * `minTeam` or more graded reps), or a grade this many bands from last quarter's.
 */
export const OUTLIER_RULE = { ...TEAM_OUTLIER_RULE, bands: 2 } as const;

export interface CalibrationResult {
  cycle: ReviewCycle;
  pack: CalibrationPack;
  /** hr-private channels the pack goes to; 0 means none is configured. */
  channels: number;
  queued: number;
}

const mean = (xs: number[]): number | null => (xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 100) / 100 : null);

/**
 * Indicators nobody graded has data for, listed once; the others each with the reps they are
 * missing for (once per indicator, not once per rep).
 */
function missingByIndicator(graded: readonly ScoredRep[]): Pick<CalibrationPack, 'emptyIndicators' | 'missing'> {
  const groups = new Map<string, { key: string; why: 'no_data' | 'no_target'; names: string[] }>();
  for (const s of graded) {
    for (const l of s.card.indicators) {
      if (l.missing === null) continue;
      const id = `${l.key}:${l.missing}`;
      const g = groups.get(id) ?? { key: l.key, why: l.missing, names: [] };
      g.names.push(s.rep.name);
      groups.set(id, g);
    }
  }
  const all = [...groups.values()];
  const everyone = (g: (typeof all)[number]) => g.why === 'no_data' && g.names.length === graded.length;
  return { emptyIndicators: all.filter(everyone).map((g) => g.key), missing: all.filter((g) => !everyone(g)) };
}

/**
 * Everything the review meeting needs, from the current scores (adjustments included) and last
 * quarter's totals (as published, when it was: see past-totals.ts).
 */
export async function assemblePack(deps: AppDeps, period: Period): Promise<CalibrationPack> {
  const previous = previousPeriod(period);
  const earlier = [previous, previousPeriod(previous), previousPeriod(previousPeriod(previous))].map((p) => p.key);
  const people = await deps.store.people.find();
  const [scores, [last], teams, adjustments, policy, selfReviews, peerReviews] = await Promise.all([
    scorePeriod(deps, period, { everyone: people }),
    pastTotals(deps, [previous], { everyone: people }),
    teamsById(deps),
    deps.store.adjustments.find({ periodKey: period.key }),
    readSetting(deps, 'cycle.policy'),
    deps.store.selfReviews.find({ periodKey: period.key }),
    deps.store.peerReviews.find({ periodKey: { in: [period.key, ...earlier] } }),
  ]);
  const nameOf = new Map(people.map((p) => [p.id, p.name] as const));
  const org = { teams, people: new Map(people.map((p) => [p.id, p] as const)) };
  const bands = scores.template.grades.map((g) => g.grade);
  const all = [...scores.reps.values()];
  const graded = all.filter((s) => !s.card.noData).sort((a, b) => b.card.total - a.card.total || a.rep.name.localeCompare(b.rep.name));
  const noData = all.filter((s) => s.card.noData).sort((a, b) => a.rep.name.localeCompare(b.rep.name));

  const teamTotals = new Map<string, number[]>();
  for (const s of graded) if (s.rep.teamId) teamTotals.set(s.rep.teamId, [...(teamTotals.get(s.rep.teamId) ?? []), s.card.total]);
  const teamAverage = (s: ScoredRep) => (s.rep.teamId ? mean(teamTotals.get(s.rep.teamId) ?? []) : null);
  const fences = new Map([...teamTotals].map(([team, totals]) => [team, teamFences(totals, OUTLIER_RULE)] as const));

  const row = (s: ScoredRep): PackRow => {
    const prev = last!.totals.get(s.rep.id);
    const prevGraded = prev && prev.total !== null ? prev : null;
    const avg = teamAverage(s);
    const outlier: PackRow['outlier'] = [];
    if (!s.card.noData) {
      if (s.rep.teamId && outsideFences(s.card.total, fences.get(s.rep.teamId) ?? null)) outlier.push('team');
      const now = bands.indexOf(s.card.grade);
      const before = prevGraded ? bands.indexOf(prevGraded.grade) : -1;
      if (now >= 0 && before >= 0 && Math.abs(now - before) >= OUTLIER_RULE.bands) outlier.push('bands');
    }
    return {
      name: s.rep.name,
      team: s.rep.teamId ? (teams.get(s.rep.teamId)?.name ?? s.rep.teamId) : null,
      total: s.card.noData ? null : s.card.total,
      grade: s.card.noData ? null : s.card.grade,
      lastTotal: prevGraded?.total ?? null,
      lastGrade: prevGraded?.grade ?? null,
      teamAverage: avg,
      adjusted: s.card.adjustments.reduce((a, x) => a + x.delta, 0),
      outlier,
    };
  };

  const byManager = new Map<string, ScoredRep[]>();
  for (const s of graded) {
    const key = managerIdOf(s.rep, org) ?? '';
    byManager.set(key, [...(byManager.get(key) ?? []), s]);
  }
  const overall = countGrades(bands, graded.map((s) => s.card));
  return {
    periodKey: period.key,
    previousKey: previous.key,
    rows: [...graded, ...noData].map(row),
    graded: graded.length,
    overall,
    byManager: [...byManager]
      .map(([id, reps]) => ({ manager: id ? (nameOf.get(id) ?? id) : '', graded: reps.length, counts: countGrades(bands, reps.map((s) => s.card)) }))
      .sort((a, b) => (a.manager === '' ? 1 : b.manager === '' ? -1 : a.manager.localeCompare(b.manager))),
    noData: noData.map((s) => s.rep.name),
    ...missingByIndicator(graded),
    // Only applied adjustments: a manager's proposal is HR's to accept first.
    adjustments: adjustments
      .filter(isApplied)
      .sort((a, b) => a.at.localeCompare(b.at))
      .map((a) => ({ name: nameOf.get(a.repId) ?? a.repId, delta: a.delta, reason: a.reason, by: nameOf.get(a.byId) ?? a.byId, at: a.at })),
    guideline: policy.guideline,
    warnings: guidelineWarnings(overall, graded.length, policy.guideline),
    rule: { ...OUTLIER_RULE },
    selfReviews: selfReviews
      .map((r) => ({ name: nameOf.get(r.repId) ?? r.repId, ...r.ratings, comment: r.comment }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    peerFlags: peerReviewFlags(peerReviews, period.key).map((f) =>
      f.kind === 'mutual-top'
        ? { kind: f.kind, names: [nameOf.get(f.a) ?? f.a, nameOf.get(f.b) ?? f.b] as [string, string], periods: f.periods }
        : { kind: f.kind, reviewer: nameOf.get(f.reviewerId) ?? f.reviewerId, rating: f.rating, count: f.count },
    ),
  };
}

/**
 * `/cycle calibrate [period]` (HR, cycle in review): builds the calibration pack, posts it to the
 * hr-private channels through the outbox and returns it. The run key carries a digest of the
 * pack, so asking again after an adjustment posts the new pack, while asking twice with nothing
 * changed posts nothing twice.
 */
export async function calibrate(deps: AppDeps, actor: Person, input: { period?: string | undefined; platforms: readonly PlatformName[] }): Promise<CalibrationResult> {
  requireHr(actor, 'prepare the calibration');
  const period = await calibrationPeriod(deps, input.period);
  const cycle = await requireInReview(deps, period);
  const pack = await assemblePack(deps, period);
  const targets = await channelTargets(deps, 'hr-private', input.platforms);
  const digest = createHash('sha256').update(JSON.stringify(pack)).digest('hex').slice(0, 12);
  const view = calibrationPackView(channelLocale(deps.settings), pack);
  const { queued } = await enqueue(
    deps,
    targets.map((to) => ({ job: CALIBRATION_JOB, runKey: `${period.key}:${digest}`, ...to, message: { text: view.title, view } })),
  );
  if (queued > 0) await audit(deps, actor, 'cycle.calibrate', cycle.id, { periodKey: period.key, digest, channels: targets.length, graded: pack.graded });
  return { cycle, pack, channels: targets.length, queued };
}
