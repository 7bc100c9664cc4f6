import type { PlanGoal } from '../../domain/model/cycle.js';
import { t } from '../i18n.js';
import type { Form, FormContext, FormValues } from './form.js';
import { withInitial } from './fields.js';

/**
 * `/interview log @rep` without lines opens this form: the notes, the rep's view, and the
 * improvement plan's goals, one per line ("text by YYYY-MM-DD"), prefilled from the rep's weakest
 * weighted indicators for the manager to edit.
 */
export function interviewForm(ctx: FormContext, x: { repName: string; periodKey: string; goals: readonly Pick<PlanGoal, 'text' | 'dueDate'>[]; intro?: string }, initial?: FormValues): Form {
  const { locale } = ctx;
  const by = t(locale, 'interview.form.by');
  return {
    id: 'interview',
    title: t(locale, 'interview.form.title', { name: x.repName, period: x.periodKey }).slice(0, 24),
    submitLabel: t(locale, 'form.submit'),
    ...(x.intro ? { intro: x.intro } : {}),
    fields: withInitial(
      [
        { type: 'text', id: 'notes', label: t(locale, 'interview.form.notes'), multiline: true, optional: true, maxLength: 4000 },
        { type: 'text', id: 'view', label: t(locale, 'interview.form.view'), multiline: true, optional: true, maxLength: 4000 },
        {
          type: 'text',
          id: 'goals',
          label: t(locale, 'interview.form.goals'),
          hint: t(locale, 'interview.form.goalsHint'),
          multiline: true,
          maxLength: 3000,
          initial: x.goals.map((g) => `${g.text} ${by} ${g.dueDate}`).join('\n'),
        },
      ],
      initial,
    ),
  };
}
