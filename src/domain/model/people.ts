import { z } from 'zod';
import { Id, Identity, LocalDateField, Locale, Name, Timestamp } from './fields.js';

export const ROLES = ['rep', 'manager', 'hr', 'admin'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const PersonSchema = z
  .object({
    id: Id,
    name: Name,
    roles: z.array(Role).min(1, 'needs at least one role'),
    teamId: Id.optional(),
    managerId: Id.optional(),
    joinDate: LocalDateField,
    leaveDate: LocalDateField.optional(),
    identities: z.array(Identity).max(8),
    locale: Locale.default('en'),
    /** IANA zone of the person, for personal messages at their local time. */
    timeZone: z.string().max(64).optional(),
    active: z.boolean().default(true),
    createdAt: Timestamp,
    /**
     * When the name, language and zone were last read from the platform's profile: the profile is
     * cached in the person record, so a restart does not look everyone up again.
     */
    profileFetchedAt: Timestamp.optional(),
    /**
     * Set when the bot registered the person on their first message: until an admin places them
     * (a team or a role, a link, an import) they see only their own records. Absent on everyone
     * imported or placed, and on records from before this rule.
     */
    unplaced: z.literal(true).optional(),
  })
  .refine((p) => p.managerId !== p.id, { path: ['managerId'], message: 'a person cannot manage themselves' })
  .refine((p) => !p.leaveDate || p.leaveDate >= p.joinDate, {
    path: ['leaveDate'],
    message: 'must not be before the join date',
  });
export type Person = z.infer<typeof PersonSchema>;

export const TeamSchema = z.object({
  id: Id,
  name: Name,
  managerId: Id.optional(),
  createdAt: Timestamp,
});
export type Team = z.infer<typeof TeamSchema>;

export const hasRole = (p: Pick<Person, 'roles'>, role: Role): boolean => p.roles.includes(role);

/** A newcomer nobody has placed yet: registered on first use, no team, no role but rep. */
export const isUnplaced = (p: Pick<Person, 'unplaced' | 'teamId' | 'roles'>): boolean => p.unplaced === true && !p.teamId && p.roles.every((r) => r === 'rep');
