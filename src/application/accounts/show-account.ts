import { AppError } from '../../domain/errors.js';
import type { LocalDate } from '../../domain/dates.js';
import type { Account } from '../../domain/model/accounts.js';
import type { Person } from '../../domain/model/people.js';
import { quarterOf } from '../../domain/period.js';
import type { AppDeps } from '../deps.js';
import { today } from '../guards.js';
import { manages, seesEveryone } from '../permissions.js';
import type { ChainFigures } from '../../domain/read-models/account-chain.js';
import { accountChain } from './rep-outcomes.js';
import { findAccountByName } from './reassign-account.js';

export interface AccountShown {
  account: Account;
  ownerName: string | null;
  periodKey: string;
  period: ChainFigures;
  year: ChainFigures;
  lastActivity: LocalDate | null;
}

/**
 * Who may read an account's deals and collections: its owner, the owner's manager, HR and admins.
 * Having logged a visit or a deal on it grants nothing: otherwise one visit, typed by anyone, would
 * open twelve months of a colleague's figures. An account without an owner is HR's alone.
 */
export function maySeeAccount(actor: Person, owner: Person | null, ownerTeam: Parameters<typeof manages>[2]): boolean {
  return seesEveryone(actor) || (owner !== null && (owner.id === actor.id || manages(actor, owner, ownerTeam)));
}

/** `/account show <name>`: the chain visits → deals → payments, to those responsible for the account. */
export async function showAccount(deps: Pick<AppDeps, 'store' | 'clock' | 'settings'>, actor: Person, name: string): Promise<AccountShown> {
  const account = await findAccountByName(deps, name);
  const owner = account.ownerId ? await deps.store.people.get(account.ownerId) : null;
  const ownerTeam = owner?.teamId ? await deps.store.teams.get(owner.teamId) : null;
  if (!maySeeAccount(actor, owner, ownerTeam)) {
    throw new AppError('FORBIDDEN', `${actor.name} may not see ${account.name}`, { params: { messageId: 'account.error.notVisible', account: account.name } });
  }
  const asOf = today(deps);
  const period = quarterOf(asOf);
  const chain = await accountChain(deps, account, { period, asOf });
  return { account, ownerName: owner?.name ?? null, periodKey: period.key, ...chain };
}
