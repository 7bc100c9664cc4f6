import { AppError } from '../../domain/errors.js';
import { accountNameKey, type Account } from '../../domain/model/accounts.js';
import type { Person } from '../../domain/model/people.js';
import type { AppDeps } from '../deps.js';
import type { BatchWrite } from '../../ports/store.js';
import { accountTiersOf } from '../../domain/model/template.js';
import { ensureDefaultTemplate } from '../templates.js';
import { unknownRef } from '../guards.js';
import type { AccountChoice } from './inputs.js';

export { DEFAULT_TIERS as ACCOUNT_TIERS } from '../../domain/model/accounts.js';

/**
 * The account a form chose: an existing one, or a new one owned by the actor. A "new" account whose
 * name already exists is refused, so the same client is not entered twice. Nothing is written: a
 * new account comes back with `created: true` and is stored in the same batch as the entry that
 * names it (`newAccountWrite`), so a failed submission never leaves the account behind and its
 * retry is not refused as "already exists".
 */
export async function resolveAccount(
  deps: Pick<AppDeps, 'store' | 'clock' | 'newId'>,
  actor: Person,
  choice: AccountChoice,
): Promise<{ account: Account; created: boolean }> {
  if ('accountId' in choice) {
    const account = await deps.store.accounts.get(choice.accountId);
    if (!account) throw unknownRef('account', 'account', choice.accountId);
    return { account, created: false };
  }
  const nameKey = accountNameKey(choice.newAccountName);
  const [existing] = await deps.store.accounts.find({ nameKey }, { limit: 1 });
  if (existing) {
    throw new AppError('CONFLICT', `an account named ${existing.name} already exists`, {
      params: { messageId: 'error.accountExists', name: existing.name },
      issues: [{ path: 'newAccountName', message: `${existing.name} already exists: choose it from the list` }],
    });
  }
  // The tiers of the current template (the form offers the same list).
  const tiers = accountTiersOf(await ensureDefaultTemplate(deps)).map((a) => a.tier);
  if (!tiers.includes(choice.newAccountTier)) {
    throw new AppError('VALIDATION', `unknown tier ${choice.newAccountTier}`, {
      params: { messageId: 'error.unknownTier', tier: choice.newAccountTier },
      issues: [{ path: 'newAccountTier', message: `choose one of ${tiers.join(', ')}` }],
    });
  }
  const account: Account = {
    id: deps.newId(),
    name: choice.newAccountName.trim(),
    nameKey,
    tier: choice.newAccountTier,
    ownerId: actor.id,
    createdAt: deps.clock.now().toISOString(),
  };
  return { account, created: true };
}

/** The write that stores a new account, first in its submission's batch. */
export const newAccountWrite = (account: Account): BatchWrite => ({ op: 'insert', collection: 'accounts', record: account });
