import { afterEach, describe, expect, it } from 'vitest';
import { createLarkAdapter, type LarkOptions } from '../../src/adapters/lark/lark-app.js';
import { AppError } from '../../src/domain/errors.js';
import { smallOrg } from '../helpers/org.js';
import { testDeps } from '../helpers/temp-store.js';
import { assertCard20 } from './card-schema.js';
import { APP_ID, APP_SECRET, FakeLark } from './fake-lark.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function fake(): Promise<FakeLark> {
  const f = new FakeLark();
  await f.start();
  cleanups.push(() => f.stop());
  return f;
}

function adapter(domain: string, over: Partial<LarkOptions> = {}) {
  const deps = testDeps();
  cleanups.push(deps.cleanup);
  return { deps, lark: createLarkAdapter(deps, { appId: APP_ID, appSecret: APP_SECRET, verificationToken: 't', encryptKey: 'k', connection: 'http', domain, defaultLocale: 'zh-CN', ...over }) };
}

const startError = (o: { start(): Promise<void> }): Promise<unknown> => o.start().then(() => 'started', (e: unknown) => e);

describe('Lark start-up', () => {
  it('checks the credentials (tenant token, bot info) before serving', async () => {
    const f = await fake();
    expect(await startError(adapter(f.url).lark)).toBe('started');
    expect(f.calls.map((c) => `${c.method} ${c.path}`)).toEqual(['POST /open-apis/auth/v3/tenant_access_token/internal', 'GET /open-apis/bot/v3/info']);
  });

  it('stops with a CONFIG error naming the settings when Lark refuses the secret', async () => {
    const f = await fake();
    const e = (await startError(adapter(f.url, { appSecret: 'wrong' }).lark)) as AppError;
    expect(e).toBeInstanceOf(AppError);
    expect(e.code).toBe('CONFIG');
    expect(e.message).toMatch(/^LARK_APP_ID \/ LARK_APP_SECRET: Lark refused them \(.*app secret invalid\)\. Fix: copy the App ID and App Secret/);
  });

  it('says to add the bot feature when the app has none', async () => {
    const f = await fake();
    f.noBot = true;
    const e = (await startError(adapter(f.url).lark)) as AppError;
    expect(e.code).toBe('CONFIG');
    expect(e.message).toContain('add the Bot feature');
  });

  it('stops with UNAVAILABLE when Lark cannot be reached', async () => {
    const e = (await startError(adapter('http://127.0.0.1:9').lark)) as AppError;
    expect(e.code).toBe('UNAVAILABLE');
    expect(e.message).toContain('could not be reached at http://127.0.0.1:9');
  });
});

describe('long connection (LARK_CONNECTION=ws)', () => {
  it('has no HTTP listener, and its dispatcher handles events and card callbacks as WSClient delivers them', async () => {
    const f = await fake();
    f.addUser({ openId: 'ou_annlee', name: 'Ann Lee' });
    const { deps, lark } = adapter(f.url, { connection: 'ws', verificationToken: undefined, encryptKey: undefined });
    await smallOrg(deps.store);
    expect(lark.listener).toBeUndefined();
    expect([...lark.dispatcher.handles.keys()]).toEqual(expect.arrayContaining(['im.message.receive_v1', 'application.bot.menu_v6', 'card.action.trigger']));
    // WSClient hands the dispatcher plain schema 2.0 payloads with needCheck: false.
    const header = (type: string, id: string) => ({ event_id: id, token: '', create_time: '1', event_type: type, tenant_key: 't', app_id: APP_ID });
    await lark.dispatcher.invoke(
      { schema: '2.0', header: header('im.message.receive_v1', 'ev_ws1'), event: { sender: { sender_id: { open_id: 'ou_annlee' }, sender_type: 'user' }, message: { message_id: 'om_1', create_time: '1', chat_id: 'oc_dm1', chat_type: 'p2p', message_type: 'text', content: '{"text":"/帮助"}' } } },
      { needCheck: false },
    );
    await lark.idle();
    expect(f.sent.map((m) => m.receiveId)).toEqual(['oc_dm1']);
    const answer = (await lark.dispatcher.invoke(
      { schema: '2.0', header: header('card.action.trigger', 'ev_ws2'), event: { operator: { open_id: 'ou_annlee' }, action: { value: { form: 'intel' }, form_value: { topic: 'WS', text: 'via long connection' } }, context: { open_message_id: 'om_2' } } },
      { needCheck: false },
    )) as { toast: { type: string }; card: { data: unknown } };
    expect(answer.toast.type).toBe('success');
    assertCard20(answer.card.data);
    expect(await deps.store.intel.count()).toBe(1);
  });

  it('refuses HTTP mode without the encrypt key and verification token', () => {
    expect(() => adapter('http://127.0.0.1:9', { encryptKey: undefined })).toThrow(/LARK_ENCRYPT_KEY and LARK_VERIFICATION_TOKEN are required/);
  });
});
