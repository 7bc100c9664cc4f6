import type { EntryToEdit } from '../../domain/read-models/entries.js';
import { t } from '../i18n.js';
import { dealForm, feedbackForm, intelForm, paymentForm, visitForm } from './entry-forms.js';
import type { Form, FormContext, FormValues } from './form.js';

/**
 * Editing an entry: the form that logged it, opened with the entry's current values. It is read
 * back by the same reader into the edit use case's input (chat/forms/edit-form-reader.ts).
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
