import type http from 'node:http';
import { createHttpServer, close, listen } from '../../src/adapters/http/server.js';
import { createLarkAdapter, type LarkAdapter } from '../../src/adapters/lark/lark-app.js';
import { createLarkOutbound } from '../../src/adapters/lark/outbound.js';
import type { Pace } from '../../src/adapters/lark/rate-limit.js';
import { dispatchDue } from '../../src/application/delivery/dispatch.js';
import { ensureDefaultTemplate } from '../../src/application/templates.js';
import type { Locale } from '../../src/domain/model/fields.js';
import { silentLogger } from '../../src/ports/logger.js';
import { smallOrg } from '../helpers/org.js';
import { testDeps } from '../helpers/temp-store.js';
import { APP_ID, APP_SECRET, BOT_OPEN_ID, FakeLark, type SentMessage } from './fake-lark.js';
import { cardAction, envelope, menuEvent, messageEvent, postLark, type PostOptions, type Posted } from './signing.js';

export const ENCRYPT_KEY = 'test-encrypt-key';
export const TOKEN = 'test-verification-token';

/** Lark users of the test tenant and the people they are (smallOrg ids). */
export const USERS = {
  ou_annlee: { person: 'ann', name: 'Ann Lee', locale: 'en' },
  ou_bobwu: { person: 'bob', name: 'Bob Wu', locale: 'zh-CN' },
  ou_catxu: { person: 'cat', name: 'Cat Xu', locale: 'en' },
  ou_miamgr: { person: 'mgr', name: 'Mia Manager', locale: 'en' },
  ou_hanahr: { person: 'hr', name: 'Hana HR', locale: 'en' },
} as const satisfies Record<string, { person: string; name: string; locale: Locale }>;
export const ADMIN = 'ou_adaadmin';

export type Card = { header?: { title: { content: string }; template: string }; body: { elements: Record<string, unknown>[] } };

export interface Harness {
  fake: FakeLark;
  deps: ReturnType<typeof testDeps>;
  adapter: LarkAdapter;
  eventsUrl: string;
  cardsUrl: string;
  /** Every wait the adapter asked for (send pacing, rate-limit back-off), in ms. */
  sleeps: number[];
  /** Signed, encrypted POST of a payload, as Lark sends it; `o` changes what a test needs to break. */
  post(payload: object, o?: Partial<PostOptions> & { url?: string }): Promise<Posted>;
  dm(openId: string, text: string): Promise<Posted>;
  group(openId: string, text: string, mentions?: { openId: string; name: string }[], chatId?: string): Promise<Posted>;
  menu(openId: string, key: string): Promise<Posted>;
  submit(openId: string, value: unknown, formValue: Record<string, unknown>, messageId?: string): Promise<Posted>;
  /** The last card sent to someone (by open_id or chat_id), after the work the events started. */
  lastCardTo(receiveId: string): Card;
  idle(): Promise<void>;
  close(): Promise<void>;
}

/** The DM chat the fake answers for a user's first message. */
export const dmChat = (openId: string): string => `oc_dm_${openId}`;

let msgSeq = 0;

export async function startHarness(opts: { ackDeadlineMs?: number; retries?: number; tenantKeys?: string[] } = {}): Promise<Harness> {
  const fake = new FakeLark();
  await fake.start();
  for (const [openId, u] of Object.entries(USERS)) fake.addUser({ openId, name: u.name, timeZone: 'Asia/Shanghai' });
  fake.addUser({ openId: ADMIN, name: 'Ada Admin' });
  const deps = testDeps('2026-11-26T02:00:00Z');
  deps.settings.admins = [`lark:${ADMIN}`];
  deps.settings.fxRates = { CNY: 1, USD: 7.1 };
  await smallOrg(deps.store);
  await ensureDefaultTemplate(deps);
  for (const [openId, u] of Object.entries(USERS)) {
    const p = (await deps.store.people.get(u.person))!;
    await deps.store.people.put({ ...p, locale: u.locale, identities: [...p.identities, `lark:${openId}`] });
  }
  const sleeps: number[] = [];
  // Waiting is recorded, not done: the tests assert what was asked for, never how long anything took.
  const pace: Pace = { now: () => deps.clock.now().getTime(), sleep: async (ms) => void sleeps.push(ms) };
  // What an answer queues (an intel post) goes out as in main.ts: the dispatcher sends it through
  // the Lark ChatPlatform to the fake, unpaced; idle() waits for it.
  const outbound = new Map([['lark' as const, createLarkOutbound({ appId: APP_ID, appSecret: APP_SECRET, domain: fake.url, logger: silentLogger, limits: { perTargetIntervalMs: 0, perPlatformIntervalMs: 0 } })]]);
  const dispatches = new Set<Promise<unknown>>();
  const onQueued = (): void => {
    const p: Promise<unknown> = dispatchDue(deps, outbound, { owner: 'lark-harness', sleep: async () => {} }).finally(() => dispatches.delete(p));
    dispatches.add(p);
  };
  const adapter = createLarkAdapter(deps, {
    appId: APP_ID,
    appSecret: APP_SECRET,
    verificationToken: TOKEN,
    encryptKey: ENCRYPT_KEY,
    connection: 'http',
    domain: fake.url,
    defaultLocale: 'zh-CN',
    pace,
    retries: opts.retries ?? 3,
    ackDeadlineMs: opts.ackDeadlineMs ?? 60_000,
    ...(opts.tenantKeys ? { tenantKeys: opts.tenantKeys } : {}),
    onQueued,
  });
  await adapter.start();
  const server: http.Server = createHttpServer(
    new Map([
      ['/lark/events', adapter.listener!],
      ['/lark/cards', adapter.listener!],
    ]),
    silentLogger,
  );
  const port = await listen(server, 0, '127.0.0.1');
  const eventsUrl = `http://127.0.0.1:${port}/lark/events`;
  const cardsUrl = `http://127.0.0.1:${port}/lark/cards`;
  const post = (payload: object, o: Partial<PostOptions> & { url?: string } = {}) =>
    postLark(o.url ?? eventsUrl, payload, { encryptKey: ENCRYPT_KEY, timestamp: Math.floor(deps.clock.now().getTime() / 1000), ...o });
  return {
    fake,
    deps,
    adapter,
    eventsUrl,
    cardsUrl,
    sleeps,
    post,
    dm: (openId, text) => post(envelope('im.message.receive_v1', TOKEN, messageEvent({ openId, text }))),
    group: (openId, text, mentions = [], chatId = 'oc_salesgroup') =>
      post(envelope('im.message.receive_v1', TOKEN, messageEvent({ openId, text: `@_user_1 ${text}`, chatType: 'group', chatId, mentions: [{ openId: BOT_OPEN_ID, name: 'Appraisal', bot: true }, ...mentions] }))),
    menu: (openId, key) => post(envelope('application.bot.menu_v6', TOKEN, menuEvent(openId, key))),
    submit: (openId, value, formValue, messageId = `om_form_${++msgSeq}`) =>
      post(envelope('card.action.trigger', TOKEN, cardAction({ openId, value, formValue, messageId })), { url: cardsUrl }),
    lastCardTo: (receiveId) => {
      const m: SentMessage | undefined = fake.sentTo(receiveId).at(-1);
      if (!m) throw new Error(`nothing was sent to ${receiveId}; sent: ${fake.sent.map((s) => s.receiveId).join(', ')}`);
      return m.card as unknown as Card;
    },
    idle: async () => {
      await adapter.idle();
      while (dispatches.size > 0) await Promise.allSettled([...dispatches]);
    },
    close: async () => {
      await adapter.stop();
      await Promise.allSettled([...dispatches]);
      await close(server);
      await fake.stop();
      await deps.cleanup();
    },
  };
}
