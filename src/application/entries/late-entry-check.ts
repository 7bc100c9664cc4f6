import type { LocalDate } from '../../domain/dates.js';
import type { LateEntryKind } from '../../domain/model/cycle.js';
import type { Locale } from '../../domain/model/fields.js';
import type { Person } from '../../domain/model/people.js';
import { t } from '../../views/i18n.js';
import type { AppDeps } from '../deps.js';
import { today, unknownRef } from '../guards.js';
import { parseInput } from '../validate.js';
import { DealInput, FeedbackInput, IntelInput, PaymentInput, VisitInput, type AccountChoice } from './inputs.js';
import { dealFields } from './log-deal.js';
import { feedbackFields } from './log-feedback.js';
import { paidOn, paymentFields, receivedDateOf } from './log-payment.js';
import { visitFields } from './log-visit.js';

/**
 * A late entry is checked by the same rules as an entry on time (the `*Fields` functions of the
 * log use cases), only the close date let through, and nothing written: a new account named in it
 * is created when the manager approves. What comes back is what the LateEntry keeps.
 */
export interface CheckedLateEntry {
  /** The date that decides the entry's period. */
  date: LocalDate;
  /** The parsed input without its requestId, as JSON: what approval submits again. */
  input: Record<string, unknown>;
  /** The one line for the manager, in a given language. */
  summary: (locale: Locale) => string;
}

const LATE = { allowLate: true } as const;

async function accountName(deps: Pick<AppDeps, 'store'>, choice: AccountChoice, field: string): Promise<string> {
  if ('newAccountName' in choice) return choice.newAccountName;
  const account = await deps.store.accounts.get(choice.accountId);
  if (!account) throw unknownRef(field, 'account', choice.accountId);
  return account.name;
}

/** JSON of the parsed input, without the requestId (approval gives it its own) and without undefined values. */
const stored = (input: { requestId: string }): Record<string, unknown> => {
  const { requestId: _omit, ...rest } = input;
  return JSON.parse(JSON.stringify(rest)) as Record<string, unknown>;
};

type Checker = (deps: AppDeps, actor: Person, raw: unknown) => Promise<CheckedLateEntry>;

const CHECKERS: Record<LateEntryKind, Checker> = {
  visit: async (deps, _actor, raw) => {
    const input = parseInput(VisitInput, raw);
    const fields = await visitFields(deps, input, LATE);
    const account = await accountName(deps, input.account, 'account');
    return { date: fields.date, input: stored(input), summary: (l) => t(l, 'lifecycle.late.summary.visit', { account, date: fields.date }) };
  },
  deal: async (deps, _actor, raw) => {
    const input = parseInput(DealInput, raw);
    const f = await dealFields(deps, input, LATE);
    const account = await accountName(deps, input.account, 'account');
    return {
      date: f.signedDate,
      input: stored(input),
      summary: (l) => t(l, 'lifecycle.late.summary.deal', { account, date: f.signedDate, amount: f.amount, currency: f.currency, product: f.product }),
    };
  },
  payment: async (deps, actor, raw) => {
    const input = parseInput(PaymentInput, raw);
    const deal = await deps.store.deals.get(input.dealId);
    if (!deal || deal.repId !== actor.id) throw unknownRef('dealId', 'deal', input.dealId);
    const date = await receivedDateOf(deps, deal, input.receivedDate, LATE);
    paymentFields(deal, input.amount, date, await paidOn(deps, deal.id));
    const account = (await deps.store.accounts.get(deal.accountId))?.name ?? deal.accountId;
    return { date, input: stored(input), summary: (l) => t(l, 'lifecycle.late.summary.payment', { amount: input.amount, currency: deal.currency, date, account }) };
  },
  feedback: async (deps, _actor, raw) => {
    const input = parseInput(FeedbackInput, raw);
    const { fields, account } = await feedbackFields(deps, input, LATE);
    return {
      date: fields.date,
      input: stored(input),
      summary: (l) => t(l, 'lifecycle.late.summary.feedback', { account: account.name, date: fields.date, service: fields.service, product: fields.product }),
    };
  },
  intel: async (deps, _actor, raw) => {
    const input = parseInput(IntelInput, raw);
    const date = today(deps);
    return { date, input: stored(input), summary: (l) => t(l, 'lifecycle.late.summary.intel', { topic: input.topic, date }) };
  },
};

export const checkLateEntry = (deps: AppDeps, actor: Person, kind: LateEntryKind, raw: unknown): Promise<CheckedLateEntry> => CHECKERS[kind](deps, actor, raw);
