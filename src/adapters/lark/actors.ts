import type { Client } from '@larksuiteoapi/node-sdk';
import type { AppDeps } from '../../application/deps.js';
import { ProfileCache, type FetchedProfile } from '../../application/people/profile-cache.js';
import { isValidTimeZone } from '../../domain/dates.js';
import { AppError } from '../../domain/errors.js';
import type { Locale } from '../../domain/model/fields.js';
import type { Person } from '../../domain/model/people.js';
import type { Logger } from '../../ports/logger.js';
import { callApi } from './api-errors.js';

const OPEN_ID = /^ou_[A-Za-z0-9]{4,64}$/;

const notAnOpenId = (openId: string): AppError => new AppError('NOT_FOUND', `not a Lark open_id: ${openId}`, { params: { messageId: 'error.unknownPerson' } });

/**
 * The person behind a Lark user (`lark:<open_id>`). The first interaction registers them; the name
 * and time zone come from the contact API (https://open.feishu.cn/document/server-docs/contact-v3/user/get)
 * when the app may read contacts, otherwise from what the event says (a mention's name, the menu
 * operator's name) or the open_id. Lark does not tell a user's language: a new person gets the
 * Lark default (Chinese) and keeps whatever is stored later. The profile is cached in the person
 * record and refreshed in the background, with deadlines (ProfileCache); after a refusal the
 * contact API is left alone for `refreshMs`.
 */
export class LarkActors {
  private contactDeniedAt: number | undefined;
  private readonly profiles: ProfileCache;
  private readonly refreshMs: number;

  constructor(
    private readonly deps: AppDeps,
    private readonly client: Client,
    defaultLocale: Locale,
    private readonly logger: Logger,
    timing: { refreshMs?: number; firstLookupMs?: number; backgroundLookupMs?: number } = {},
  ) {
    this.refreshMs = timing.refreshMs ?? 6 * 3600_000;
    this.profiles = new ProfileCache(deps, { platform: 'lark', fetch: (id) => this.contact(id), defaultLocale, ...timing });
  }

  /** The person behind the user who sent the event, registered on first use; `hint` names them without contact access. */
  async resolve(openId: string, hint: { name?: string | undefined } = {}): Promise<Person> {
    if (!OPEN_ID.test(openId)) throw notAnOpenId(openId);
    return this.profiles.resolve(openId, hint);
  }

  /**
   * A mentioned user the bot already knows, as stored, or null: a mention never registers anyone,
   * and never refreshes (renames) them either, so naming someone in a refused command changes nothing.
   */
  async known(openId: string): Promise<Person | null> {
    if (!OPEN_ID.test(openId)) return null;
    return (await this.deps.store.personByIdentity(`lark:${openId}`)) ?? null;
  }

  /** Resolves when the profile refreshes started so far are done. */
  idle(): Promise<void> {
    return this.profiles.idle();
  }

  /** The contact profile; empty (and cached as such) while the app may not read contacts. */
  private async contact(openId: string): Promise<FetchedProfile> {
    const now = this.deps.clock.now().getTime();
    if (this.contactDeniedAt !== undefined && now - this.contactDeniedAt < this.refreshMs) return {};
    try {
      const data = await callApi('contact.v3.user.get', () => this.client.contact.v3.user.get({ path: { user_id: openId }, params: { user_id_type: 'open_id' } }));
      const u = data?.user;
      return { ...(u?.name ? { name: u.name } : {}), ...(u?.time_zone && isValidTimeZone(u.time_zone) ? { timeZone: u.time_zone } : {}) };
    } catch (e) {
      // No contact permission (99991672, 41050 …) or any other failure: carry on with what the event says.
      this.contactDeniedAt = now;
      this.logger.info({ err: e instanceof Error ? e.message : e, openId }, 'Lark contact API unavailable; using the name from the event');
      return {};
    }
  }
}
