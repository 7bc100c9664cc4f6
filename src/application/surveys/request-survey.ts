import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../../domain/errors.js';
import { accountNameKey, type Account } from '../../domain/model/accounts.js';
import { hasRole, type Person } from '../../domain/model/people.js';
import type { Survey } from '../../domain/model/survey.js';
import type { AppDeps } from '../deps.js';
import { audit } from '../cycle/cycles.js';

/** How long a survey link can be answered. */
export const SURVEY_VALID_DAYS = 14;

export const surveyTokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

/**
 * The account the words name (the longest run of leading words that is an account's name) and the
 * contact (the words after it): `Acme Corp Jane Doe` → Acme Corp, "Jane Doe".
 */
async function accountAndContact(deps: Pick<AppDeps, 'store'>, words: readonly string[]): Promise<{ account: Account; contact: string }> {
  for (let n = words.length; n > 0; n--) {
    const [account] = await deps.store.accounts.find({ nameKey: accountNameKey(words.slice(0, n).join(' ')) }, { limit: 1 });
    if (account) return { account, contact: words.slice(n).join(' ').trim() };
  }
  throw new AppError('NOT_FOUND', `no account named in "${words.join(' ')}"`, {
    params: { messageId: 'fairness.survey.noAccount', text: words.join(' ') || '—' },
    issues: [{ path: 'account', message: 'name an existing account' }],
  });
}

/**
 * `/feedback survey <account> [contact]` (a rep): a one-time link for a customer contact to rate
 * service and product quality themselves, valid SURVEY_VALID_DAYS days. The answer is stored as
 * customer-entered feedback counting for the rep who asked. Needs PUBLIC_URL (where the bot's
 * page is reachable). Only the token's hash is kept; the link is shown once, to the rep.
 */
export async function requestSurvey(
  deps: AppDeps,
  actor: Person,
  input: { words: readonly string[]; publicUrl: string | undefined },
): Promise<{ survey: Survey; url: string; account: Account }> {
  if (!hasRole(actor, 'rep')) throw new AppError('FORBIDDEN', `${actor.name} is not a rep`, { params: { messageId: 'fairness.survey.repOnly' } });
  if (!input.publicUrl) throw new AppError('UNAVAILABLE', 'PUBLIC_URL is not set', { params: { messageId: 'fairness.survey.noPublicUrl' } });
  const { account, contact } = await accountAndContact(deps, input.words);
  if (contact.length > 200) throw new AppError('VALIDATION', 'contact too long', { params: { messageId: 'fairness.survey.contactLong' }, issues: [{ path: 'contact', message: 'at most 200 characters' }] });
  const token = randomBytes(24).toString('base64url');
  const now = deps.clock.now();
  const { record } = await deps.store.surveys.insert({
    id: deps.newId(),
    tokenHash: surveyTokenHash(token),
    formKey: randomBytes(16).toString('hex'),
    accountId: account.id,
    repId: actor.id,
    contact,
    createdBy: actor.id,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + SURVEY_VALID_DAYS * 86_400_000).toISOString(),
  });
  await audit(deps, actor, 'survey.create', record.id, { repId: actor.id, accountId: account.id, contact: contact || null, expiresAt: record.expiresAt });
  return { survey: record, url: `${input.publicUrl.replace(/\/+$/, '')}/survey/${token}`, account };
}
