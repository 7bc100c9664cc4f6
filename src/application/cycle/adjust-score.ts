import { AppError } from '../../domain/errors.js';
import { AdjustmentSchema, type Adjustment } from '../../domain/model/cycle.js';
import { hasRole, type Person } from '../../domain/model/people.js';
import type { Period } from '../../domain/period.js';
import { countGrades, guidelineWarnings, type GuidelineWarning } from '../../domain/scoring/guideline.js';
import type { AppDeps } from '../deps.js';
import { requireRole } from '../guards.js';
import { periodLock } from './period-lock.js';
import { scorePeriod, type PeriodScores } from '../score-period.js';
import { readSetting } from '../settings.js';
import { managerOf } from '../people/manager-of.js';
import { calibrationPeriod, refuseUnknown, requireInReview } from './calibration-common.js';
import { audit } from './cycles.js';

export interface AdjustInput {
  /** The mentioned people: exactly one, the rep. */
  reps: readonly Person[];
  unknown: readonly string[];
  /** As typed: `-3`, `+2.5`. */
  delta: string | undefined;
  reason: string;
  period?: string | undefined;
}

export interface Standing {
  total: number;
  grade: string;
}

export interface AdjustResult {
  rep: Person;
  periodKey: string;
  adjustment: Adjustment;
  before: Standing;
  after: Standing;
  /** The distribution guideline's warnings after the change, when the change made one appear or grow. */
  warnings: GuidelineWarning[];
}


const DELTA_RE = /^[+\-−]?(\d+(\.\d+)?|\.\d+)$/;
const REASON_MIN = 10;
const REASON_MAX = 2000;

const refuse = (code: 'VALIDATION' | 'FORBIDDEN', messageId: string, dev: string, params: Record<string, unknown> = {}) =>
  new AppError(code, dev, { params: { messageId, ...params } });

/** A typed delta as a number, or a refusal that says what is allowed. */
export function parseDelta(text: string | undefined): number {
  const raw = (text ?? '').trim();
  const value = DELTA_RE.test(raw) ? Number(raw.replace('−', '-')) : NaN;
  if (!Number.isFinite(value) || value === 0 || Math.abs(value) > 100) {
    throw refuse('VALIDATION', 'calibration.error.delta', `"${raw}" is not an adjustment`, { value: raw });
  }
  return value;
}

function parseReason(text: string): string {
  const reason = text.trim();
  if (!reason) throw refuse('VALIDATION', 'calibration.error.reasonMissing', 'an adjustment needs a reason', { min: REASON_MIN });
  if (reason.length < REASON_MIN) throw refuse('VALIDATION', 'calibration.error.reasonShort', `reason "${reason}" is shorter than ${REASON_MIN}`, { min: REASON_MIN });
  if (reason.length > REASON_MAX) throw refuse('VALIDATION', 'calibration.error.reasonLong', 'reason too long', { max: REASON_MAX });
  return reason;
}

/** HR adjusts anyone; a manager only the reps they manage (directly or as their team's manager). */
async function assertMayAdjust(deps: AppDeps, actor: Person, rep: Person): Promise<void> {
  if (actor.id === rep.id) throw refuse('FORBIDDEN', 'calibration.error.self', 'nobody adjusts their own score');
  if (hasRole(actor, 'hr')) return;
  if ((await managerOf(deps, rep))?.id !== actor.id) {
    throw refuse('FORBIDDEN', 'calibration.error.notYourRep', `${rep.name} is not in ${actor.name}'s team`, { name: rep.name });
  }
}

const standing = (scores: PeriodScores, repId: string): Standing | null => {
  const card = scores.reps.get(repId)?.card;
  return card && !card.noData ? { total: card.total, grade: card.grade } : null;
};

function warningsOf(scores: PeriodScores, guideline: Record<string, number>): GuidelineWarning[] {
  const graded = [...scores.reps.values()].filter((s) => !s.card.noData).map((s) => s.card);
  return guidelineWarnings(countGrades(scores.template.grades.map((g) => g.grade), graded), graded.length, guideline);
}

/**
 * `/adjust @rep <±delta> <reason…> [period]` (HR, or the rep's manager) while the cycle is in
 * review: stores a calibration adjustment with its reason, audited with the total and grade
 * before and after. Published results change only through an appeal.
 */
export async function adjustScore(deps: AppDeps, actor: Person, input: AdjustInput): Promise<AdjustResult> {
  requireRole(actor, ['hr', 'manager'], 'adjust scores');
  refuseUnknown(input.unknown);
  if (input.reps.length !== 1) throw refuse('VALIDATION', 'calibration.error.oneRep', `mention exactly one rep, not ${input.reps.length}`);
  const rep = input.reps[0]!;
  if (!hasRole(rep, 'rep')) throw refuse('VALIDATION', 'calibration.error.notRep', `${rep.name} is not a rep`, { name: rep.name });
  await assertMayAdjust(deps, actor, rep);
  const delta = parseDelta(input.delta);
  const reason = parseReason(input.reason);
  const period: Period = await calibrationPeriod(deps, input.period);
  return periodLock(period.key, () => adjustLocked(deps, actor, rep, period, delta, reason));
}

async function adjustLocked(deps: AppDeps, actor: Person, rep: Person, period: Period, delta: number, reason: string): Promise<AdjustResult> {
  await requireInReview(deps, period);

  const [scoresBefore, policy] = await Promise.all([scorePeriod(deps, period), readSetting(deps, 'cycle.policy')]);
  const before = standing(scoresBefore, rep.id);
  if (!before) {
    const messageId = scoresBefore.reps.has(rep.id) ? 'calibration.error.repNoData' : 'calibration.error.repNotInPeriod';
    throw refuse('VALIDATION', messageId, `${rep.name} has no score in ${period.key}`, { name: rep.name, period: period.key });
  }
  const adjustment = AdjustmentSchema.parse({ id: deps.newId(), periodKey: period.key, repId: rep.id, delta, reason, byId: actor.id, at: deps.clock.now().toISOString() });
  await deps.store.adjustments.insert(adjustment);
  const scoresAfter = await scorePeriod(deps, period, { template: scoresBefore.template });
  const after = standing(scoresAfter, rep.id)!;
  await audit(deps, actor, 'score.adjust', rep.id, { periodKey: period.key, adjustmentId: adjustment.id, delta, reason, before, after });

  // Only the warnings this change caused or made worse: a distribution already over the guideline is the pack's business.
  const earlier = new Map(warningsOf(scoresBefore, policy.guideline).map((w) => [w.grade, w.count] as const));
  const warnings = warningsOf(scoresAfter, policy.guideline).filter((w) => w.count > (earlier.get(w.grade) ?? 0));
  return { rep, periodKey: period.key, adjustment, before, after, warnings };
}
