import { z } from 'zod';
import { Id, Name, Timestamp } from './fields.js';
import { INDICATOR_KEYS } from './indicators.js';

/** Scoring functions are data: the engine interprets them, no indicator has a code path of its own. */
export const ScoringSchema = z.discriminatedUnion('type', [
  /** score = min(actual / target, cap) × 100 */
  z.object({ type: z.literal('ratio'), cap: z.number().min(0.1).max(10) }),
  /** score = (actual − min) / (max − min) × 100, clamped to 0–100 */
  z.object({ type: z.literal('rating'), min: z.number(), max: z.number() }),
  /** lower is better: score = min(target / actual, cap) × 100; an actual of 0 scores cap × 100 */
  z.object({ type: z.literal('inverse'), cap: z.number().min(0.1).max(10) }),
  /**
   * score = the score of the highest step whose `atLeast` the actual reaches, else `below`.
   * With basis `target` the steps are shares of the target (0.8 = 80% of target).
   */
  z.object({
    type: z.literal('threshold'),
    basis: z.enum(['absolute', 'target']),
    steps: z
      .array(z.object({ atLeast: z.number().min(0), score: z.number().min(0).max(200) }))
      .min(1)
      .max(20),
    below: z.number().min(0).max(200).default(0),
  }),
]);
export type Scoring = z.infer<typeof ScoringSchema>;

export const MissingPolicySchema = z.discriminatedUnion('policy', [
  /** Drop the indicator and share its weight among the others in proportion. */
  z.object({ policy: z.literal('exclude') }),
  /** Score the indicator at a fixed neutral value. */
  z.object({ policy: z.literal('neutral'), score: z.number().min(0).max(200) }),
]);
export type MissingPolicy = z.infer<typeof MissingPolicySchema>;

const Weight = z.number().positive('must be more than 0').max(100, 'at most 100');

export const IndicatorSpecSchema = z.object({
  key: z.enum(INDICATOR_KEYS),
  weight: Weight,
  scoring: ScoringSchema,
  missing: MissingPolicySchema,
  /** Quarterly target when no team or rep target is set. */
  defaultTarget: z.number().positive().optional(),
});
export type IndicatorSpec = z.infer<typeof IndicatorSpecSchema>;

export const CATEGORY_KEYS = ['performance', 'behaviour', 'teamwork'] as const;
export type CategoryKey = (typeof CATEGORY_KEYS)[number];

export const CategorySpecSchema = z.object({
  key: z.enum(CATEGORY_KEYS),
  weight: Weight,
  indicators: z.array(IndicatorSpecSchema).min(1, 'needs at least one indicator'),
});
export type CategorySpec = z.infer<typeof CategorySpecSchema>;

export const GradeBandSchema = z.object({
  grade: z.string().trim().min(1).max(8),
  /** Lowest total that earns this grade. The last band must start at 0. */
  minScore: z.number().min(0),
  /** Bonus multiplier for this grade (1 = the base bonus). */
  bonusMultiplier: z.number().min(0).max(10),
});
export type GradeBand = z.infer<typeof GradeBandSchema>;

/**
 * Key-account tiers (大客户分级): how much a visit to an account of the tier counts towards the
 * visits indicator, and how often an account of the tier must be visited (its cadence). An account
 * whose tier has a cadence is a key account: it counts for coverage and goes dormant when overdue.
 */
export const AccountTierSchema = z.object({
  tier: z.string().trim().min(1).max(32),
  visitWeight: z.number().min(0).max(10),
  cadenceDays: z.number().int().min(1).max(366).optional(),
});
export type AccountTier = z.infer<typeof AccountTierSchema>;

/** The tiers when a template names none: every visit counts 1; strategic every 30 days, A 45, B 60, C 90. */
export const DEFAULT_ACCOUNT_TIERS: readonly AccountTier[] = [
  { tier: 'strategic', visitWeight: 1, cadenceDays: 30 },
  { tier: 'A', visitWeight: 1, cadenceDays: 45 },
  { tier: 'B', visitWeight: 1, cadenceDays: 60 },
  { tier: 'C', visitWeight: 1, cadenceDays: 90 },
];

const WEIGHT_TOLERANCE = 1e-6;
const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);

export const KpiTemplateSchema = z
  .object({
    /** `<key>@<version>`: every version is its own record; older versions stay readable. */
    id: Id,
    /** The template family, e.g. `default`. */
    key: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,40}$/, 'lower-case letters, digits, - and _'),
    version: z.number().int().min(1),
    name: Name,
    categories: z.array(CategorySpecSchema).min(1),
    /** Highest grade first. The lowest grade raises the penalty flag for HR. */
    grades: z.array(GradeBandSchema).min(2, 'needs at least two grades'),
    /** Weights of the four quarters in the annual score. */
    annualQuarterWeights: z.array(z.number().min(0)).length(4).default([25, 25, 25, 25]),
    /** Account tiers with visit weights and cadences; DEFAULT_ACCOUNT_TIERS when absent. */
    accountTiers: z.array(AccountTierSchema).min(1).max(20).optional(),
    createdAt: Timestamp,
    createdBy: Id.optional(),
  })
  .superRefine((t, ctx) => {
    if (t.id !== `${t.key}@${t.version}`) {
      ctx.addIssue({ code: 'custom', path: ['id'], message: `must be ${t.key}@${t.version}` });
    }
    const catTotal = sum(t.categories.map((c) => c.weight));
    if (Math.abs(catTotal - 100) > WEIGHT_TOLERANCE) {
      ctx.addIssue({ code: 'custom', path: ['categories'], message: `category weights sum to ${catTotal}, not 100` });
    }
    const seenCats = new Set<string>();
    const seenInds = new Set<string>();
    t.categories.forEach((c, ci) => {
      if (seenCats.has(c.key)) ctx.addIssue({ code: 'custom', path: ['categories', ci, 'key'], message: `category ${c.key} appears twice` });
      seenCats.add(c.key);
      const indTotal = sum(c.indicators.map((i) => i.weight));
      if (Math.abs(indTotal - 100) > WEIGHT_TOLERANCE) {
        ctx.addIssue({
          code: 'custom',
          path: ['categories', ci, 'indicators'],
          message: `indicator weights in ${c.key} sum to ${indTotal}, not 100`,
        });
      }
      c.indicators.forEach((ind, ii) => {
        const path = ['categories', ci, 'indicators', ii];
        if (seenInds.has(ind.key)) ctx.addIssue({ code: 'custom', path: [...path, 'key'], message: `indicator ${ind.key} appears twice` });
        seenInds.add(ind.key);
        if (ind.scoring.type === 'rating' && ind.scoring.max <= ind.scoring.min) {
          ctx.addIssue({ code: 'custom', path: [...path, 'scoring'], message: 'rating max must be above min' });
        }
        if (ind.scoring.type === 'threshold') {
          const steps = ind.scoring.steps.map((s) => s.atLeast);
          if (steps.some((v, i) => i > 0 && v <= steps[i - 1]!)) {
            ctx.addIssue({ code: 'custom', path: [...path, 'scoring', 'steps'], message: 'steps must rise strictly' });
          }
        }
      });
    });
    const mins = t.grades.map((g) => g.minScore);
    if (mins.some((m, i) => i > 0 && m >= mins[i - 1]!)) {
      ctx.addIssue({ code: 'custom', path: ['grades'], message: 'grades must be listed highest first with falling minimum scores' });
    }
    if (mins[mins.length - 1] !== 0) {
      ctx.addIssue({ code: 'custom', path: ['grades'], message: 'the lowest grade must start at 0' });
    }
    if (new Set(t.grades.map((g) => g.grade)).size !== t.grades.length) {
      ctx.addIssue({ code: 'custom', path: ['grades'], message: 'grade names must be unique' });
    }
    if (t.accountTiers && new Set(t.accountTiers.map((a) => a.tier)).size !== t.accountTiers.length) {
      ctx.addIssue({ code: 'custom', path: ['accountTiers'], message: 'tier names must be unique' });
    }
    if (sum(t.annualQuarterWeights) <= 0) {
      ctx.addIssue({ code: 'custom', path: ['annualQuarterWeights'], message: 'at least one quarter must have weight' });
    }
  });
export type KpiTemplate = z.infer<typeof KpiTemplateSchema>;

/** The template's account tiers, or the defaults. */
export const accountTiersOf = (t: Pick<KpiTemplate, 'accountTiers'>): readonly AccountTier[] => t.accountTiers ?? DEFAULT_ACCOUNT_TIERS;

/** Tier → visit weight, only when some tier's visits count other than 1 (else plain counting applies). */
export function tierVisitWeights(t: Pick<KpiTemplate, 'accountTiers'>): Record<string, number> | null {
  const tiers = accountTiersOf(t);
  return tiers.some((a) => a.visitWeight !== 1) ? Object.fromEntries(tiers.map((a) => [a.tier, a.visitWeight])) : null;
}

/** Tier → cadence in days, for the tiers that have one (the key-account tiers). */
export const tierCadences = (t: Pick<KpiTemplate, 'accountTiers'>): Record<string, number> =>
  Object.fromEntries(accountTiersOf(t).flatMap((a) => (a.cadenceDays ? [[a.tier, a.cadenceDays] as const] : [])));
