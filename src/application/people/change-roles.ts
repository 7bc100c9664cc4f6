import { AppError } from '../../domain/errors.js';
import { ROLES, type Person, type Role } from '../../domain/model/people.js';
import type { AppDeps } from '../deps.js';
import { requireRole } from '../guards.js';
import { placed } from './admin.js';

/**
 * `/appraisal-admin role @user +hr -rep manager`: roles are a set, as companies have them (an
 * administrator who is also HR, a manager who still sells). Each word adds (`+hr`, or a bare
 * `hr`) or removes (`-rep`) one role, in order; the bare form adds because that is what "give
 * someone a role" means, and nothing is taken away unless asked. The person keeps at least one
 * role, and the bot keeps at least one active administrator (so somebody can always grant roles).
 */
export interface RoleChange {
  role: Role;
  add: boolean;
}

export interface RolesChanged {
  person: Person;
  changed: boolean;
}

/** Chinese role names typed in Lark (the CSV import reads the same words). */
const ALIASES: Record<string, Role> = { 销售: 'rep', 销售代表: 'rep', 经理: 'manager', 人事: 'hr', 人力资源: 'hr', 管理员: 'admin' };

/** `+hr`, `-rep`, `manager`, `＋hr` (full-width signs from a Chinese keyboard), `hr,admin`. */
export function parseRoleChanges(words: readonly string[]): RoleChange[] {
  const tokens = words.flatMap((w) => w.split(/[,，;、]+/)).map((w) => w.trim().replace(/^＋/, '+').replace(/^[－—–]/, '-')).filter(Boolean);
  if (tokens.length === 0) throw usage();
  return tokens.map((token) => {
    const add = !token.startsWith('-');
    const name = token.replace(/^[+-]/, '').toLowerCase();
    const role = (ROLES as readonly string[]).includes(name) ? (name as Role) : ALIASES[name];
    if (!role) {
      throw new AppError('VALIDATION', `unknown role ${name}`, {
        params: { messageId: name ? 'error.unknownRole' : 'error.roleChange', role: name || 'hr', roles: ROLES.join(', ') },
        issues: [{ path: 'role', message: `one of ${ROLES.join(', ')}` }],
      });
    }
    return { role, add };
  });
}

const usage = () => new AppError('VALIDATION', 'no role to add or remove', { params: { messageId: 'error.roleChange', role: 'hr', roles: ROLES.join(', ') } });

/** The roles after the changes, in the catalogue's order (rep, manager, hr, admin). */
export const applyRoleChanges = (roles: readonly Role[], changes: readonly RoleChange[]): Role[] => {
  const set = new Set(roles);
  for (const c of changes) {
    if (c.add) set.add(c.role);
    else set.delete(c.role);
  }
  return ROLES.filter((r) => set.has(r));
};

/** What a role change would do, checked as the change itself checks it, without writing: the confirmation shows this. */
export interface RolesPreview {
  person: Person;
  from: readonly Role[];
  to: Role[];
  /** Nothing to write: the same roles, and the person already placed. */
  noop: boolean;
}

export async function previewRoles(deps: AppDeps, actor: Person, input: { personId: string; changes: readonly RoleChange[] }): Promise<RolesPreview> {
  requireRole(actor, ['admin'], 'grant roles');
  if (input.changes.length === 0) throw usage();
  const subject = await deps.store.people.get(input.personId);
  if (!subject) throw new AppError('NOT_FOUND', `no person ${input.personId}`, { params: { messageId: 'error.unknownPerson' } });
  const roles = applyRoleChanges(subject.roles, input.changes);
  if (roles.length === 0) throw new AppError('VALIDATION', `${subject.name} would have no role`, { params: { messageId: 'error.noRoleLeft', name: subject.name } });
  if (subject.roles.includes('admin') && !roles.includes('admin')) await assertAnotherAdmin(deps, subject);
  // A role given, even one they had, places a newcomer (see Person.unplaced).
  return { person: subject, from: subject.roles, to: roles, noop: sameRoles(subject.roles, roles) && subject.unplaced !== true };
}

const sameRoles = (a: readonly Role[], b: readonly Role[]): boolean => a.length === b.length && a.every((r) => b.includes(r));

export async function changeRoles(deps: AppDeps, actor: Person, input: { personId: string; changes: readonly RoleChange[] }): Promise<RolesChanged> {
  const { person: subject, to: roles, noop } = await previewRoles(deps, actor, input);
  if (noop) return { person: subject, changed: false };
  const updated = await deps.store.people.put({ ...placed(subject), roles });
  await deps.store.audit.insert({ id: deps.newId(), at: deps.clock.now().toISOString(), actorId: actor.id, action: 'role.grant', subjectId: subject.id, details: { from: subject.roles, to: roles } });
  return { person: updated, changed: !sameRoles(subject.roles, roles) };
}

/** Nobody takes the admin role from the last active administrator, themselves included. */
async function assertAnotherAdmin(deps: AppDeps, subject: Person): Promise<void> {
  const admins = (await deps.store.people.find()).filter((p) => p.active && p.id !== subject.id && p.roles.includes('admin'));
  if (admins.length > 0) return;
  throw new AppError('CONFLICT', `${subject.name} is the last administrator`, { params: { messageId: 'error.lastAdmin', name: subject.name } });
}
