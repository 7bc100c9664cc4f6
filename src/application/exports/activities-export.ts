import { daysBetween, isLocalDate } from '../../domain/dates.js';
import { AppError } from '../../domain/errors.js';
import { hasRole, type Person, type Team } from '../../domain/model/people.js';
import { t } from '../../views/i18n.js';
import { audit } from '../cycle/cycles.js';
import type { AppDeps } from '../deps.js';
import { manages, seesEveryone } from '../permissions.js';
import { findTeam } from '../people/find-team.js';
import { csvAndXlsx } from './files.js';
import type { Cell, ExportFile } from './table.js';

/** The longest range one export may cover. */
export const MAX_EXPORT_DAYS = 731;

export interface ActivitiesExport {
  from: string;
  to: string;
  people: string[];
  rows: number;
  files: ExportFile[];
}

export type ActivitiesScope = { rep: Person } | { teamName: string } | { own: true };

const badDate = (value: string) => new AppError('VALIDATION', `not a date: ${value}`, { params: { messageId: 'export.error.date', value } });

/** Whose records the actor asked for, refused beyond what their role may read. */
async function peopleInScope(deps: AppDeps, actor: Person, scope: ActivitiesScope): Promise<Person[]> {
  const teams = await deps.store.teams.find();
  const teamOf = (p: Person): Team | null => teams.find((x) => x.id === p.teamId) ?? null;
  const mayRead = (p: Person) => p.id === actor.id || seesEveryone(actor) || manages(actor, p, teamOf(p));
  if ('rep' in scope) {
    if (!mayRead(scope.rep)) throw new AppError('FORBIDDEN', `${actor.name} may not export ${scope.rep.name}'s records`, { params: { messageId: 'export.error.notYours', name: scope.rep.name } });
    return [scope.rep];
  }
  if ('teamName' in scope) {
    const team = findTeam(teams, scope.teamName);
    if (!seesEveryone(actor) && team.managerId !== actor.id) {
      throw new AppError('FORBIDDEN', `${actor.name} may not export team ${team.name}`, { params: { messageId: 'export.error.notYourTeam', name: team.name } });
    }
    return (await deps.store.people.find({ teamId: team.id })).filter((p) => hasRole(p, 'rep'));
  }
  if (seesEveryone(actor)) return (await deps.store.people.find()).filter((p) => hasRole(p, 'rep'));
  if (hasRole(actor, 'manager')) {
    const all = await deps.store.people.find();
    return all.filter((p) => p.id === actor.id || (hasRole(p, 'rep') && manages(actor, p, teamOf(p))));
  }
  return [actor];
}

/**
 * `/export activities [@rep | team <name>] <from> <to>`: every visit, deal, payment, feedback and
 * intel post in the range, as CSV and XLSX — one's own (rep), one's team (manager), anyone's (HR).
 * Audited: it is personal data leaving the bot.
 */
export async function exportActivities(deps: AppDeps, actor: Person, input: { scope: ActivitiesScope; from: string; to: string }): Promise<ActivitiesExport> {
  if (!isLocalDate(input.from)) throw badDate(input.from);
  if (!isLocalDate(input.to)) throw badDate(input.to);
  if (input.to < input.from) throw new AppError('VALIDATION', 'range ends before it starts', { params: { messageId: 'export.error.range', from: input.from, to: input.to } });
  if (daysBetween(input.from, input.to) >= MAX_EXPORT_DAYS) throw new AppError('VALIDATION', 'range too long', { params: { messageId: 'export.error.rangeTooLong', days: MAX_EXPORT_DAYS } });
  const people = await peopleInScope(deps, actor, input.scope);
  const repIds = people.map((p) => p.id);
  const range = { gte: input.from, lte: input.to };
  const ids = { in: repIds };
  const [activities, deals, payments, feedback, intel] = repIds.length
    ? await Promise.all([
        deps.store.activities.find({ repId: ids, date: range }),
        deps.store.deals.find({ repId: ids, signedDate: range }),
        deps.store.payments.find({ repId: ids, receivedDate: range }),
        deps.store.feedback.find({ repId: ids, date: range }),
        deps.store.intel.find({ repId: ids, date: range }),
      ])
    : [[], [], [], [], []];
  const dealIds = [...new Set(payments.map((p) => p.dealId))];
  const payDeals = dealIds.length ? await deps.store.deals.find({ id: { in: dealIds } }) : [];
  const accountIds = [...new Set([...activities, ...deals, ...feedback, ...payDeals].map((r) => r.accountId))];
  const accounts = accountIds.length ? await deps.store.accounts.find({ id: { in: accountIds } }) : [];
  const accountName = new Map(accounts.map((a) => [a.id, a.name] as const));
  const dealAccount = new Map(payDeals.map((d) => [d.id, d.accountId] as const));
  const name = new Map(people.map((p) => [p.id, p.name] as const));
  const { locale } = actor;
  const kind = (k: string) => t(locale, `export.activities.kind.${k}` as Parameters<typeof t>[1]);
  // kind, date, rep, account, amount (base), currency amount, units, product, service, product quality, topic, details, next step, next step date
  const rows: Cell[][] = [
    ...activities.map((a): Cell[] => [kind(a.kind), a.date, name.get(a.repId)!, accountName.get(a.accountId) ?? a.accountId, null, null, null, null, null, null, a.purpose, a.outcome, a.nextStep ?? null, a.nextStepDate ?? null]),
    ...deals.map((d): Cell[] => [kind('deal'), d.signedDate, name.get(d.repId)!, accountName.get(d.accountId) ?? d.accountId, d.amountBase, `${d.amount} ${d.currency}`, d.units, d.product, null, null, null, null, null, null]),
    ...payments.map((p): Cell[] => {
      const account = dealAccount.get(p.dealId);
      return [kind('payment'), p.receivedDate, name.get(p.repId)!, account ? (accountName.get(account) ?? account) : null, p.amountBase, null, null, null, null, null, null, null, null, null];
    }),
    ...feedback.map((f): Cell[] => [kind('feedback'), f.date, name.get(f.repId)!, accountName.get(f.accountId) ?? f.accountId, null, null, null, null, f.service, f.product, null, f.comment, null, null]),
    ...intel.map((i): Cell[] => [kind('intel'), i.date, name.get(i.repId)!, null, null, null, null, null, null, null, i.topic, i.text, null, null]),
  ].sort((a, b) => String(a[1]).localeCompare(String(b[1])) || String(a[2]).localeCompare(String(b[2])));
  const header = ['kind', 'date', 'rep', 'account', 'amount', 'original', 'units', 'product', 'service', 'quality', 'topic', 'details', 'nextStep', 'nextStepDate'].map((c) =>
    t(locale, `export.activities.col.${c}` as Parameters<typeof t>[1], { currency: deps.settings.baseCurrency }),
  );
  const who = people.length === 1 ? people[0]!.name.replace(/[^\p{L}\p{N}_-]+/gu, '_') : `${people.length}-people`;
  const files = await csvAndXlsx(`activities-${who}-${input.from}-${input.to}`, t(locale, 'export.file.activities'), { sheet: t(locale, 'export.file.activities'), header, rows });
  await audit(deps, actor, 'export.activities', actor.id, { from: input.from, to: input.to, people: repIds, rows: rows.length, ...(people.length === 1 ? { repId: people[0]!.id } : {}) });
  return { from: input.from, to: input.to, people: people.map((p) => p.name), rows: rows.length, files };
}
