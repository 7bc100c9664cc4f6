import { createHash } from 'node:crypto';
import type { AppDeps } from '../application/deps.js';
import { claimEvent, finishEvent, releaseEvent } from '../application/event-claims.js';
import { requireRole } from '../application/guards.js';
import { assignTeam, previewTeam } from '../application/people/admin.js';
import { changeRoles, parseRoleChanges, previewRoles } from '../application/people/change-roles.js';
import { linkIdentity, previewLink } from '../application/people/link-identity.js';
import { AppError } from '../domain/errors.js';
import type { Locale } from '../domain/model/fields.js';
import type { Person } from '../domain/model/people.js';
import { ADMIN_CANCEL, ADMIN_CONFIRM, privilegedQuestionView } from '../views/admin-confirm-view.js';
import { t } from '../views/i18n.js';
import { roleList } from '../views/labels.js';
import type { View } from '../views/view.js';
import { COMMAND_TABLE } from './commands.js';
import { textView, type DecisionHandler } from './port.js';

/**
 * Privileged changes that name a person (`/appraisal-admin role|team|link …`) first answer with a
 * question naming the exact person (full name, team, roles now) and what will change, with Confirm
 * and Cancel: a partial name that picked the wrong person shows before anything is written. The
 * same command with `confirm` at the end (the console, scripts) changes at once.
 *
 * The buttons carry the request itself (who asked, the words, the mentioned people) and a key of
 * the change as it was shown: Confirm re-reads the person, and when the change would now be another
 * than the one shown (someone changed them meanwhile) it changes nothing and says so. Each question
 * is answered once (its nonce is claimed like a platform event): a replayed or second click changes
 * nothing and says so. Only the admin who asked may answer it, and only while still an admin.
 */

export const PRIVILEGED = ['role', 'team', 'link'] as const;
export type PrivilegedSub = (typeof PRIVILEGED)[number];
export const isPrivileged = (sub: string): sub is PrivilegedSub => (PRIVILEGED as readonly string[]).includes(sub);

export interface PrivilegedRequest {
  sub: PrivilegedSub;
  /** The words after the subcommand, `confirm` taken off. */
  args: string[];
  users: Person[];
}

/** `… confirm` (or 确认) at the end of the words: the change is confirmed as typed. */
export function splitConfirm(args: readonly string[]): { args: string[]; confirmed: boolean } {
  const last = (args.at(-1) ?? '').toLowerCase();
  return last === 'confirm' || last === '确认' ? { args: args.slice(0, -1), confirmed: true } : { args: [...args], confirmed: false };
}

const ACTIONS: Record<PrivilegedSub, string> = { role: 'grant roles', team: 'assign teams', link: 'link identities' };

const needUser = () => new AppError('VALIDATION', 'mention a user', { params: { messageId: 'admin.needUser' } });

/** The person `link` is about: the mentioned one, or the holder of the first of two identities (where mentioning is not possible). */
async function linkSubject(deps: AppDeps, r: PrivilegedRequest): Promise<{ subject: Person; identity: string }> {
  const ids = r.args.filter((a) => a.includes(':'));
  const subject = r.users[0] ?? (ids.length >= 2 ? await deps.store.personByIdentity(ids[0]!) : undefined);
  if (!subject) throw needUser();
  return { subject, identity: (r.users[0] ? ids[0] : ids[1]) ?? r.args[0] ?? '' };
}

const teamNameOf = (r: PrivilegedRequest): string => r.args.filter((a) => a.toLowerCase() !== 'manager').join(' ');

/** Does the change: the answer that replaces the question (or answers the typed `… confirm`). */
async function apply(deps: AppDeps, actor: Person, r: PrivilegedRequest): Promise<string> {
  const locale = actor.locale;
  switch (r.sub) {
    case 'role': {
      if (!r.users[0]) throw needUser();
      const done = await changeRoles(deps, actor, { personId: r.users[0].id, changes: parseRoleChanges(r.args) });
      return t(locale, done.changed ? 'admin.roles' : 'admin.roles.same', { name: done.person.name, roles: roleList(locale, done.person.roles) });
    }
    case 'team': {
      if (!r.users[0]) throw needUser();
      // "team @user East China [manager @m]": the team name is every word but the keyword.
      const manager = r.users[1];
      const done = await assignTeam(deps, actor, { personId: r.users[0].id, teamName: teamNameOf(r), ...(manager ? { managerId: manager.id } : {}) });
      return t(locale, 'admin.team', { name: done.person.name, team: done.team.name }) + (manager ? t(locale, 'admin.team.manager', { manager: manager.name }) : '');
    }
    case 'link': {
      const { subject, identity } = await linkSubject(deps, r);
      const done = await linkIdentity(deps, actor, { personId: subject.id, identity });
      if (!done.changed) return t(locale, 'admin.link.same', { identity: done.identity, name: done.person.name });
      return t(locale, 'admin.link', { identity: done.identity, name: done.person.name }) + (done.merged ? t(locale, 'admin.link.merged', { other: done.merged.name }) : '');
    }
  }
}

/** The change as it would be made now: what the question shows, or the answer when nothing would change. */
interface Preview {
  subject: Person;
  changes: string[];
  /** Set when there is nothing to confirm: the answer itself. */
  nothing?: string;
  /** What the change depends on besides the subject, for the staleness key. */
  basis: unknown;
}

async function preview(deps: AppDeps, actor: Person, r: PrivilegedRequest, locale: Locale): Promise<Preview> {
  const teamName = async (id: string | undefined) => (id ? ((await deps.store.teams.get(id))?.name ?? id) : t(locale, 'admin.confirm.noTeam'));
  switch (r.sub) {
    case 'role': {
      if (!r.users[0]) throw needUser();
      const p = await previewRoles(deps, actor, { personId: r.users[0].id, changes: parseRoleChanges(r.args) });
      const roles = roleList(locale, p.to);
      return {
        subject: p.person,
        changes: [t(locale, 'admin.confirm.roles', { from: roleList(locale, p.from), to: roles })],
        ...(p.noop ? { nothing: t(locale, 'admin.roles.same', { name: p.person.name, roles }) } : {}),
        basis: p.to,
      };
    }
    case 'team': {
      if (!r.users[0]) throw needUser();
      const manager = r.users[1];
      const p = await previewTeam(deps, actor, { personId: r.users[0].id, teamName: teamNameOf(r), ...(manager ? { managerId: manager.id } : {}) });
      const to = p.team ? p.team.name : t(locale, 'admin.confirm.newTeam', { name: p.name });
      const changes = [t(locale, 'admin.confirm.team', { from: await teamName(p.person.teamId), to })];
      if (p.manager) {
        const was = p.team?.managerId ? ((await deps.store.people.get(p.team.managerId))?.name ?? p.team.managerId) : t(locale, 'admin.confirm.noTeam');
        changes.push(t(locale, 'admin.confirm.teamManager', { team: p.team?.name ?? p.name, from: was, to: p.manager.name }));
      }
      return { subject: p.person, changes, basis: [p.team ?? p.name, p.manager?.id ?? null, p.manager?.roles ?? null] };
    }
    case 'link': {
      const { subject, identity } = await linkSubject(deps, r);
      const p = await previewLink(deps, actor, { personId: subject.id, identity });
      const changes = [t(locale, 'admin.confirm.link', { identity: p.identity, name: p.person.name })];
      if (p.holder) changes.push(t(locale, 'admin.confirm.linkMerge', { identity: p.identity, other: p.holder.name, name: p.person.name }));
      return {
        subject: p.person,
        changes,
        ...(p.changed ? {} : { nothing: t(locale, 'admin.link.same', { identity: p.identity, name: p.person.name }) }),
        basis: [p.identity, p.holder ? stateOf(p.holder) : null],
      };
    }
  }
}

/** What a change to a person depends on (not the profile the platform refreshes: language, zone, when read). */
const stateOf = (p: Person) => [p.id, p.name, p.roles, p.teamId ?? null, p.managerId ?? null, p.identities, p.active, p.unplaced ?? null];

/** The key of a change as shown: the same person in the same state, the same change. */
const keyOf = (p: Preview): string =>
  createHash('sha256')
    .update(JSON.stringify([stateOf(p.subject), p.changes, p.basis]))
    .digest('base64url')
    .slice(0, 22);

/** What the buttons carry. */
interface Pending {
  by: string;
  sub: PrivilegedSub;
  args: string[];
  users: string[];
  key: string;
  nonce: string;
}

/** Block Kit caps a button's value at 2000 characters. */
const MAX_VALUE = 1900;

/** The typed command that confirms as the button does: mentions as the console reads them (`@"Cat Xu"`). */
function typedCommand(locale: Locale, r: PrivilegedRequest): string {
  const at = (p: Person) => (/\s/.test(p.name) ? `@"${p.name}"` : `@${p.name}`);
  const words = [...r.args];
  const managerAt = words.findIndex((w) => w.toLowerCase() === 'manager');
  if (r.sub === 'team' && r.users[1]) words.splice(managerAt >= 0 ? managerAt + 1 : words.length, 0, at(r.users[1]));
  const command = COMMAND_TABLE['appraisal-admin'][locale === 'zh-CN' ? 'zh' : 'en'];
  return [command, r.sub, ...(r.users[0] ? [at(r.users[0])] : []), ...words, 'confirm'].join(' ');
}

/** `/appraisal-admin role|team|link …`: the question, or (confirmed as typed) the change. */
export async function privilegedAnswer(deps: AppDeps, actor: Person, r: PrivilegedRequest, confirmed: boolean): Promise<View> {
  // HR may use /appraisal-admin, but not for these: refused before any other answer about the request.
  requireRole(actor, ['admin'], ACTIONS[r.sub]);
  if (confirmed) return textView(await apply(deps, actor, r));
  const p = await preview(deps, actor, r, actor.locale);
  if (p.nothing !== undefined) return textView(p.nothing);
  const pending: Pending = { by: actor.id, sub: r.sub, args: r.args, users: r.users.map((u) => u.id), key: keyOf(await preview(deps, actor, r, 'en')), nonce: deps.newId() };
  const value = JSON.stringify(pending);
  const team = p.subject.teamId ? ((await deps.store.teams.get(p.subject.teamId))?.name ?? p.subject.teamId) : null;
  return privilegedQuestionView(actor.locale, {
    name: p.subject.name,
    team,
    roles: p.subject.roles,
    changes: p.changes,
    command: typedCommand(actor.locale, r),
    value: value.length <= MAX_VALUE ? value : null,
  });
}

function pendingOf(value: string): Pending | null {
  try {
    const v = JSON.parse(value) as Partial<Pending> | null;
    const strings = (a: unknown): a is string[] => Array.isArray(a) && a.every((x) => typeof x === 'string');
    if (!v || typeof v.by !== 'string' || !isPrivileged(String(v.sub)) || !strings(v.args) || !strings(v.users) || typeof v.key !== 'string' || typeof v.nonce !== 'string') return null;
    return v as Pending;
  } catch {
    return null;
  }
}

/**
 * Confirm or Cancel: the clicker must hold the role still and be the admin who asked; each
 * question is answered once. Confirm does the change only while it is the one that was shown.
 */
const answer =
  (confirm: boolean): DecisionHandler =>
  async (deps, actor, value) => {
    const locale = actor.locale;
    requireRole(actor, ['admin'], confirm ? 'confirm a privileged change' : 'cancel a privileged change');
    const pending = pendingOf(value);
    if (!pending) return textView(t(locale, 'decision.stale'));
    if (pending.by !== actor.id) {
      const asker = await deps.store.people.get(pending.by);
      throw new AppError('FORBIDDEN', `${actor.id} answers ${pending.by}'s question`, { params: { messageId: 'admin.confirm.notYours', name: asker?.name ?? pending.by } });
    }
    const people = await Promise.all(pending.users.map((id) => deps.store.people.get(id)));
    const users = people.filter((p): p is Person => p !== null && p !== undefined);
    const request: PrivilegedRequest = { sub: pending.sub, args: pending.args, users };
    const claim = `admin-confirm:${pending.nonce}`.slice(0, 200);
    if (!(await claimEvent(deps, claim))) return textView(t(locale, 'admin.confirm.used'));
    try {
      const name = users[0]?.name ?? pending.args[0] ?? '';
      if (!confirm) {
        await finishEvent(deps, claim);
        return textView(t(locale, 'admin.confirm.cancelled', { name }));
      }
      // The people the question named must still be there, and the change the one it showed.
      const now = users.length === pending.users.length ? await preview(deps, actor, request, 'en').catch(() => null) : null;
      if (!now || keyOf(now) !== pending.key) {
        await finishEvent(deps, claim);
        return textView(t(locale, 'admin.confirm.stale', { name: now?.subject.name ?? name }));
      }
      const text = await apply(deps, actor, request);
      await finishEvent(deps, claim);
      return textView(text);
    } catch (e) {
      // A refusal while applying (the store said no): the question may be answered again.
      await releaseEvent(deps, claim);
      throw e;
    }
  };

/** The Confirm and Cancel buttons of a privileged change's question. */
export const ADMIN_DECISIONS: Record<string, DecisionHandler> = {
  [ADMIN_CONFIRM]: answer(true),
  [ADMIN_CANCEL]: answer(false),
};
