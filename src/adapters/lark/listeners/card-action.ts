import { errorText } from '../../../views/errors.js';
import { t } from '../../../views/i18n.js';
import type { LarkContext } from '../context.js';
import { firstDelivery, handleClaimed } from '../dedupe.js';
import { staleToast, type CardResponse } from '../reply/card-response.js';
import { cardArrival, type CardActionEvent } from '../request.js';
import { answerCallback } from './callback.js';

const LATE = Symbol('late');

/**
 * A card callback (https://open.feishu.cn/document/feishu-cards/card-callback-communication): a
 * button or a submitted form, answered in place (callback.ts), each event once (dedupe.ts). A
 * submission is validated and stored before the answer, so the card turns into the confirmation,
 * or shows its field errors. Lark waits 3 seconds; when a submission takes longer than
 * `ackDeadlineMs` the callback is answered with a toast and the card updated when the work is
 * done (message patch).
 */
export function onCardAction(ctx: LarkContext) {
  return async (data: CardActionEvent): Promise<CardResponse> => {
    const openId = data.operator?.open_id;
    const arrival = cardArrival(data);
    if (!openId || !arrival) return staleToast(ctx.defaultLocale);
    if (arrival.type === 'button') {
      if (!(await firstDelivery(ctx.deps, data.event_id).catch(() => true))) return {};
      return handleClaimed(ctx.deps, data.event_id, () => answerCallback(ctx, openId, arrival));
    }
    // The metric names the form (an edit counts as `edit`, not by entry id).
    ctx.onCommand?.(`submit:${arrival.ref.form.split(':')[0]}`);
    try {
      if (!(await firstDelivery(ctx.deps, data.event_id))) return {};
    } catch (e) {
      // The store is down: say so at once (nothing was saved), leaving the form as it is.
      ctx.logger.warn({ err: e, eventId: data.event_id }, 'card callback refused: store unavailable');
      return { toast: { type: 'error', content: errorText(ctx.defaultLocale, e) } };
    }
    const messageId = data.context?.open_message_id;
    const log = ctx.logger.child({ eventId: data.event_id, userId: openId, form: arrival.ref.form });
    const work = handleClaimed(ctx.deps, data.event_id, () => answerCallback({ ...ctx, logger: log }, openId, arrival));
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
