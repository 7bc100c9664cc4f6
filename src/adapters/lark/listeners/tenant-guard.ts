import type { Logger } from '../../../ports/logger.js';
import { t } from '../../../views/i18n.js';
import type { CardResponse } from '../reply/card-response.js';

type Loose = Record<string, unknown> | undefined;
const obj = (v: unknown): Loose => (v && typeof v === 'object' ? (v as Record<string, unknown>) : undefined);
const str = (v: unknown): string[] => (typeof v === 'string' && v !== '' ? [v] : []);

/**
 * The tenants (companies) an event names. The SDK flattens a schema 2.0 envelope, so the header's
 * `tenant_key` is on the data itself; a message's sender and a card action's operator carry their
 * own `tenant_key` too (an external contact writing to the bot has a tenant of their own).
 * https://open.feishu.cn/document/server-docs/event-subscription-guide/event-subscription-configure-/request-url-configuration-case
 */
export function tenantsOf(data: unknown): string[] {
  const d = obj(data) ?? {};
  return [...str(d.tenant_key), ...str(obj(d.sender)?.tenant_key), ...str(obj(d.operator)?.tenant_key)];
}

/** Whether every tenant the event names is served; an event naming none is refused. */
export const fromServedTenant = (tenants: readonly string[], allowed: ReadonlySet<string>): boolean => tenants.length > 0 && tenants.every((k) => allowed.has(k));

/**
 * With LARK_TENANT_KEY set, events and callbacks from other tenants are refused before their
 * handler runs, so nobody is looked up or registered: a message or menu click is logged and
 * dropped (the bot cannot write to another company's user), a card callback is answered with a
 * toast in both languages (the bot does not know the person's).
 */
export function tenantGuard<D, R>(tenantKeys: readonly string[] | undefined, logger: Logger, handler: (data: D) => Promise<R>, refuse: () => R): (data: D) => Promise<R> {
  if (!tenantKeys?.length) return handler;
  const allowed = new Set(tenantKeys);
  return async (data) => {
    const tenants = tenantsOf(data);
    if (fromServedTenant(tenants, allowed)) return handler(data);
    logger.warn({ tenants, eventId: obj(data)?.event_id }, 'refused an event from a tenant not in LARK_TENANT_KEY');
    return refuse();
  };
}

export const foreignTenantToast = (): CardResponse => ({ toast: { type: 'error', content: `${t('en', 'access.foreignTenant')}\n${t('zh-CN', 'access.foreignTenant')}` } });
