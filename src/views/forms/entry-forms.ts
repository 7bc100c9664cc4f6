import { ACTIVITY_MODES, FEEDBACK_SOURCES } from '../../domain/model/entries.js';
import type { Person } from '../../domain/model/people.js';
import { DEFAULT_TIERS as ACCOUNT_TIERS } from '../../domain/model/accounts.js';
import type { OpenDeal } from '../../domain/read-models/entries.js';
import { fmtMoneyExact } from '../format.js';
import { t, type MessageKey } from '../i18n.js';
import { dateField, ratingOptions, withInitial } from './fields.js';
import type { Field, Form, FormContext, FormValues, Option } from './form.js';

/**
 * The entry forms (`/visit`, `/deal`, `/payment`, `/feedback`, `/intel`, `/peer-review`): what each
 * shows. Their readers, which turn submitted strings into the use cases' inputs, are in the
 * conversation (chat/forms/entry-form-readers.ts). Every builder takes optional `initial` values in
 * the shape its reader reads (field id → string), so an edit form opens with the entry's values.
 */

function accountFields(ctx: FormContext, initial?: Option): Field[] {
  const { locale } = ctx;
  const tiers = ctx.accountTiers?.length ? ctx.accountTiers : ACCOUNT_TIERS;
  return [
    { type: 'search', id: 'account', source: 'accounts', label: t(locale, 'form.account'), hint: t(locale, 'form.account.hint'), optional: true, minQueryLength: 1, ...(initial ? { initial } : {}) },
    { type: 'text', id: 'newAccountName', label: t(locale, 'form.newAccountName'), optional: true, maxLength: 200, onlyWithout: 'account' },
    {
      type: 'select',
      id: 'newAccountTier',
      label: t(locale, 'form.newAccountTier'),
      optional: true,
      onlyWithout: 'account',
      initial: tiers.includes('B') ? 'B' : tiers[tiers.length - 1]!,
      // The default tiers have their names in both languages; a tier HR added is shown as named.
      options: tiers.map((v) => ({ value: v, label: (ACCOUNT_TIERS as readonly string[]).includes(v) ? t(locale, `form.tier.${v}` as MessageKey) : v })),
    },
  ];
}

export function visitForm(ctx: FormContext, prefill: { account?: Option; kind?: string } = {}, initial?: FormValues): Form {
  const { locale } = ctx;
  return {
    id: 'visit',
    title: t(locale, 'form.visit.title'),
    submitLabel: t(locale, 'form.submit'),
    fields: withInitial([
      ...accountFields(ctx, prefill.account),
      dateField(locale, 'date', 'form.date', ctx.today),
      { type: 'select', id: 'mode', label: t(locale, 'form.mode'), initial: 'in_person', options: ACTIVITY_MODES.map((m) => ({ value: m, label: t(locale, `form.mode.${m}`) })) },
      { type: 'text', id: 'contacts', label: t(locale, 'form.contacts'), hint: t(locale, 'form.contacts.hint'), optional: true, maxLength: 1000 },
      { type: 'text', id: 'purpose', label: t(locale, 'form.purpose'), maxLength: 500 },
      { type: 'text', id: 'outcome', label: t(locale, 'form.outcome'), multiline: true, maxLength: 4000 },
      { type: 'text', id: 'nextStep', label: t(locale, 'form.nextStep'), optional: true, maxLength: 500 },
      dateField(locale, 'nextStepDate', 'form.nextStepDate', undefined, true),
    ], initial),
  };
}

export function dealForm(ctx: FormContext, currencies: readonly string[], paymentTermsDays: number, prefill: { account?: Option } = {}, initial?: FormValues): Form {
  const { locale } = ctx;
  return {
    id: 'deal',
    title: t(locale, 'form.deal.title'),
    submitLabel: t(locale, 'form.submit'),
    fields: withInitial([
      ...accountFields(ctx, prefill.account),
      { type: 'number', id: 'amount', label: t(locale, 'form.amount'), decimal: true, min: 0.01 },
      { type: 'select', id: 'currency', label: t(locale, 'form.currency'), initial: ctx.baseCurrency, options: [ctx.baseCurrency, ...currencies.filter((c) => c !== ctx.baseCurrency)].map((c) => ({ value: c, label: c })) },
      { type: 'number', id: 'units', label: t(locale, 'form.units'), decimal: false, min: 0 },
      { type: 'text', id: 'product', label: t(locale, 'form.product'), maxLength: 200 },
      dateField(locale, 'signedDate', 'form.signedDate', ctx.today),
      { ...dateField(locale, 'dueDate', 'form.dueDate', undefined, true), hint: t(locale, 'form.dueDate.hint', { days: paymentTermsDays }) },
    ], initial),
  };
}

export function paymentForm(ctx: FormContext, deals: readonly (OpenDeal & { accountName: string })[], initial?: FormValues): Form {
  const { locale } = ctx;
  return {
    id: 'payment',
    title: t(locale, 'form.payment.title'),
    submitLabel: t(locale, 'form.submit'),
    ...(deals.length === 0 ? { intro: t(locale, 'form.error.noOpenDeals') } : {}),
    fields: withInitial([
      {
        type: 'select',
        id: 'dealId',
        label: t(locale, 'form.dealId'),
        options: deals.slice(0, 100).map((d) => ({
          value: d.dealId,
          label: t(locale, 'form.dealOption', { account: d.accountName, product: d.product, date: d.signedDate, outstanding: fmtMoneyExact(locale, d.outstanding, d.currency) }),
        })),
      },
      { type: 'number', id: 'amount', label: t(locale, 'form.amount'), decimal: true, min: 0.01 },
      dateField(locale, 'receivedDate', 'form.receivedDate', ctx.today),
    ], initial),
  };
}

export function feedbackForm(ctx: FormContext, prefill: { account?: Option } = {}, initial?: FormValues): Form {
  const { locale } = ctx;
  return {
    id: 'feedback',
    title: t(locale, 'form.feedback.title'),
    submitLabel: t(locale, 'form.submit'),
    fields: withInitial([
      { type: 'search', id: 'accountId', source: 'accounts', label: t(locale, 'form.accountId'), minQueryLength: 1, ...(prefill.account ? { initial: prefill.account } : {}) },
      { type: 'select', id: 'service', label: t(locale, 'form.service'), options: ratingOptions(locale) },
      { type: 'select', id: 'product', label: t(locale, 'form.productQuality'), options: ratingOptions(locale) },
      { type: 'select', id: 'source', label: t(locale, 'form.source'), initial: 'customer', options: FEEDBACK_SOURCES.map((s) => ({ value: s, label: t(locale, `form.source.${s}`) })) },
      { type: 'text', id: 'comment', label: t(locale, 'form.comment'), multiline: true, optional: true, maxLength: 4000 },
      dateField(locale, 'date', 'form.date', ctx.today),
    ], initial),
  };
}

export function intelForm(ctx: FormContext, prefill: { topic?: string } = {}, initial?: FormValues): Form {
  const { locale } = ctx;
  return {
    id: 'intel',
    title: t(locale, 'form.intel.title'),
    submitLabel: t(locale, 'form.submit'),
    fields: withInitial([
      { type: 'text', id: 'topic', label: t(locale, 'form.topic'), maxLength: 200, ...(prefill.topic ? { initial: prefill.topic } : {}) },
      { type: 'text', id: 'text', label: t(locale, 'form.text'), multiline: true, maxLength: 4000 },
    ], initial),
  };
}

export function peerReviewForm(ctx: FormContext, teammates: readonly Person[], prefill: { toId?: string } = {}, initial?: FormValues): Form {
  const { locale } = ctx;
  return {
    id: 'peer-review',
    title: t(locale, 'form.peer-review.title'),
    submitLabel: t(locale, 'form.submit'),
    ...(teammates.length === 0 ? { intro: t(locale, 'form.error.noTeammates') } : {}),
    fields: withInitial([
      { type: 'select', id: 'toId', label: t(locale, 'form.toId'), options: teammates.map((p) => ({ value: p.id, label: p.name })), ...(prefill.toId ? { initial: prefill.toId } : {}) },
      { type: 'select', id: 'collaboration', label: t(locale, 'form.collaboration'), options: ratingOptions(locale) },
      { type: 'text', id: 'comment', label: t(locale, 'form.comment'), multiline: true, optional: true, maxLength: 4000 },
    ], initial),
  };
}
