import type { EntryEdit } from '../../application/entries/edit-entry.js';
import type { EntryToEdit } from '../../application/entries/entry-to-edit.js';
import type { EntryRef } from '../../application/entries/own-entry.js';
import type { Locale } from '../../domain/model/fields.js';
import { t } from '../i18n.js';
import { dealForm, feedbackForm, intelForm, paymentForm, readDealForm, readFeedbackForm, readIntelForm, readPaymentForm, readVisitForm, visitForm } from './entry-forms.js';
import type { Form, FormContext, FormValues } from './form.js';

/**
 * Editing an entry: the form that logged it, opened with the entry's current values, and read back
 * by the same reader into the edit use case's input (which keeps the entry's own requestId).
 */

/** A stored entry as the values its form submits (field id → string). */
export function entryValues({ entry }: EntryToEdit): FormValues {
  switch (entry.kind) {
    case 'visit': {
      const v = entry.record;
      return { account: v.accountId, date: v.date, mode: v.mode, contacts: v.contacts.join(', '), purpose: v.purpose, outcome: v.outcome, nextStep: v.nextStep, nextStepDate: v.nextStepDate };
    }
    case 'deal': {
      const d = entry.record;
      return { account: d.accountId, amount: String(d.amount), currency: d.currency, units: String(d.units), product: d.product, signedDate: d.signedDate, dueDate: d.dueDate };
    }
    case 'payment':
      return { dealId: entry.record.dealId, amount: String(entry.record.amount), receivedDate: entry.record.receivedDate };
    case 'feedback': {
      const f = entry.record;
      return { accountId: f.accountId, service: String(f.service), product: String(f.product), source: f.source, comment: f.comment, date: f.date };
    }
    case 'intel':
      return { topic: entry.record.topic, text: entry.record.text };
  }
}

export function editForm(ctx: FormContext, toEdit: EntryToEdit, deal: { currencies: readonly string[]; paymentTermsDays: number }): Form {
  const values = entryValues(toEdit);
  const account = toEdit.account ? { value: toEdit.account.id, label: toEdit.account.name } : undefined;
  const form = ((): Form => {
    switch (toEdit.entry.kind) {
      case 'visit':
        return visitForm(ctx, { account }, values);
      case 'deal':
        return dealForm(ctx, deal.currencies, deal.paymentTermsDays, { account }, values);
      case 'payment':
        return paymentForm(ctx, toEdit.deal ? [toEdit.deal] : [], values);
      case 'feedback':
        return feedbackForm(ctx, { account }, values);
      case 'intel':
        return intelForm(ctx, {}, values);
    }
  })();
  return { ...form, title: t(ctx.locale, `form.edit.${toEdit.entry.kind}`) };
}

/**
 * A submitted edit form as the edit use case's input. `activityKind` is the visit's own kind (visit,
 * call, follow-up), which the form does not show and the edit keeps.
 */
export function readEditForm(ref: EntryRef, values: FormValues, locale: Locale, activityKind?: string): EntryEdit {
  // The readers take a requestId for new entries; an edit keeps the entry's own, so none is sent.
  const NONE = '';
  const { id } = ref;
  switch (ref.kind) {
    case 'visit': {
      const { requestId: _, ...input } = readVisitForm(values, locale, NONE, activityKind);
      return { kind: 'visit', id, input };
    }
    case 'deal': {
      const { requestId: _, ...input } = readDealForm(values, locale, NONE);
      return { kind: 'deal', id, input };
    }
    case 'payment': {
      const { requestId: _, ...input } = readPaymentForm(values, locale, NONE);
      return { kind: 'payment', id, input };
    }
    case 'feedback': {
      const { requestId: _, ...input } = readFeedbackForm(values, locale, NONE);
      return { kind: 'feedback', id, input };
    }
    case 'intel': {
      const { requestId: _, ...input } = readIntelForm(values, locale, NONE);
      return { kind: 'intel', id, input };
    }
  }
}
