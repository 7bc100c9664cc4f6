import { byOwner, findDormantAccounts } from '../application/accounts/dormant-accounts.js';
import { findAccountByName, reassignAccount } from '../application/accounts/reassign-account.js';
import { showAccount } from '../application/accounts/show-account.js';
import { accountChainView } from '../views/outcome-views.js';
import type { AppDeps } from '../application/deps.js';
import { today } from '../application/guards.js';
import { manages, seesEveryone } from '../application/permissions.js';
import { findTeam } from '../application/people/find-team.js';
import { AppError } from '../domain/errors.js';
import { hasRole, type Person } from '../domain/model/people.js';
import { dormantAccountsView, type DormantRow } from '../views/account-views.js';
import { t } from '../views/i18n.js';
import { textView, type ChatAnswer, type ChatRequest } from './port.js';

/**
 * `/account dormant [@rep | team <name>]`: key accounts past their cadence — a rep's own, a
 * manager's team's, anyone's for HR. `/account reassign <account> @rep [: reason]`: a manager (of
 * the current owner) or HR gives the account to someone else.
 */
export async function accountAnswer(deps: AppDeps, actor: Person, req: ChatRequest): Promise<ChatAnswer> {
  const [sub, ...rest] = req.words;
  if (req.unknownUsers.length > 0) {
    throw new AppError('VALIDATION', 'unknown mention', { params: { messageId: 'account.error.unknownUsers', names: [...req.unknownUsers] } });
  }
  switch ((sub ?? '').toLowerCase()) {
    case 'dormant':
    case '沉睡':
      return { view: await dormantAnswer(deps, actor, rest, req.users) };
    case 'reassign':
    case '转交':
      return { view: await reassignAnswer(deps, actor, rest, req) };
    case 'show':
    case '查看':
      return { view: await showAnswer(deps, actor, rest) };
    default:
      return { view: textView(t(actor.locale, 'account.usage')) };
  }
}

async function dormantAnswer(deps: AppDeps, actor: Person, words: string[], users: Person[]) {
  const people = await deps.store.people.find();
  const teams = await deps.store.teams.find();
  const teamOf = (p: Person) => teams.find((x) => x.id === p.teamId) ?? null;
  const mine = (p: Person) => p.id === actor.id || seesEveryone(actor) || manages(actor, p, teamOf(p));
  let owners: Person[];
  if (users.length > 0) owners = users;
  else if ((words[0] ?? '').toLowerCase() === 'team') {
    const team = findTeam(teams, words.slice(1).join(' '));
    owners = people.filter((p) => p.teamId === team.id);
  } else owners = seesEveryone(actor) || hasRole(actor, 'manager') ? people.filter((p) => p.id !== actor.id || hasRole(p, 'rep')) : [actor];
  const allowed = owners.filter(mine);
  if (users.length > 0 && allowed.length < users.length) {
    const other = users.find((u) => !mine(u))!;
    throw new AppError('FORBIDDEN', `${actor.name} may not see ${other.name}'s accounts`, { params: { messageId: 'error.scorecardForbidden', subject: other.name } });
  }
  const asOf = today(deps);
  const dormant = await findDormantAccounts(deps, { asOf, ownerIds: allowed.map((p) => p.id) });
  const names = new Map(people.map((p) => [p.id, p.name] as const));
  const rows: DormantRow[] = dormant.map((d) => ({ ...d, ownerName: names.get(d.ownerId) ?? d.ownerId }));
  const canReassign = seesEveryone(actor) || hasRole(actor, 'manager');
  return dormantAccountsView(actor.locale, { asOf, rows, withOwner: byOwner(dormant).size > 1 || allowed.length > 1, canReassign });
}

async function reassignAnswer(deps: AppDeps, actor: Person, words: string[], req: ChatRequest) {
  const to = req.users[0];
  const text = words.join(' ');
  const colon = text.search(/[:：]/);
  const accountText = (colon >= 0 ? text.slice(0, colon) : text).replace(/\s+(to|给)$/i, '').trim();
  const reason = colon >= 0 ? text.slice(colon + 1).trim() : '';
  if (!to) throw new AppError('VALIDATION', 'mention the new owner', { params: { messageId: 'account.error.needRep' } });
  const account = await findAccountByName(deps, accountText);
  const asOf = today(deps);
  const dormant = account.ownerId ? (await findDormantAccounts(deps, { asOf, ownerIds: [account.ownerId] })).find((d) => d.accountId === account.id) : undefined;
  const r = await reassignAccount(deps, actor, { account, to, ...(reason ? { reason } : {}), ...(dormant ? { dormantDays: dormant.daysSince } : {}) });
  return textView(t(actor.locale, 'account.reassigned', { account: r.account.name, to: to.name, from: r.from?.name ?? '—' }));
}

/** `/account show <name>`: scoped by the use case to the owner, their manager and HR. */
async function showAnswer(deps: AppDeps, actor: Person, words: string[]) {
  const shown = await showAccount(deps, actor, words.join(' '));
  return accountChainView({ locale: actor.locale, currency: deps.settings.baseCurrency }, shown);
}
