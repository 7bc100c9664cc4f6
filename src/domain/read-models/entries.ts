import type { LocalDate } from '../dates.js';
import type { ACTIVITY_KINDS } from '../model/entries.js';
import type { AnyEntry } from '../model/entry-kinds.js';

/** A rep's deal with money still due: a choice of the `/payment` form. */
export interface OpenDeal {
  dealId: string;
  accountId: string;
  product: string;
  signedDate: string;
  currency: string;
  amount: number;
  /** Still due, in the deal's currency. */
  outstanding: number;
}

/** One of the actor's entries as an edit form shows it: the record, its account, and a payment's deal. */
export interface EntryToEdit {
  entry: AnyEntry;
  /** The entry's account (a payment's through its deal); null for intel. */
  account: { id: string; name: string } | null;
  /**
   * A payment's deal, with what is still due not counting this payment: the most it may be edited to.
   * Null for the other kinds.
   */
  deal: (OpenDeal & { accountName: string }) | null;
}

interface EntryBase {
  id: string;
  /** The day the entry counts on (a deal's signed date, a payment's received date). */
  date: LocalDate;
  createdAt: string;
  /** False once its quarter is closed for entries: then it can no longer be edited or deleted. */
  editable: boolean;
}

/** One line of "your latest entries": enough to recognise the entry, not the whole record. */
export type RecentEntry = EntryBase &
  (
    | { kind: 'visit'; activity: (typeof ACTIVITY_KINDS)[number]; accountName: string; purpose: string }
    | { kind: 'deal'; accountName: string; product: string; amount: number; currency: string }
    | { kind: 'payment'; accountName: string; product: string; amount: number; currency: string }
    | { kind: 'feedback'; accountName: string; service: number; productRating: number }
    | { kind: 'intel'; topic: string }
  );
