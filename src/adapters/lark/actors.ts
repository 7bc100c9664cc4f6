import type { Client } from '@larksuiteoapi/node-sdk';
import type { AppDeps } from '../../application/deps.js';
import { identify } from '../../application/people/identify.js';
import { isValidTimeZone } from '../../domain/dates.js';
import { AppError } from '../../domain/errors.js';
import type { Locale } from '../../domain/model/fields.js';
import type { Person } from '../../domain/model/people.js';
import type { Logger } from '../../ports/logger.js';
import { callApi } from './api-errors.js';

const OPEN_ID = /^ou_[A-Za-z0-9]{4,64}$/;

/**
 * The person behind a Lark user (`lark:<open_id>`). The first interaction registers them; the name
 * and time zone come from the contact API (https://open.feishu.cn/document/server-docs/contact-v3/user/get)
 * when the app may read contacts, otherwise from what the event says (a mention's name, the menu
 * operator's name) or the open_id. Lark does not tell a user's language: a new person gets the
 * Lark default (Chinese) and keeps whatever is stored later. Profiles are refreshed at most every
 * `refreshMs` per user; after a refusal the contact API is left alone for that long.
 */
export class LarkActors {
  private readonly fetchedAt = new Map<string, number>();
  private contactDeniedAt: number | undefined;

  constructor(
    private readonly deps: AppDeps,
    private readonly client: Client,
    private readonly defaultLocale: Locale,
    private readonly logger: Logger,
    private readonly refreshMs = 6 * 3600_000,
  ) {}

  private async contact(openId: string, now: number): Promise<{ name?: string; timeZone?: string }> {
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

  async resolve(openId: string, hint: { name?: string | undefined } = {}): Promise<Person> {
    if (!OPEN_ID.test(openId)) throw new AppError('NOT_FOUND', `not a Lark open_id: ${openId}`, { params: { messageId: 'error.unknownPerson' } });
    const identity = `lark:${openId}`;
    const now = this.deps.clock.now().getTime();
    const known = await this.deps.store.personByIdentity(identity);
    const last = this.fetchedAt.get(openId);
    if (known && last !== undefined && now - last < this.refreshMs) return known;
    const profile = await this.contact(openId, now);
    const { person } = await identify(this.deps, {
      identity,
      name: profile.name ?? known?.name ?? hint.name ?? openId,
      ...(known ? {} : { locale: this.defaultLocale }),
      ...(profile.timeZone ? { timeZone: profile.timeZone } : {}),
    });
    this.fetchedAt.set(openId, now);
    return person;
  }
}
