import type { AccountChoice, DealInput, FeedbackInput, IntelInput, PaymentInput, PeerReviewInput, VisitInput } from '../../application/entries/inputs.js';
import type { FormContext, FormValues } from '../../views/forms/form.js';
import { FormReader } from './form-reader.js';

/**
 * The entry forms' readers: each turns a submitted form (field id → string, the fields its builder
 * in views/forms/entry-forms.ts shows) into the use case's input. The use case does the full
 * validation, and both report problems by field id. Here, not in views/, because building a use
 * case's input is the conversation's job: a view only says what a form shows.
 */

function readAccount(r: FormReader): AccountChoice | undefined {
  const id = r.text('account');
  if (id) return { accountId: id };
  const name = r.text('newAccountName');
  if (name) return { newAccountName: name, newAccountTier: r.text('newAccountTier') ?? 'B' };
  r.issue('account', 'form.error.accountOrNew');
  return undefined;
}

export function readVisitForm(values: FormValues, locale: FormContext['locale'], requestId: string, kind?: string): VisitInput {
  const r = new FormReader(values, locale);
  const account = readAccount(r);
  const input = {
    requestId,
    account: account!,
    date: r.text('date'),
    ...(kind ? { kind: kind as VisitInput['kind'] } : {}),
    mode: (r.text('mode') ?? 'in_person') as VisitInput['mode'],
    contacts: r.list('contacts'),
    purpose: r.required('purpose') ?? '',
    outcome: r.required('outcome') ?? '',
    nextStep: r.text('nextStep'),
    nextStepDate: r.text('nextStepDate'),
  };
  return r.done(input);
}

export function readDealForm(values: FormValues, locale: FormContext['locale'], requestId: string): DealInput {
  const r = new FormReader(values, locale);
  const account = readAccount(r);
  const input = {
    requestId,
    account: account!,
    amount: r.number('amount', { required: true })!,
    currency: r.text('currency'),
    units: r.number('units', { whole: true, required: true })!,
    product: r.required('product') ?? '',
    signedDate: r.text('signedDate'),
    dueDate: r.text('dueDate'),
  };
  return r.done(input);
}

export function readPaymentForm(values: FormValues, locale: FormContext['locale'], requestId: string): PaymentInput {
  const r = new FormReader(values, locale);
  return r.done({ requestId, dealId: r.required('dealId') ?? '', amount: r.number('amount', { required: true })!, receivedDate: r.text('receivedDate') });
}

export function readFeedbackForm(values: FormValues, locale: FormContext['locale'], requestId: string): FeedbackInput {
  const r = new FormReader(values, locale);
  return r.done({
    requestId,
    accountId: r.required('accountId') ?? '',
    service: r.number('service', { whole: true, required: true })!,
    product: r.number('product', { whole: true, required: true })!,
    source: (r.text('source') ?? 'customer') as FeedbackInput['source'],
    comment: r.text('comment') ?? '',
    date: r.text('date'),
  });
}

export function readIntelForm(values: FormValues, locale: FormContext['locale'], requestId: string): IntelInput {
  const r = new FormReader(values, locale);
  return r.done({ requestId, topic: r.required('topic') ?? '', text: r.required('text') ?? '' });
}

export function readPeerReviewForm(values: FormValues, locale: FormContext['locale'], requestId: string): PeerReviewInput {
  const r = new FormReader(values, locale);
  return r.done({ requestId, toId: r.required('toId') ?? '', collaboration: r.number('collaboration', { whole: true, required: true })!, comment: r.text('comment') ?? '' });
}
