import { afterEach, describe, expect, it } from 'vitest';
import { createLarkAdapter } from '../../src/adapters/lark/lark-app.js';
import type { Logger } from '../../src/ports/logger.js';
import { testDeps } from '../helpers/temp-store.js';
import { APP_ID, APP_SECRET, FakeLark } from './fake-lark.js';
import { dmChat, startHarness, TOKEN, type Harness } from './harness.js';
import { cardAction, envelope, menuEvent, messageEvent } from './signing.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

type Envelope = { header: { tenant_key: string }; event: { sender?: { tenant_key: string }; operator?: { tenant_key?: string } } };

/** An envelope as another company's Lark sends it: its tenant in the header and on the sender. */
function fromTenant(payload: object, tenant: string): object {
  const e = payload as Envelope;
  e.header.tenant_key = tenant;
  if (e.event.sender) e.event.sender.tenant_key = tenant;
  if (e.event.operator) e.event.operator.tenant_key = tenant;
  return e;
}

async function started(opts: Parameters<typeof startHarness>[0] = {}): Promise<Harness> {
  h = await startHarness(opts);
  return h;
}

describe('LARK_TENANT_KEY set: only our company gets in', () => {
  it('drops a message and a menu click from another tenant: nobody registered, nothing sent', async () => {
    const h = await started({ tenantKeys: ['tenant_fake'] });
    h.fake.addUser({ openId: 'ou_outsider', name: 'Otto Outsider' });
    const before = await h.deps.store.people.count();
    expect((await h.post(fromTenant(envelope('im.message.receive_v1', TOKEN, messageEvent({ openId: 'ou_outsider', text: '/ranking' })), 'tenant_other'))).status).toBe(200);
    expect((await h.post(fromTenant(envelope('application.bot.menu_v6', TOKEN, menuEvent('ou_outsider', 'ranking')), 'tenant_other'))).status).toBe(200);
    await h.idle();
    expect(await h.deps.store.people.count()).toBe(before);
    expect(await h.deps.store.personByIdentity('lark:ou_outsider')).toBeNull();
    expect(h.fake.sent).toEqual([]);
    expect(await h.deps.store.processedEvents.count()).toBe(0);
  });

  it('refuses an external contact writing from their own tenant, even when the event is delivered to ours', async () => {
    const h = await started({ tenantKeys: ['tenant_fake'] });
    const payload = envelope('im.message.receive_v1', TOKEN, messageEvent({ openId: 'ou_outsider', text: '/ranking' })) as Envelope;
    payload.event.sender!.tenant_key = 'tenant_other';
    await h.post(payload);
    await h.idle();
    expect(await h.deps.store.personByIdentity('lark:ou_outsider')).toBeNull();
    expect(h.fake.sent).toEqual([]);
  });

  it('answers a card callback from another tenant with a toast in both languages and stores nothing', async () => {
    const h = await started({ tenantKeys: ['tenant_fake'] });
    const payload = fromTenant(envelope('card.action.trigger', TOKEN, cardAction({ openId: 'ou_annlee', value: { form: 'intel' }, formValue: { topic: 'x', text: 'y' }, messageId: 'om_1' })), 'tenant_other');
    const res = await h.post(payload, { url: h.cardsUrl });
    const answer = res.json() as { toast: { type: string; content: string } };
    expect(answer.toast.type).toBe('error');
    expect(answer.toast.content).toContain('This appraisal bot serves only its own company on Lark/Feishu');
    expect(answer.toast.content).toContain('此考核机器人只服务于本公司的飞书（Lark）企业');
    expect(await h.deps.store.intel.count()).toBe(0);
  });

  it('serves our own tenant as before', async () => {
    const h = await started({ tenantKeys: ['tenant_fake'] });
    await h.dm('ou_annlee', '/visit');
    await h.idle();
    expect(h.fake.sentTo(dmChat('ou_annlee'))).toHaveLength(1);
  });
});

describe('LARK_TENANT_KEY not set', () => {
  it('accepts any tenant (zero setup)', async () => {
    const h = await started();
    await h.post(fromTenant(envelope('im.message.receive_v1', TOKEN, messageEvent({ openId: 'ou_annlee', text: '/visit' })), 'tenant_other'));
    await h.idle();
    expect(h.fake.sentTo(dmChat('ou_annlee'))).toHaveLength(1);
  });
});

describe('start-up', () => {
  it('warns that any tenant is accepted when LARK_TENANT_KEY is not set, and not when it is', async () => {
    const warnings: string[] = [];
    const capture: Logger = { debug: () => {}, info: () => {}, error: () => {}, warn: (o, m) => void warnings.push(typeof o === 'string' ? o : (m ?? '')), child: () => capture };
    const f = new FakeLark();
    await f.start();
    const deps = { ...testDeps(), logger: capture };
    const base = { appId: APP_ID, appSecret: APP_SECRET, verificationToken: 't', encryptKey: 'k', connection: 'http' as const, domain: f.url, defaultLocale: 'zh-CN' as const };
    await createLarkAdapter(deps, base).start();
    await createLarkAdapter(deps, { ...base, tenantKeys: ['tenant_fake'] }).start();
    await f.stop();
    await deps.cleanup();
    expect(warnings.filter((w) => w.includes('LARK_TENANT_KEY'))).toEqual([expect.stringContaining('events from any Lark/Feishu tenant are accepted')]);
  });
});
