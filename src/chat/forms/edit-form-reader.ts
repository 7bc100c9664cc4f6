import type { EntryEdit } from '../../application/entries/edit-entry.js';
import type { EntryRef } from '../../application/entries/own-entry.js';
import type { Locale } from '../../domain/model/fields.js';
import type { FormValues } from '../../views/forms/form.js';
import { readDealForm, readFeedbackForm, readIntelForm, readPaymentForm, readVisitForm } from './entry-form-readers.js';

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
