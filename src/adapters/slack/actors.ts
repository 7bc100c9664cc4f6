import type { webApi } from '@slack/bolt';
import { supportedLocale } from '../../application/people/identify.js';
import { ProfileCache, type FetchedProfile } from '../../application/people/profile-cache.js';
import type { AppDeps } from '../../application/deps.js';
import { AppError, isAppError } from '../../domain/errors.js';
import type { Locale } from '../../domain/model/fields.js';
import type { Person } from '../../domain/model/people.js';

/** Errors of users.info that mean the user does not exist (https://api.slack.com/methods/users.info#errors). */
const NO_SUCH_USER = new Set(['user_not_found', 'user_not_visible']);

const unknownUser = (userId: string, cause?: unknown): AppError =>
  new AppError('NOT_FOUND', `Slack has no user ${userId}`, { params: { messageId: 'slack.unknownUser' }, ...(cause === undefined ? {} : { cause }) });

/**
 * The person behind a Slack user. The first interaction registers them with their name, language
 * and time zone from `users.info` (https://api.slack.com/methods/users.info); the profile is cached
 * in the person record and refreshed in the background, never on the ack path (ProfileCache).
 */
export class SlackActors {
  /** Each user's language as last seen, so even an answer without the store is in their language. */
  private readonly locales = new Map<string, Locale>();
  private readonly profiles: ProfileCache;

  constructor(
    private readonly deps: AppDeps,
    private readonly client: webApi.WebClient,
    private readonly defaultLocale: Locale,
    timing: { refreshMs?: number; firstLookupMs?: number; backgroundLookupMs?: number } = {},
  ) {
    this.profiles = new ProfileCache(deps, { platform: 'slack', fetch: (id) => this.fetch(id), defaultLocale, ...timing });
  }

  /** The user's language when known from an earlier interaction or this one's users.info. */
  knownLocale(userId: string): Locale | undefined {
    return this.locales.get(userId);
  }

  /** The person behind the user who sent the request, registered on first use. */
  async resolve(userId: string): Promise<Person> {
    try {
      return this.seen(userId, await this.profiles.resolve(userId));
    } catch (e) {
      // The store is down: the refusal should still be in the user's language, which Slack knows.
      // A short wait only, as this runs before the ack, after the store's own deadline.
      if (isAppError(e) && e.code === 'UNAVAILABLE' && !this.locales.has(userId)) await this.learnLocale(userId, 500);
      throw e;
    }
  }

  private async learnLocale(userId: string, ms: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
    await Promise.race([this.fetch(userId).then(() => undefined, () => undefined), deadline]);
    clearTimeout(timer);
  }

  /**
   * A mentioned user the bot already knows, as stored, or null. A mention never registers anyone,
   * and changes no one either: their profile is refreshed when they use the bot themselves, so a
   * refused command that names someone leaves the store as it was.
   */
  async known(userId: string): Promise<Person | null> {
    return (await this.deps.store.personByIdentity(`slack:${userId}`)) ?? null;
  }

  /** Resolves when the profile refreshes started so far are done. */
  idle(): Promise<void> {
    return this.profiles.idle();
  }

  private seen(userId: string, person: Person): Person {
    this.locales.set(userId, person.locale);
    return person;
  }

  private async fetch(userId: string): Promise<FetchedProfile> {
    const info = await this.client.users.info({ user: userId, include_locale: true }).catch((e: unknown) => {
      const code = (e as { data?: { error?: string } }).data?.error;
      throw code && NO_SUCH_USER.has(code) ? unknownUser(userId, e) : e;
    });
    const u = info.user;
    if (!u || u.deleted) throw unknownUser(userId);
    const locale = supportedLocale(u.locale, this.defaultLocale);
    this.locales.set(userId, locale);
    return { name: u.profile?.real_name || u.real_name || u.name || userId, locale, ...(u.tz ? { timeZone: u.tz } : {}) };
  }
}
