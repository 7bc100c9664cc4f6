import type { CollectionName, RecordInput, RecordOf } from '../domain/records.js';
import type { LocalDate } from '../domain/dates.js';
import type { PeriodKey } from '../domain/period.js';
import type { RawActuals } from '../domain/scoring/actuals.js';

/**
 * The store port. Both adapters (embedded SQLite, MongoDB) implement it and pass the same
 * contract suite (test/store/contract.ts). Every write is validated with the domain's zod schema
 * and its references are checked: a bad record is refused with VALIDATION or REFERENCE and changes
 * nothing. A store that cannot be reached throws UNAVAILABLE.
 */

/** Equality, a range (inclusive), or one of a list, on an indexed field. */
export type FieldFilter = string | number | boolean | { gte?: string | number; lte?: string | number } | { in: readonly (string | number)[] };
export type Where = Readonly<Record<string, FieldFilter>>;

export interface FindOptions {
  sort?: { field: string; dir: 'asc' | 'desc' };
  limit?: number;
}

export interface Inserted<T> {
  record: T;
  /** False when a record with the same requestId already existed: the first one is returned. */
  created: boolean;
}

export interface Collection<N extends CollectionName> {
  /**
   * Validates and inserts a new record. A record with a `requestId` that was already stored is not
   * stored again: the stored one comes back with `created: false`. A unique key already taken
   * throws CONFLICT.
   */
  insert(record: RecordInput<N>): Promise<Inserted<RecordOf<N>>>;
  /** Validates and inserts or replaces the record with this id. */
  put(record: RecordInput<N>): Promise<RecordOf<N>>;
  /** Validates and inserts many records in one transaction (seeding, imports): all or nothing. */
  insertMany(records: readonly RecordInput<N>[]): Promise<number>;
  get(id: string): Promise<RecordOf<N> | null>;
  /**
   * Records matching every filter. Only `id`, `requestId` and the collection's indexed fields can
   * be filtered and sorted on (anything else is a programming error and throws).
   */
  find(where?: Where, options?: FindOptions): Promise<RecordOf<N>[]>;
  count(where?: Where): Promise<number>;
  delete(id: string): Promise<boolean>;
}

export interface ActualsQuery {
  from: LocalDate;
  to: LocalDate;
  /** Periods whose peer reviews count (the quarter, or a year's four quarters). */
  peerReviewPeriods: readonly PeriodKey[];
  /** Limit to these reps; all reps when omitted. */
  repIds?: readonly string[];
  /** Account tier → visit weight: fills `weightedVisits` (an activity on an account of another tier counts 1). */
  tierWeights?: Readonly<Record<string, number>>;
  /**
   * Fills `keyAccountsOwned` / `keyAccountsCovered`: accounts owned by each rep whose tier has a
   * cadence (days), and those with an activity (by anyone) in the `days` days up to `asOf`. The
   * first covering day per tier comes from domain/accounts/cadence.ts; a store only compares dates.
   */
  coverage?: { asOf: LocalDate; cadenceDays: Readonly<Record<string, number>> };
}

/** A key account (its tier has a cadence) with its owner and the last activity on it, by anyone, up to a day. */
export interface KeyAccountState {
  accountId: string;
  name: string;
  ownerId: string;
  tier: string;
  /** null when nobody has ever logged an activity on it (up to the day asked). */
  lastActivity: LocalDate | null;
}

export interface DealBalance {
  dealId: string;
  amountBase: number;
  paidBase: number;
}

/** A rep's latest published result for a period, as far as a history needs it: the total and grade, not the whole frozen scorecard. */
export interface PublishedTotal {
  periodKey: PeriodKey;
  repId: string;
  /** The latest version (an accepted appeal publishes a new one). */
  version: number;
  total: number;
  /** '' when the rep had no data that period (`noData`). */
  grade: string;
  noData: boolean;
}

/**
 * One write of a batch: a new record (`insert`), a whole record inserted or replaced (`put`), or a
 * record removed (`delete`: refused with CONFLICT while others point at it; absent is no error).
 */
export type BatchWrite =
  | { [N in CollectionName]: { op: 'insert' | 'put'; collection: N; record: RecordInput<N> } }[CollectionName]
  | { op: 'delete'; collection: CollectionName; id: string };

/**
 * What a batch did. `created: false` means one of its inserts carried a `requestId` that was
 * already stored (a retried submission): nothing of the batch was written, and `stored` is the
 * record that was kept the first time.
 */
export type BatchResult =
  | { created: true; records: RecordOf<CollectionName>[] }
  | { created: false; stored: { collection: CollectionName; record: RecordOf<CollectionName> } };

export type Store = { readonly [N in CollectionName]: Collection<N> } & {
  readonly kind: 'embedded' | 'mongo';
  /**
   * Every rep's raw actuals for a date range, aggregated in the database (GROUP BY / aggregation
   * pipeline), not by loading rows. Reps without any record are absent from the map.
   */
  periodActuals(query: ActualsQuery): Promise<Map<string, RawActuals>>;
  /** Accounts whose name contains the text (case-insensitive), best matches first. */
  searchAccounts(text: string, limit: number): Promise<RecordOf<'accounts'>[]>;
  /**
   * Owned accounts of these tiers with their last activity up to `asOf` (the basis of coverage and
   * dormancy), ordered by owner then account id; only these owners' when `ownerIds` is given.
   */
  keyAccounts(query: { asOf: LocalDate; tiers: readonly string[]; ownerIds?: readonly string[] }): Promise<KeyAccountState[]>;
  /** What has been paid on each of these deals (base currency). */
  dealBalances(dealIds: readonly string[]): Promise<Map<string, DealBalance>>;
  /**
   * Each rep's latest published total and grade in these periods (one per period and rep, in no
   * particular order); only these reps' when `repIds` is given. Reads only the figures, so a
   * scorecard round's history of 5,000 reps does not parse 20,000 frozen scorecards.
   */
  publishedTotals(query: { periodKeys: readonly PeriodKey[]; repIds?: readonly string[] }): Promise<PublishedTotal[]>;
  /** The person with this platform identity (`slack:U…`, `lark:ou_…`). */
  personByIdentity(identity: string): Promise<RecordOf<'people'> | null>;
  /**
   * Takes, renews or keeps a lease: true when `owner` holds `id` until `expiresAt` after the call
   * (it was free, expired at `now`, or already theirs); false when someone else holds it. Atomic:
   * of several replicas asking at once, one gets it.
   */
  acquireLease(input: { id: string; owner: string; expiresAt: string; now: string }): Promise<boolean>;
  /** Gives a lease back early (only the owner can). */
  releaseLease(id: string, owner: string): Promise<void>;
  /**
   * Atomically claims up to `limit` outbox items that are due at `now` — pending ones whose
   * `nextAttemptAt` and `notBefore` have passed, oldest first, and `sending` ones whose claim
   * expired (a dispatcher died mid-send: those come back with `recovered: true`) — marking them
   * `sending` for `owner` until `claimUntil`. No item is claimed by two callers.
   */
  claimDeliveries(input: { now: string; owner: string; claimUntil: string; limit: number; platform?: string }): Promise<RecordOf<'outbox'>[]>;
  /**
   * The writes of one submission (a new account and its visit, say), applied atomically and in
   * order: all or nothing. Each is validated and checked like `insert` / `put` / `delete`; a record
   * may point at an earlier one of the batch. A unique key already taken throws CONFLICT and stores nothing.
   */
  writeBatch(writes: readonly BatchWrite[]): Promise<BatchResult>;
  /** Throws UNAVAILABLE when the database cannot be reached. */
  ping(): Promise<void>;
  /**
   * Proves that a write can succeed now (the readiness probe): a small committed write, plus what
   * the adapter can cheaply tell about its files. Throws UNAVAILABLE saying why not (a file that
   * vanished, a full disk, a held lock, read-only or damaged files, a lost primary).
   */
  checkWritable(): Promise<void>;
  close(): Promise<void>;
};
