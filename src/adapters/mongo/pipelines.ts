import type { PipelineStage } from 'mongoose';
import type { CollectionName } from '../../domain/records.js';
import { coveredSinceByTier } from '../../domain/accounts/cadence.js';
import { addRepRow, type RawActuals } from '../../domain/scoring/actuals.js';
import type { ActualsQuery } from '../../ports/store.js';

/**
 * The aggregation pipelines behind the MongoDB store's reads, as pure functions so they can be
 * run without a server (test/store/mongo-pipelines.test.ts runs them through mingo and compares
 * with the embedded store's SQL in adapters/embedded/sqlite-actuals.ts, which they mirror).
 *
 * Each actuals pipeline runs on one collection and yields `{ _id: repId, <raw figures> }`, named as
 * in domain/model/raw-figures.ts; `mergeActuals` adds them up per rep. Each starts with a $match on a date range (or period keys)
 * that the compound indexes in indexes.ts serve, and groups only indexed fields.
 */

type Match = Record<string, unknown>;

const between = (q: ActualsQuery): { $gte: string; $lte: string } => ({ $gte: q.from, $lte: q.to });
/** The rep filter, when the query names reps. */
const reps = (field: string, q: ActualsQuery): Match => (q.repIds ? { [field]: { $in: [...q.repIds] } } : {});

export function activityActualsPipeline(q: ActualsQuery): PipelineStage[] {
  return [{ $match: { date: between(q), ...reps('repId', q) } }, { $group: { _id: '$repId', visits: { $sum: 1 } } }];
}

export function dealActualsPipeline(q: ActualsQuery): PipelineStage[] {
  return [
    { $match: { signedDate: between(q), ...reps('repId', q) } },
    {
      $group: {
        _id: '$repId',
        revenue: { $sum: '$amountBase' },
        volume: { $sum: '$units' },
        newCustomers: { $sum: { $cond: ['$firstWin', 1, 0] } },
      },
    },
  ];
}

/** Distinct accounts per rep across activities and deals: runs on activities, unions deals. */
export function accountsServedPipeline(q: ActualsQuery): PipelineStage[] {
  const pair = { $project: { _id: 0, repId: 1, accountId: 1 } };
  return [
    { $match: { date: between(q), ...reps('repId', q) } },
    pair,
    { $unionWith: { coll: 'deals', pipeline: [{ $match: { signedDate: between(q), ...reps('repId', q) } }, pair] } },
    { $group: { _id: { rep: '$repId', account: '$accountId' } } },
    { $group: { _id: '$_id.rep', accountsServed: { $sum: 1 } } },
  ];
}

export function dueActualsPipeline(q: ActualsQuery): PipelineStage[] {
  return [{ $match: { dueDate: between(q), ...reps('repId', q) } }, { $group: { _id: '$repId', due: { $sum: '$amountBase' } } }];
}

/** Payments on deals due in the period (the due date is copied onto each payment) received by its end. */
export function collectedActualsPipeline(q: ActualsQuery): PipelineStage[] {
  return [
    { $match: { dueDate: between(q), receivedDate: { $lte: q.to }, ...reps('repId', q) } },
    { $group: { _id: '$repId', collected: { $sum: '$amountBase' } } },
  ];
}

export function feedbackActualsPipeline(q: ActualsQuery): PipelineStage[] {
  return [
    { $match: { date: between(q), ...reps('repId', q) } },
    {
      $group: {
        _id: '$repId',
        satisfactionSum: { $sum: { $divide: [{ $add: ['$service', '$product'] }, 2] } },
        satisfactionCount: { $sum: 1 },
      },
    },
  ];
}

/** Peer reviews count by the period they were filed for, and belong to the rep reviewed. */
export function peerActualsPipeline(q: ActualsQuery): PipelineStage[] {
  return [
    { $match: { periodKey: { $in: [...q.peerReviewPeriods] }, ...reps('toId', q) } },
    { $group: { _id: '$toId', collaborationSum: { $sum: '$collaboration' }, collaborationCount: { $sum: 1 } } },
  ];
}

export function intelActualsPipeline(q: ActualsQuery): PipelineStage[] {
  return [{ $match: { date: between(q), ...reps('repId', q) } }, { $group: { _id: '$repId', intel: { $sum: 1 } } }];
}

/** A value chosen by the account's tier (`$tier`), `otherwise` for a tier not listed. */
const byTier = (values: Readonly<Record<string, unknown>>, otherwise: unknown): unknown => {
  const branches = Object.entries(values).map(([tier, then]) => ({ case: { $eq: ['$tier', tier] }, then }));
  return branches.length ? { $switch: { branches, default: otherwise } } : otherwise;
};

/** Σ tier weight of the period's activities (weight 1 for a tier not listed); only when the query asks. */
export function weightedVisitsPipeline(q: ActualsQuery): PipelineStage[] | null {
  if (!q.tierWeights) return null;
  return [
    { $match: { date: between(q), ...reps('repId', q) } },
    { $lookup: { from: 'accounts', localField: 'accountId', foreignField: '_id', as: 'account' } },
    { $project: { repId: 1, tier: { $arrayElemAt: ['$account.tier', 0] } } },
    { $group: { _id: '$repId', weightedVisits: { $sum: byTier(q.tierWeights, 1) } } },
  ] as PipelineStage[];
}

/**
 * Key accounts per owner and those with an activity (anyone's) within their cadence up to asOf;
 * runs on accounts. The first covering day per tier comes from the domain (cadence.ts): only compared here.
 */
export function coveragePipeline(q: ActualsQuery): PipelineStage[] | null {
  if (!q.coverage) return null;
  const { asOf, cadenceDays } = q.coverage;
  const since = coveredSinceByTier(asOf, cadenceDays);
  return [
    { $match: { ownerId: { $exists: true, $ne: null }, tier: { $in: Object.keys(cadenceDays) }, ...reps('ownerId', q) } },
    { $addFields: { since: byTier(since, asOf) } },
    {
      $lookup: {
        from: 'activities',
        let: { account: '$_id', since: '$since' },
        pipeline: [
          { $match: { $expr: { $and: [{ $eq: ['$accountId', '$$account'] }, { $gte: ['$date', '$$since'] }, { $lte: ['$date', asOf] }] } } },
          { $limit: 1 },
          { $project: { _id: 1 } },
        ],
        as: 'recent',
      },
    },
    { $group: { _id: '$ownerId', keyAccountsOwned: { $sum: 1 }, keyAccountsCovered: { $sum: { $cond: [{ $gt: [{ $size: '$recent' }, 0] }, 1, 0] } } } },
  ] as PipelineStage[];
}

/** Every actuals pipeline with the collection it runs on; `build` gives null when the query does not ask for it. */
export const ACTUALS_PIPELINES: readonly { collection: CollectionName; build: (q: ActualsQuery) => PipelineStage[] | null }[] = [
  { collection: 'activities', build: activityActualsPipeline },
  { collection: 'deals', build: dealActualsPipeline },
  { collection: 'activities', build: accountsServedPipeline },
  { collection: 'deals', build: dueActualsPipeline },
  { collection: 'payments', build: collectedActualsPipeline },
  { collection: 'feedback', build: feedbackActualsPipeline },
  { collection: 'peerReviews', build: peerActualsPipeline },
  { collection: 'intel', build: intelActualsPipeline },
  { collection: 'activities', build: weightedVisitsPipeline },
  { collection: 'accounts', build: coveragePipeline },
];

/** Adds the pipelines' outputs up per rep. */
export function mergeActuals(outputs: readonly Record<string, unknown>[][]): Map<string, RawActuals> {
  const out = new Map<string, RawActuals>();
  for (const rows of outputs) {
    for (const { _id, ...figures } of rows) addRepRow(out, String(_id), figures);
  }
  return out;
}

const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Accounts whose name key contains the (already normalised) text, case-insensitively: the exact
 * name first, then names starting with it, then the rest, each in name order. The text is
 * escaped, so `.` or `*` in it match themselves.
 */
export function searchAccountsPipeline(key: string, limit: number): PipelineStage[] {
  const text = escapeRegex(key);
  const matches = (pattern: string) => ({ $regexMatch: { input: '$nameKey', regex: pattern, options: 'i' } });
  return [
    { $match: { nameKey: { $regex: text, $options: 'i' } } },
    { $addFields: { _rank: { $cond: [matches(`^${text}$`), 0, { $cond: [matches(`^${text}`), 1, 2] }] } } },
    { $sort: { _rank: 1, nameKey: 1, _id: 1 } },
    { $limit: limit },
    { $project: { _rank: 0 } },
  ];
}

/** Each deal's amount and what its payments add up to; runs on deals. */
export function dealBalancesPipeline(dealIds: readonly string[]): PipelineStage[] {
  return [
    { $match: { _id: { $in: [...dealIds] } } },
    { $lookup: { from: 'payments', localField: '_id', foreignField: 'dealId', as: 'paid' } },
    { $project: { _id: 0, dealId: '$_id', amountBase: 1, paidBase: { $sum: '$paid.amountBase' } } },
  ];
}

/** Each rep's latest published total and grade in the periods (see Store.publishedTotals); runs on results. */
export function publishedTotalsPipeline(q: { periodKeys: readonly string[]; repIds?: readonly string[] }): PipelineStage[] {
  return [
    { $match: { periodKey: { $in: [...q.periodKeys] }, ...(q.repIds ? { repId: { $in: [...q.repIds] } } : {}) } },
    // The unique (periodKey, repId, version) index serves the match and this sort (in its own
    // direction: the latest version is each group's last).
    { $sort: { periodKey: 1, repId: 1, version: 1 } },
    {
      $group: {
        _id: { periodKey: '$periodKey', repId: '$repId' },
        version: { $last: '$version' },
        total: { $last: '$scorecard.total' },
        grade: { $last: '$scorecard.grade' },
        noData: { $last: '$scorecard.noData' },
      },
    },
    { $project: { _id: 0, periodKey: '$_id.periodKey', repId: '$_id.repId', version: 1, total: 1, grade: 1, noData: 1 } },
  ];
}

/** Owned accounts of the tiers with their last activity up to asOf (see Store.keyAccounts); runs on accounts. */
export function keyAccountsPipeline(q: { asOf: string; tiers: readonly string[]; ownerIds?: readonly string[] }): PipelineStage[] {
  return [
    { $match: { ownerId: { $exists: true, $ne: null, ...(q.ownerIds ? { $in: [...q.ownerIds] } : {}) }, tier: { $in: [...q.tiers] } } },
    {
      $lookup: {
        from: 'activities',
        let: { account: '$_id' },
        pipeline: [
          { $match: { $expr: { $and: [{ $eq: ['$accountId', '$$account'] }, { $lte: ['$date', q.asOf] }] } } },
          { $sort: { date: -1 } },
          { $limit: 1 },
          { $project: { _id: 0, date: 1 } },
        ],
        as: 'last',
      },
    },
    { $sort: { ownerId: 1, _id: 1 } },
    {
      $project: {
        _id: 0,
        accountId: '$_id',
        name: 1,
        ownerId: 1,
        tier: 1,
        lastActivity: { $ifNull: [{ $arrayElemAt: ['$last.date', 0] }, null] },
      },
    },
  ] as PipelineStage[];
}
