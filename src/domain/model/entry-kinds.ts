import type { LocalDate } from '../dates.js';
import type { CollectionName, RecordOf } from '../records.js';

/**
 * The kinds of entry a rep records and can later see, change and delete, and where each is stored.
 * Peer reviews are not here: they are replaced by submitting again (submit-peer-review.ts).
 */
export const ENTRY_KINDS = ['visit', 'deal', 'payment', 'feedback', 'intel'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

export const ENTRY_COLLECTION = {
  visit: 'activities',
  deal: 'deals',
  payment: 'payments',
  feedback: 'feedback',
  intel: 'intel',
} as const satisfies Record<EntryKind, CollectionName>;

/** The field holding the day an entry counts on: what decides its quarter. */
export const ENTRY_DATE_FIELD = {
  visit: 'date',
  deal: 'signedDate',
  payment: 'receivedDate',
  feedback: 'date',
  intel: 'date',
} as const satisfies { [K in EntryKind]: keyof RecordOf<(typeof ENTRY_COLLECTION)[K]> };

export type EntryRecord<K extends EntryKind> = RecordOf<(typeof ENTRY_COLLECTION)[K]>;
export type AnyEntry = { [K in EntryKind]: { kind: K; record: EntryRecord<K> } }[EntryKind];

export const entryDate = (e: AnyEntry): LocalDate => (e.record as Record<string, unknown>)[ENTRY_DATE_FIELD[e.kind]] as LocalDate;
