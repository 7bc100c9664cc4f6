import { AppError } from '../../domain/errors.js';
import type { Account } from '../../domain/model/accounts.js';
import type { Survey } from '../../domain/model/survey.js';
import type { AppDeps } from '../deps.js';
import { today } from '../guards.js';
import { surveyTokenHash } from './request-survey.js';

/** Why a link cannot be answered: never existed (or mistyped), already answered, or past its date. */
export type SurveyClosed = 'unknown' | 'answered' | 'expired';

export type OpenSurvey = { ok: true; survey: Survey; account: Account } | { ok: false; reason: SurveyClosed };

const TOKEN_RE = /^[A-Za-z0-9_-]{20,64}$/;

/** The survey a link's token opens, if it can still be answered. */
export async function openSurvey(deps: Pick<AppDeps, 'store' | 'clock'>, token: string): Promise<OpenSurvey> {
  if (!TOKEN_RE.test(token)) return { ok: false, reason: 'unknown' };
  const [survey] = await deps.store.surveys.find({ tokenHash: surveyTokenHash(token) }, { limit: 1 });
  if (!survey) return { ok: false, reason: 'unknown' };
  if (survey.answeredAt) return { ok: false, reason: 'answered' };
  if (deps.clock.now().toISOString() > survey.expiresAt) return { ok: false, reason: 'expired' };
  const account = await deps.store.accounts.get(survey.accountId);
  return account ? { ok: true, survey, account } : { ok: false, reason: 'unknown' };
}

const rating = (v: string | undefined, field: string): number => {
  const n = Number(v);
  if (!v || !/^[1-5]$/.test(v.trim()) || !Number.isInteger(n)) {
    throw new AppError('VALIDATION', `${field}: not 1-5`, { params: { messageId: 'fairness.survey.page.badRating' }, issues: [{ path: field, message: 'choose 1 to 5' }] });
  }
  return n;
};

/**
 * A customer's answer from the survey page: both ratings 1–5 and an optional comment, with the
 * form's key (a form not served by the bot for this survey is refused). Stored as customer-entered
 * feedback for the rep who asked, and the link spent, in one batch; the feedback's requestId is the
 * survey's, so two answers sent at once (on two replicas, say) store one.
 */
export async function answerSurvey(
  deps: AppDeps,
  token: string,
  input: { service?: string | undefined; product?: string | undefined; comment?: string | undefined; formKey?: string | undefined },
): Promise<{ ok: true } | { ok: false; reason: SurveyClosed | 'forged' }> {
  const open = await openSurvey(deps, token);
  if (!open.ok) return open;
  const { survey } = open;
  if (input.formKey !== survey.formKey) return { ok: false, reason: 'forged' };
  const service = rating(input.service, 'service');
  const product = rating(input.product, 'product');
  const comment = (input.comment ?? '').trim();
  if (comment.length > 4000) throw new AppError('VALIDATION', 'comment too long', { params: { messageId: 'fairness.survey.page.longComment' }, issues: [{ path: 'comment', message: 'at most 4000 characters' }] });
  const at = deps.clock.now().toISOString();
  const feedbackId = deps.newId();
  const done = await deps.store.writeBatch([
    {
      op: 'insert',
      collection: 'feedback',
      record: { id: feedbackId, repId: survey.repId, accountId: survey.accountId, date: today(deps), service, product, comment, source: 'survey', enteredBy: 'customer', requestId: `survey:${survey.id}`, createdAt: at },
    },
    { op: 'put', collection: 'surveys', record: { ...survey, answeredAt: at, feedbackId } },
  ]);
  return done.created ? { ok: true } : { ok: false, reason: 'answered' };
}
