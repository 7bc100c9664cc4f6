import { AppError } from '../../domain/errors.js';
import { accountNameKey, type Account } from '../../domain/model/accounts.js';
import { hasRole, type Person } from '../../domain/model/people.js';
import type { AppDeps } from '../deps.js';
import { audit } from '../cycle/cycles.js';
import { manages, seesEveryone } from '../permissions.js';

/** An account named by a user: its exact name (any case), or the one account whose name contains the text. */
export async function findAccountByName(deps: Pick<AppDeps, 'store'>, text: string): Promise<Account> {
  const key = accountNameKey(text);
  if (!key) throw new AppError('VALIDATION', 'name an account', { params: { messageId: 'account.error.noName' } });
  const matches = await deps.store.searchAccounts(text, 6);
  const exact = matches.find((a) => a.nameKey === key);
  if (exact) return exact;
  if (matches.length === 1) return matches[0]!;
  if (matches.length === 0) throw new AppError('NOT_FOUND', `no account matches ${text}`, { params: { messageId: 'account.error.unknown', name: text.trim() } });
  throw new AppError('VALIDATION', `${text} matches several accounts`, {
    params: { messageId: 'account.error.ambiguous', name: text.trim(), matches: matches.slice(0, 5).map((a) => a.name).join(', ') },
  });
}

const teamOf = async (deps: Pick<AppDeps, 'store'>, p: Person) => (p.teamId ? await deps.store.teams.get(p.teamId) : null);

/**
 * `/account reassign <account> @rep` (the current owner's manager, or HR/admin): the account gets a
 * new owner, who must be an active rep (and, for a manager, one they manage). Audited with the old
 * owner, the new one and why (the account was dormant, or the reason given).
 */
export async function reassignAccount(
  deps: AppDeps,
  actor: Person,
  input: { account: Account; to: Person; reason?: string; dormantDays?: number | null },
): Promise<{ account: Account; from: Person | null }> {
  const { account, to } = input;
  const from = account.ownerId ? await deps.store.people.get(account.ownerId) : null;
  const hr = seesEveryone(actor);
  if (!hr) {
    const managesFrom = from ? manages(actor, from, await teamOf(deps, from)) : hasRole(actor, 'manager');
    if (!managesFrom) {
      throw new AppError('FORBIDDEN', `${actor.name} may not reassign ${account.name}`, {
        params: { messageId: 'account.error.notYours', account: account.name, owner: from?.name ?? '—' },
      });
    }
    if (!manages(actor, to, await teamOf(deps, to))) {
      throw new AppError('FORBIDDEN', `${to.name} is not in ${actor.name}'s team`, { params: { messageId: 'account.error.notYourRep', name: to.name } });
    }
  }
  if (!hasRole(to, 'rep') || !to.active) {
    throw new AppError('VALIDATION', `${to.name} is not an active rep`, { params: { messageId: 'account.error.notRep', name: to.name } });
  }
  if (from?.id === to.id) {
    throw new AppError('VALIDATION', `${to.name} already owns ${account.name}`, { params: { messageId: 'account.error.sameOwner', name: to.name, account: account.name } });
  }
  const updated = await deps.store.accounts.put({ ...account, ownerId: to.id });
  await audit(deps, actor, 'account.reassign', account.id, {
    account: account.name,
    tier: account.tier,
    fromId: from?.id ?? null,
    from: from?.name ?? null,
    toId: to.id,
    to: to.name,
    repId: to.id,
    ...(input.dormantDays !== undefined ? { dormantDays: input.dormantDays } : {}),
    ...(input.reason ? { reason: input.reason } : {}),
  });
  return { account: updated, from };
}
