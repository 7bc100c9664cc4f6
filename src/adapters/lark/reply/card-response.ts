import type { ChatAnswer, FormRef, Refusal } from '../../../chat/port.js';
import type { Locale } from '../../../domain/model/fields.js';
import type { Person } from '../../../domain/model/people.js';
import type { FormValues } from '../../../views/forms/form.js';
import { t } from '../../../views/i18n.js';
import { renderText } from '../../../views/render-text.js';
import type { LarkContext } from '../context.js';
import type { Card } from '../render/card.js';
import { viewToCard } from '../render/view-card.js';
import { logFailure } from '../replies.js';
import { formCard } from './form.js';

/**
 * The answer to a card callback (https://open.feishu.cn/document/feishu-cards/card-callback-communication):
 * a toast, and the card that replaces the one clicked.
 */
export interface CardResponse {
  toast?: { type: 'success' | 'error' | 'info' | 'warning'; content: string };
  card?: { type: 'raw'; data: Card };
}

const raw = (data: Card): CardResponse['card'] => ({ type: 'raw', data });

/**
 * A submission that failed where the form cannot be drawn again: the reason as a toast and no card,
 * so the form card stays as the person filled it
 * (https://open.feishu.cn/document/feishu-cards/card-callback-communication: the card is only
 * updated when the answer carries one).
 */
export const keptForm = (reason: string): CardResponse => ({ toast: { type: 'error', content: reason } });

/** A card callback the adapter cannot read at all (no operator, no value): Lark's default language, the clicker being unknown. */
export const staleToast = (locale: Locale): CardResponse => ({ toast: { type: 'info', content: t(locale, 'lark.staleCard') } });

/** A button's answer: the clicked card becomes the form it opens, or the outcome (a decision, an entry deleted). */
export async function buttonResponse(ctx: LarkContext, actor: Person, answer: ChatAnswer): Promise<CardResponse> {
  // The conversation's own words for a button it does not know, in the clicker's language.
  if (answer.stale) return { toast: { type: 'info', content: renderText(answer.view).trim() } };
  if (answer.queued) ctx.onQueued?.();
  if (answer.form) return { card: raw(await formCard(ctx, actor, answer.form)) };
  return { card: raw(viewToCard(answer.view, answer.saved ? 'green' : 'blue')) };
}

/**
 * A refused submission never loses what was typed. A card update resets its inputs, so the form
 * comes back with the values sent: each problem under its field, or the reason above the form when
 * no field can show it (a missing role, the store refusing the write …). When the form cannot be
 * rebuilt (the store is down, a forged interview kind is refused again while building it), the
 * reason as a toast alone: without a card in the answer Lark leaves the clicked card as it is, the
 * typed values still in it, to submit again.
 */
async function refusedResponse(ctx: LarkContext, actor: Person, ref: FormRef, values: FormValues, refused: Refusal): Promise<CardResponse> {
  const locale = actor.locale;
  logFailure(ctx.logger, refused.error, `form ${ref.form}`);
  const again = await refused.formAgain();
  if (!again) return keptForm(refused.reason);
  const ids = new Set(again.form.fields.map((f) => f.id));
  const errors = Object.fromEntries(Object.entries(refused.fieldErrors).filter(([field]) => ids.has(field)));
  const shown = Object.keys(errors).length > 0;
  const data = await formCard(ctx, actor, again, { values, ...(shown ? { errors } : { notice: refused.reason }) });
  return { toast: { type: 'error', content: t(locale, shown ? 'lark.toast.fix' : 'lark.toast.refused') }, card: raw(data) };
}

/** A submission's answer: stored → its confirmation (orange while a late entry waits for the manager); refused → see refusedResponse. */
export async function submitResponse(ctx: LarkContext, actor: Person, submitted: { ref: FormRef; values: FormValues }, answer: ChatAnswer): Promise<CardResponse> {
  const locale = actor.locale;
  if (answer.stale) return staleToast(locale);
  if (answer.queued) ctx.onQueued?.();
  if (answer.refused) return refusedResponse(ctx, actor, submitted.ref, submitted.values, answer.refused);
  if (answer.saved?.pending) return { toast: { type: 'info', content: t(locale, 'lifecycle.late.toast') }, card: raw(viewToCard(answer.view, 'orange')) };
  return { toast: { type: 'success', content: t(locale, 'lark.toast.saved') }, card: raw(viewToCard(answer.view, 'green')) };
}
