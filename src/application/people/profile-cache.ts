import { isAppError } from '../../domain/errors.js';
import type { PlatformName } from '../../domain/model/delivery.js';
import type { Locale } from '../../domain/model/fields.js';
import type { Person } from '../../domain/model/people.js';
import type { AppDeps } from '../deps.js';
import { identify, type PlatformProfile } from './identify.js';

/** What a platform's profile says about a user (users.info, Lark's contact API). */
export interface FetchedProfile {
  name?: string;
  locale?: Locale;
  timeZone?: string;
}

export interface ProfileCacheOptions {
  /** The platform whose profiles these are: identities are `<platform>:<id>`. */
  platform: PlatformName;
  /**
   * Reads the platform's profile. Throws an AppError NOT_FOUND when the platform says the user
   * does not exist (they are refused); any other failure only means "not now".
   */
  fetch: (platformId: string) => Promise<FetchedProfile>;
  /** Language of a person registered before their profile could be read. */
  defaultLocale: Locale;
  /** How old a cached profile may get before it is refreshed (in the background). Default 6 h. */
  refreshMs?: number;
  /** How long a request may wait for a profile it does not have yet. Default 1.5 s. */
  firstLookupMs?: number;
  /** The deadline of a refresh nobody waits for. Default 10 s. */
  backgroundLookupMs?: number;
}

const TIMED_OUT = Symbol('timed out');

/** The call, or TIMED_OUT after `ms`; a late failure is not an unhandled rejection. */
function within<T>(call: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms);
    timer.unref();
  });
  call.catch(() => undefined);
  return Promise.race([call, deadline]).finally(() => clearTimeout(timer));
}

/**
 * Who is behind a platform user, answered in time for the platform's 3-second ack whatever the
 * profile lookup does. The person record is the profile cache (name, language, zone and
 * `profileFetchedAt`), so it survives restarts:
 * - a known person with a fresh profile is answered from the store alone;
 * - a known person with a stale profile is answered from the store, refreshed in the background;
 * - a person never looked up (new, or imported) waits at most `firstLookupMs` for the profile;
 *   past it a newcomer is registered under their platform id and the default language, a known
 *   person answered as stored, and the lookup finishes in the background (within its own deadline).
 * A user the platform says does not exist is refused and never registered.
 */
export class ProfileCache {
  private readonly refreshMs: number;
  private readonly firstLookupMs: number;
  private readonly backgroundLookupMs: number;
  /** Lookups in flight, one per user, so a burst of requests asks the platform once. */
  private readonly inFlight = new Map<string, Promise<FetchedProfile>>();
  /** Background refreshes, for idle() (tests, shutdown). */
  private readonly background = new Set<Promise<void>>();

  constructor(
    private readonly deps: AppDeps,
    private readonly opts: ProfileCacheOptions,
  ) {
    this.refreshMs = opts.refreshMs ?? 6 * 3600_000;
    this.firstLookupMs = opts.firstLookupMs ?? 1500;
    this.backgroundLookupMs = opts.backgroundLookupMs ?? 10_000;
  }

  /** The person behind the user, registered on their first use. `hint` names them if the profile cannot. */
  async resolve(platformId: string, hint: { name?: string | undefined } = {}): Promise<Person> {
    const known = await this.known(platformId);
    if (known) return known;
    const identity = this.identity(platformId);
    const lookup = this.lookup(platformId);
    const got = await within(lookup, this.firstLookupMs).catch((e: unknown) => this.failed(e, platformId));
    if (got !== TIMED_OUT && got !== null) return (await identify(this.deps, this.profile(platformId, got, hint))).person;
    // Slow or failing platform: register now under what we know, fill the profile in later.
    const { person } = await identify(this.deps, { identity, name: hint.name || platformId, locale: this.opts.defaultLocale });
    if (got === TIMED_OUT) this.later(platformId, lookup, hint);
    return person;
  }

  /** A person the bot already knows (refreshing their profile as above), or null: never registers. */
  async known(platformId: string): Promise<Person | null> {
    const known = await this.deps.store.personByIdentity(this.identity(platformId));
    if (!known) return null;
    const now = this.deps.clock.now().getTime();
    const fetchedAt = known.profileFetchedAt ? Date.parse(known.profileFetchedAt) : undefined;
    if (fetchedAt !== undefined && now - fetchedAt < this.refreshMs) return known;
    const lookup = this.lookup(platformId);
    if (fetchedAt !== undefined) {
      this.later(platformId, lookup);
      return known;
    }
    // A known person the platform no longer has (left the company) keeps their records: answer as stored.
    const got = await within(lookup, this.firstLookupMs).catch((e: unknown) => (isAppError(e) && e.code === 'NOT_FOUND' ? null : this.failed(e, platformId)));
    if (got === TIMED_OUT) this.later(platformId, lookup);
    if (got === TIMED_OUT || got === null) return known;
    return (await identify(this.deps, this.profile(platformId, got))).person;
  }

  /** Resolves when every background refresh started so far has finished. */
  async idle(): Promise<void> {
    while (this.background.size > 0) await Promise.allSettled([...this.background]);
  }

  private identity(platformId: string): string {
    return `${this.opts.platform}:${platformId}`;
  }

  /**
   * What identify() stores from a fetched profile. A newcomer is named by the profile, else by the
   * event (`hint`), else by their id, in the default language when the platform does not say
   * (Lark never does); a known person keeps what the profile leaves out.
   */
  private profile(platformId: string, p: FetchedProfile, hint?: { name?: string | undefined }): PlatformProfile {
    const isNew = hint !== undefined;
    const locale = p.locale ?? (isNew ? this.opts.defaultLocale : undefined);
    return {
      identity: this.identity(platformId),
      name: p.name || (isNew ? hint.name || platformId : ''),
      ...(locale ? { locale } : {}),
      ...(p.timeZone ? { timeZone: p.timeZone } : {}),
      fetchedAt: this.deps.clock.now().toISOString(),
    };
  }

  /** A "no such user" refuses the request; any other failure means: carry on without the profile. */
  private failed(e: unknown, platformId: string): null {
    if (isAppError(e) && e.code === 'NOT_FOUND') throw e;
    this.deps.logger.info({ err: e instanceof Error ? e.message : e, platform: this.opts.platform, platformId }, 'profile lookup failed; answering from the store');
    return null;
  }

  private lookup(platformId: string): Promise<FetchedProfile> {
    const running = this.inFlight.get(platformId);
    if (running) return running;
    const call = Promise.resolve()
      .then(() => this.opts.fetch(platformId))
      .finally(() => this.inFlight.delete(platformId));
    this.inFlight.set(platformId, call);
    return call;
  }

  /** Stores the profile once the lookup answers, within the background deadline; never throws. */
  private later(platformId: string, lookup: Promise<FetchedProfile>, hint?: { name?: string | undefined }): void {
    const task: Promise<void> = within(lookup, this.backgroundLookupMs)
      .then(async (got) => {
        if (got === TIMED_OUT) return void this.deps.logger.warn({ platform: this.opts.platform, platformId, ms: this.backgroundLookupMs }, 'profile lookup gave up');
        await identify(this.deps, this.profile(platformId, got, hint));
      })
      .catch((e: unknown) => void this.deps.logger.info({ err: e instanceof Error ? e.message : e, platform: this.opts.platform, platformId }, 'background profile refresh failed'))
      .finally(() => this.background.delete(task));
    this.background.add(task);
  }
}
