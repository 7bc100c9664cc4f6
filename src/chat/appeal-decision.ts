import { acceptAppeal, rejectAppeal } from '../application/cycle/appeal-decision.js';
import { appealByRef, appealLabel } from '../application/cycle/appeal-number.js';
import { requireHr } from '../application/cycle/cycles.js';
import type { AppDeps } from '../application/deps.js';
import { AppError } from '../domain/errors.js';
import { PLATFORMS } from '../domain/model/delivery.js';
import type { Person } from '../domain/model/people.js';
import { appealDecisionForm, type AppealVerdict } from '../views/forms/appeal-decision-form.js';
import type { Form, FormValues } from '../views/forms/form.js';
import { t } from '../views/i18n.js';
import { fanOutPlatforms, type FormToOpen } from './port.js';

/**
 * HR decides an appeal with buttons (Accept… / Reject… on the appeal's notice and in `/appeal
 * list`) instead of typing its number: each opens a form, whose kind (`accept|<appeal id>`) rides
 * to the submission. `/appeal accept 12 …` keeps working and runs the same use cases.
 */
export { APPEAL_ACCEPT_BUTTON as APPEAL_ACCEPT, APPEAL_REJECT_BUTTON as APPEAL_REJECT } from '../views/reward-views.js';

const stale = () => new AppError('VALIDATION', 'appeal form without its appeal', { params: { messageId: 'fairness.appeal.form.stale' } });

function verdictOf(kind: string | undefined): { verdict: AppealVerdict; appealId: string } {
  const [verdict, appealId] = (kind ?? '').split('|');
  if ((verdict !== 'accept' && verdict !== 'reject') || !appealId) throw stale();
  return { verdict, appealId };
}

async function decisionForm(deps: AppDeps, actor: Person, kind: string | undefined, initial?: FormValues): Promise<{ form: Form; kind: string }> {
  requireHr(actor, 'decide on an appeal');
  const { verdict, appealId } = verdictOf(kind);
  const appeal = await appealByRef(deps, appealId);
  if (!appeal) throw new AppError('NOT_FOUND', `no appeal ${appealId}`, { params: { messageId: 'rewards.error.noAppeal' } });
  if (appeal.state !== 'pending') throw new AppError('CONFLICT', `appeal ${appeal.id} is ${appeal.state}`, { params: { messageId: 'rewards.error.appealDecided', state: appeal.state } });
  const rep = await deps.store.people.get(appeal.repId);
  const form = appealDecisionForm(actor.locale, { verdict, appeal, label: appealLabel(appeal), repName: rep?.name ?? appeal.repId }, initial);
  return { form, kind: `${verdict}|${appeal.id}` };
}

/** The Accept… / Reject… button (value: the appeal's id): HR only, a pending appeal only. */
export const appealDecisionButton =
  (verdict: AppealVerdict) =>
  async (deps: AppDeps, actor: Person, value: string): Promise<FormToOpen> =>
    decisionForm(deps, actor, `${verdict}|${value}`);

/** The form submitted: the appeal accepted or rejected exactly as the typed command would. */
export async function submitAppealDecision(deps: AppDeps, actor: Person, input: { values: FormValues; kind?: string | undefined; platform: string }): Promise<{ text: string }> {
  const { verdict, appealId } = verdictOf(input.kind);
  const platforms = fanOutPlatforms(deps.settings.platforms, PLATFORMS.filter((p) => p === input.platform));
  const reason = (input.values.reason ?? '').trim();
  if (verdict === 'accept') {
    const a = await acceptAppeal(deps, actor, { ref: { appealId }, delta: (input.values.delta ?? '').trim() || undefined, reason, platforms });
    const rep = await deps.store.people.get(a.appeal.repId);
    return { text: t(actor.locale, 'rewards.appeal.acceptedDone', { id: appealLabel(a.appeal), name: rep?.name ?? a.appeal.repId, version: a.after.version }) };
  }
  const appeal = await rejectAppeal(deps, actor, { ref: { appealId }, reason, platforms });
  const rep = await deps.store.people.get(appeal.repId);
  return { text: t(actor.locale, 'rewards.appeal.rejectedDone', { id: appealLabel(appeal), name: rep?.name ?? appeal.repId }) };
}

/** The form again after a refusal, with what was typed. */
export const rebuildAppealDecisionForm = async (deps: AppDeps, actor: Person, kind: string | undefined, values: FormValues): Promise<Form> =>
  (await decisionForm(deps, actor, kind, values)).form;
