import { isFormId } from '../../../chat/entry-forms.js';
import type { Locale } from '../../../domain/model/fields.js';
import type { FormId } from '../../../views/forms/form.js';
import { errorText } from '../../../views/errors.js';
import { t } from '../../../views/i18n.js';
import type { LarkContext } from '../context.js';
import { firstDelivery, handleClaimed } from '../dedupe.js';
import type { Card } from '../render/card.js';
import type { FormSubmitValue } from '../render/form-card.js';
import { readFormValue } from '../render/form-values.js';
import { submitForm } from './submit-form.js';
import { isButtonValue, onButton } from './button-action.js';

/** `card.action.trigger` as the SDK hands it over (header and event flattened). */
export interface CardActionEvent {
  event_id?: string;
  operator?: { open_id?: string };
  action?: { tag?: string; name?: string; value?: unknown; form_value?: unknown };
  context?: { open_message_id?: string; open_chat_id?: string };
}

/** The callback's answer: a toast, and the card that replaces the one clicked. */
export interface CardResponse {
  toast?: { type: 'success' | 'error' | 'info' | 'warning'; content: string };
  card?: { type: 'raw'; data: Card };
}

const LATE = Symbol('late');

function submitValue(value: unknown): FormSubmitValue | null {
  const v = value as { form?: unknown; kind?: unknown } | null;
  if (!v || typeof v !== 'object' || typeof v.form !== 'string' || !isFormId(v.form)) return null;
  return { form: v.form as FormId, ...(typeof v.kind === 'string' ? { kind: v.kind } : {}) };
}

const stale = (locale: Locale): CardResponse => ({ toast: { type: 'info', content: t(locale, 'lark.staleCard') } });

/**
 * A card callback (https://open.feishu.cn/document/feishu-cards/card-callback-communication):
 * a submitted form is validated and stored before the answer, so the card turns into the
 * confirmation, or shows its field errors, in place. Lark waits 3 seconds; when the work takes
 * longer than `ackDeadlineMs` the callback is answered with a toast and the card updated when the
 * work is done (message patch).
 */
export function onCardAction(ctx: LarkContext) {
  return async (data: CardActionEvent): Promise<CardResponse> => {
    const openId = data.operator?.open_id;
    const submit = submitValue(data.action?.value);
    if (openId && !submit && isButtonValue(data.action?.value)) {
      if (!(await firstDelivery(ctx.deps, data.event_id).catch(() => true))) return {};
      const value = data.action.value;
      return (await handleClaimed(ctx.deps, data.event_id, () => onButton(ctx, openId, value))) ?? stale(ctx.defaultLocale);
    }
    if (!openId || !submit) return stale(ctx.defaultLocale);
    ctx.onCommand?.(`submit:${submit.form}`);
    try {
      if (!(await firstDelivery(ctx.deps, data.event_id))) return {};
    } catch (e) {
      // The store is down: say so at once (nothing was saved), leaving the form as it is.
      ctx.logger.warn({ err: e, eventId: data.event_id }, 'card callback refused: store unavailable');
      return { toast: { type: 'error', content: errorText(ctx.defaultLocale, e) } };
    }
    const messageId = data.context?.open_message_id;
    const log = ctx.logger.child({ eventId: data.event_id, userId: openId, form: submit.form });
    const values = readFormValue(data.action?.form_value);
    const work = handleClaimed(ctx.deps, data.event_id, () => submitForm({ ...ctx, logger: log }, { openId, submit, values, requestId: `lark:${messageId ?? data.event_id}` }));
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<typeof LATE>((resolve) => {
      timer = setTimeout(() => resolve(LATE), ctx.ackDeadlineMs);
      timer.unref();
    });
    const first = await Promise.race([work, late]);
    clearTimeout(timer);
    if (first !== LATE) return first;
    ctx.background.run('late Lark card update', async () => {
      const done = await work;
      if (done.card && messageId) await ctx.sender.update(messageId, done.card.data);
    });
    return { toast: { type: 'info', content: t(ctx.defaultLocale, 'lark.toast.working') } };
  };
}
