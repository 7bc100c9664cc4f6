import type { Activity, Deal, Payment } from '../model/entries.js';

/** What logging an entry answers, for the confirmation the rep reads. */

export interface VisitLogged {
  activity: Activity;
  accountName: string;
  accountCreated: boolean;
  /** False when the same request was already stored (a platform retry): nothing new was saved. */
  created: boolean;
  /** The rep's visits this quarter so far and the quarter's target (null without one). */
  quarter: { key: string; visits: number; target: number | null };
}

export interface DealLogged {
  deal: Deal;
  accountName: string;
  created: boolean;
  /** The account's first deal: a new customer won this period. */
  newCustomer: boolean;
}

export interface PaymentLogged {
  payment: Payment;
  created: boolean;
  /** What is still due on the deal after this payment, in the deal's currency. */
  remaining: number;
  currency: string;
}
