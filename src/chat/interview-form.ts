import type { AppDeps } from '../application/deps.js';
import { selfReviewOf } from '../application/cycle/self-review.js';
import { draftPlan } from '../application/interviews/draft-plan.js';
import { logInterview } from '../application/interviews/log-interview.js';
import { AppError } from '../domain/errors.js';
import { PLATFORMS } from '../domain/model/delivery.js';
import type { Person } from '../domain/model/people.js';
import { interviewForm } from '../views/forms/interview-form.js';
import { interviewFormLines } from './forms/interview-form-reader.js';
import type { Form, FormContext, FormValues } from '../views/forms/form.js';
import { t } from '../views/i18n.js';
import { parseLogLines } from './interview-lines.js';
import { fanOutPlatforms } from './port.js';
import { selfReviewLine } from './self-and-leave.js';

/**
 * The interview as a form (Slack modal, Lark card form, console prompts): what `/interview log @rep`
 * opens when no lines follow it. The form carries `<rep id>|<period>` as its kind, so the
 * submission knows whose interview it logs.
 */
export async function interviewLogForm(deps: AppDeps, actor: Person, fc: FormContext, input: { rep: Person; period?: string | undefined }, initial?: FormValues): Promise<{ form: Form; kind: string }> {
  const d = await draftPlan(deps, actor, { rep: input.rep, period: input.period });
  const self = await selfReviewOf(deps, d.rep.id, d.period.key);
  const form = interviewForm(fc, { repName: d.rep.name, periodKey: d.period.key, goals: d.goals, ...(self ? { intro: selfReviewLine(actor.locale, self) } : {}) }, initial);
  return { form, kind: `${d.rep.id}|${d.period.key}` };
}

async function repOfKind(deps: AppDeps, kind: string | undefined): Promise<{ rep: Person; period: string }> {
  const [repId = '', period = ''] = (kind ?? '').split('|');
  const rep = repId ? await deps.store.people.get(repId) : null;
  if (!rep || !period) throw new AppError('VALIDATION', 'interview form without its rep', { params: { messageId: 'lark.staleCard' } });
  return { rep, period };
}

/** A submitted interview form: logged as `/interview log` would with the same lines. */
export async function submitInterviewForm(deps: AppDeps, actor: Person, input: { values: FormValues; kind?: string | undefined; platform: string }): Promise<{ text: string }> {
  const { rep, period } = await repOfKind(deps, input.kind);
  const platforms = fanOutPlatforms(deps.settings.platforms, PLATFORMS.filter((p) => p === input.platform));
  const { interview } = await logInterview(deps, actor, { rep, period, ...parseLogLines(interviewFormLines(input.values)), platforms });
  return { text: t(actor.locale, 'interview.logged', { name: rep.name, period: interview.periodKey }) };
}

/** The interview form again (a refused submission shows it with what was sent). */
export async function rebuildInterviewForm(deps: AppDeps, actor: Person, fc: FormContext, kind: string | undefined, values: FormValues): Promise<Form> {
  const { rep, period } = await repOfKind(deps, kind);
  return (await interviewLogForm(deps, actor, fc, { rep, period }, values)).form;
}
