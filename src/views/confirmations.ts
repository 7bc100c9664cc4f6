import type { DealLogged, PaymentLogged, VisitLogged } from '../domain/read-models/entry-logged.js';
import type { Feedback, PeerReview } from '../domain/model/entries.js';
import type { Locale } from '../domain/model/fields.js';
import { fmtCount, fmtMoneyExact, fmtNumber } from './format.js';
import { t } from './i18n.js';

/** What the user reads after a form was saved: what was stored and where they now stand. */

export function visitConfirmation(locale: Locale, r: VisitLogged): string {
  if (!r.created) return t(locale, 'confirm.duplicate');
  const target = r.quarter.target === null ? '' : t(locale, 'confirm.visit.target', { target: fmtCount(locale, r.quarter.target) });
  return (
    t(locale, 'confirm.visit', { kind: t(locale, `confirm.kind.${r.activity.kind}`), account: r.accountName, date: r.activity.date, count: r.quarter.visits, target }) +
    (r.accountCreated ? t(locale, 'confirm.newAccount', { account: r.accountName }) : '')
  );
}

export function dealConfirmation(locale: Locale, r: DealLogged): string {
  if (!r.created) return t(locale, 'confirm.duplicate');
  const d = r.deal;
  return (
    t(locale, 'confirm.deal', { account: r.accountName, amount: fmtMoneyExact(locale, d.amount, d.currency), units: fmtNumber(locale, d.units), product: d.product, date: d.signedDate, due: d.dueDate }) +
    (r.newCustomer ? t(locale, 'confirm.newCustomer', { account: r.accountName }) : '')
  );
}

export function paymentConfirmation(locale: Locale, r: PaymentLogged): string {
  if (!r.created) return t(locale, 'confirm.duplicate');
  return t(locale, 'confirm.payment', { amount: fmtMoneyExact(locale, r.payment.amount, r.currency), date: r.payment.receivedDate, remaining: fmtMoneyExact(locale, r.remaining, r.currency) });
}

export function feedbackConfirmation(locale: Locale, r: { feedback: Feedback; accountName: string; created: boolean }): string {
  if (!r.created) return t(locale, 'confirm.duplicate');
  return t(locale, 'confirm.feedback', { account: r.accountName, service: r.feedback.service, product: r.feedback.product });
}

export function intelConfirmation(locale: Locale, r: { topic: string; created: boolean; posted: boolean }): string {
  if (!r.created) return t(locale, 'confirm.duplicate');
  return t(locale, 'confirm.intel', { topic: r.topic }) + t(locale, r.posted ? 'confirm.intel.posted' : 'confirm.intel.noChannel');
}

export function peerReviewConfirmation(locale: Locale, r: { review: PeerReview; replaced: boolean; name: string }): string {
  return t(locale, r.replaced ? 'confirm.peerReview.replaced' : 'confirm.peerReview', { name: r.name, period: r.review.periodKey });
}
