import type { webApi } from '@slack/bolt';
import { identify, supportedLocale } from '../../application/people/identify.js';
import type { AppDeps } from '../../application/deps.js';
import { AppError } from '../../domain/errors.js';
import type { Locale } from '../../domain/model/fields.js';
import type { Person } from '../../domain/model/people.js';

/**
 * The person behind a Slack user. The first interaction registers them with their name, language
 * and time zone from `users.info` (https://api.slack.com/methods/users.info); later ones read the
 * store. Profiles are refreshed from Slack at most every `refreshMs` per user.
 */
export class SlackActors {
  private readonly fetchedAt = new Map<string, number>();
  /** Each user's language as last seen, so even an answer without the store is in their language. */
  private readonly locales = new Map<string, Locale>();

  /** The user's language when known from an earlier interaction or this one's users.info. */
  knownLocale(userId: string): Locale | undefined {
    return this.locales.get(userId);
  }

  constructor(
    private readonly deps: AppDeps,
    private readonly client: webApi.WebClient,
    private readonly defaultLocale: Locale,
    private readonly refreshMs = 6 * 3600_000,
  ) {}

  async resolve(userId: string): Promise<Person> {
    const identity = `slack:${userId}`;
    const now = this.deps.clock.now().getTime();
    const last = this.fetchedAt.get(userId);
    if (last !== undefined && now - last < this.refreshMs) {
      const known = await this.deps.store.personByIdentity(identity);
      if (known) {
        this.locales.set(userId, known.locale);
        return known;
      }
    }
    const info = await this.client.users.info({ user: userId, include_locale: true }).catch((e: unknown) => {
      throw new AppError('NOT_FOUND', `Slack has no user ${userId}`, { params: { messageId: 'slack.unknownUser' }, cause: e });
    });
    const u = info.user;
    if (!u || u.deleted) throw new AppError('NOT_FOUND', `Slack has no user ${userId}`, { params: { messageId: 'slack.unknownUser' } });
    this.locales.set(userId, supportedLocale(u.locale, this.defaultLocale));
    const { person } = await identify(this.deps, {
      identity,
      name: u.profile?.real_name || u.real_name || u.name || userId,
      locale: supportedLocale(u.locale, this.defaultLocale),
      ...(u.tz ? { timeZone: u.tz } : {}),
    });
    this.fetchedAt.set(userId, now);
    this.locales.set(userId, person.locale);
    return person;
  }
}
