import type { Appeal } from '../../domain/model/cycle.js';
import type { Locale } from '../../domain/model/fields.js';
import { t } from '../i18n.js';
import type { Form, FormValues } from './form.js';
import { withInitial } from './fields.js';

export type AppealVerdict = 'accept' | 'reject';

/**
 * HR's decision on an appeal, opened by the Accept… / Reject… buttons: accepting asks for the
 * points and the reason, rejecting for the reason (the rep reads it).
 */
export function appealDecisionForm(
  locale: Locale,
  x: { verdict: AppealVerdict; appeal: Appeal; label: string; repName: string },
  initial?: FormValues,
): Form {
  const accept = x.verdict === 'accept';
  return {
    id: 'appeal-decision',
    title: t(locale, accept ? 'fairness.appeal.form.acceptTitle' : 'fairness.appeal.form.rejectTitle', { label: x.label }).slice(0, 24),
    submitLabel: t(locale, accept ? 'fairness.appeal.form.accept' : 'fairness.appeal.form.reject'),
    intro: t(locale, 'fairness.appeal.form.intro', { name: x.repName, period: x.appeal.periodKey, version: x.appeal.resultVersion, reason: x.appeal.reason }),
    fields: withInitial(
      [
        ...(accept ? [{ type: 'number' as const, id: 'delta', label: t(locale, 'fairness.appeal.form.delta'), hint: t(locale, 'fairness.appeal.form.deltaHint'), decimal: true, min: -100, max: 100 }] : []),
        { type: 'text', id: 'reason', label: t(locale, 'fairness.appeal.form.reason'), multiline: true, maxLength: 2000 },
      ],
      initial,
    ),
  };
}
