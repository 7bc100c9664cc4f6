import type { AppDeps } from '../application/deps.js';
import { requestSurvey } from '../application/surveys/request-survey.js';
import { todayIn } from '../domain/dates.js';
import type { Person } from '../domain/model/people.js';
import { t } from '../views/i18n.js';
import { textView, type ChatAnswer, type ChatRequest } from './port.js';

/** Whether `/feedback …` asks for a survey link rather than the feedback form. */
export const isSurveyRequest = (req: ChatRequest): boolean => ['survey', '调查'].includes((req.words[0] ?? '').toLowerCase());

/** `/feedback survey <account> [contact]`: a one-time link for the customer to answer themselves. */
export async function surveyAnswer(deps: AppDeps, actor: Person, req: ChatRequest): Promise<ChatAnswer> {
  const words = req.words.slice(1);
  if (words.length === 0) return { view: textView(t(actor.locale, 'fairness.survey.usage')) };
  const { survey, url, account } = await requestSurvey(deps, actor, { words, publicUrl: deps.settings.publicUrl });
  const contact = survey.contact ? `${survey.contact}, ` : '';
  const date = todayIn(deps.settings.companyTimeZone, new Date(survey.expiresAt));
  return { view: textView(t(actor.locale, 'fairness.survey.created', { contact, account: account.name, date, url })) };
}
