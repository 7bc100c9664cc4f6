import { hasRole, type Person } from '../../domain/model/people.js';
import type { Locale } from '../../domain/model/fields.js';
import { normaliseLine } from '../../domain/text.js';
import type { AppDeps } from '../deps.js';
import { today } from '../guards.js';

export interface PlatformProfile {
  /** `slack:U…` or `lark:ou_…`. */
  identity: string;
  name: string;
  locale?: Locale;
  timeZone?: string;
  /** Set when name, language and zone were just read from the platform's profile (not guessed). */
  fetchedAt?: string;
}

/** Maps a platform locale (`zh-CN`, `zh_CN`, `en-US` …) to a supported one. */
export function supportedLocale(platformLocale: string | undefined, fallback: Locale): Locale {
  if (!platformLocale) return fallback;
  return /^zh/i.test(platformLocale) ? 'zh-CN' : /^en/i.test(platformLocale) ? 'en' : fallback;
}

/**
 * The person behind a platform user. The first interaction registers them: as an administrator
 * when their id is in APPRAISAL_ADMINS, otherwise as an unplaced rep, who sees only their own
 * records until an admin gives them a team or a role. A known person's name, language and time
 * zone follow the platform profile.
 */
export async function identify(deps: AppDeps, raw: PlatformProfile): Promise<{ person: Person; registered: boolean }> {
  // Profile names are typed by people into the platform: normalised like every other input.
  const profile = { ...raw, name: normaliseLine(raw.name).trim().slice(0, 200) };
  const isAdmin = deps.settings.admins.includes(profile.identity);
  const known = await deps.store.personByIdentity(profile.identity);
  if (known) {
    const next: Person = {
      ...known,
      name: profile.name || known.name,
      ...(profile.locale ? { locale: profile.locale } : {}),
      ...(profile.timeZone ? { timeZone: profile.timeZone } : {}),
      ...(profile.fetchedAt ? { profileFetchedAt: profile.fetchedAt } : {}),
      roles: isAdmin && !hasRole(known, 'admin') ? [...known.roles, 'admin'] : known.roles,
    };
    const changed =
      next.name !== known.name || next.locale !== known.locale || next.timeZone !== known.timeZone || next.roles.length !== known.roles.length || next.profileFetchedAt !== known.profileFetchedAt;
    return { person: changed ? await deps.store.people.put(next) : known, registered: false };
  }
  const person = await deps.store.people.put({
    id: deps.newId(),
    name: profile.name || profile.identity,
    roles: isAdmin ? ['admin'] : ['rep'],
    joinDate: today(deps),
    identities: [profile.identity],
    locale: profile.locale ?? 'en',
    ...(profile.timeZone ? { timeZone: profile.timeZone } : {}),
    ...(profile.fetchedAt ? { profileFetchedAt: profile.fetchedAt } : {}),
    ...(isAdmin ? {} : { unplaced: true as const }),
    active: true,
    createdAt: deps.clock.now().toISOString(),
  });
  deps.logger.info({ personId: person.id, identity: profile.identity, admin: isAdmin }, 'registered a new person');
  return { person, registered: true };
}
