import { formAgain, submitEntryForm } from '../../../chat/entry-forms.js';
import { isAppError } from '../../../domain/errors.js';
import type { Intel } from '../../../domain/model/entries.js';
import type { Person } from '../../../domain/model/people.js';
import { errorText, fieldErrors } from '../../../views/errors.js';
import type { FormValues } from '../../../views/forms/form.js';
import { t, type MessageKey } from '../../../views/i18n.js';
import { formCard } from '../commands/entry.js';
import type { LarkContext } from '../context.js';
import { card, escapeMarkdown, markdown, textCard } from '../render/card.js';
import type { FormSubmitValue } from '../render/form-card.js';
import { errorCard, logFailure } from '../replies.js';
import type { CardResponse } from './card-action.js';

/** Posts a new intel entry to the Lark intel chats, its author mentioned. */
async function postIntel(ctx: LarkContext, actor: Person, openId: string, entry: Intel, chats: string[]): Promise<void> {
  // The title is plain text (names and the topic show as typed); the body is markdown: the bot's own
  // mention of the author, then the rep's text made literal.
  const title = t(actor.locale, 'intel.post', { author: actor.name, topic: entry.topic });
  const author = /^ou_[A-Za-z0-9_-]+$/.test(openId) ? `<at id=${openId}></at>` : escapeMarkdown(actor.name);
  for (const chatId of chats) {
    await ctx.sender.send({ chatId }, card(title, [markdown(`${author}\n${escapeMarkdown(entry.text)}`)], 'blue'));
  }
}

/**
 * One form submission, for every form: the shared conversation (chat/entry-forms.ts) reads the
 * values and runs the use case. Stored → the card becomes the confirmation. Refused with problems
 * the form's fields can show → the form again, with the values sent and each problem under its
 * field. Refused otherwise (a missing role …) → the form again with the reason above it, or the reason
 * alone when the form cannot be rebuilt for this actor.
 */
export async function submitForm(ctx: LarkContext, input: { openId: string; submit: FormSubmitValue; values: FormValues; requestId: string }): Promise<CardResponse> {
  const { openId, submit, values } = input;
  let actor: Person;
  try {
    actor = await ctx.actors.resolve(openId);
  } catch (e) {
    logFailure(ctx.logger, e, `form ${submit.form}`);
    return { toast: { type: 'error', content: errorText(ctx.defaultLocale, e) }, card: { type: 'raw', data: errorCard(ctx.defaultLocale, e) } };
  }
  const locale = actor.locale;
  try {
    const outcome = await submitEntryForm(ctx.deps, actor, { formId: submit.form, values, requestId: input.requestId, platform: 'lark', ...(submit.kind ? { kind: submit.kind } : {}) });
    if (outcome.intel) {
      const { entry, channels } = outcome.intel;
      ctx.background.run('Lark intel post', () => postIntel(ctx, actor, openId, entry, channels));
    }
    const title = t(locale, `form.${submit.form}.title` as MessageKey);
    // A late entry is not saved: it waits for the manager (chat/lifecycle.ts).
    if (outcome.pending) return { toast: { type: 'info', content: t(locale, 'lifecycle.late.toast') }, card: { type: 'raw', data: textCard(title, outcome.text, 'orange') } };
    return { toast: { type: 'success', content: t(locale, 'lark.toast.saved') }, card: { type: 'raw', data: textCard(title, outcome.text, 'green') } };
  } catch (e) {
    logFailure(ctx.logger, e, `form ${submit.form}`);
    // The form may not be rebuildable for this actor (a forged interview kind is refused again while
    // building it): then the refusal alone, as a toast and card, so Lark gets its 200 and never retries.
    const form = await formAgain(ctx.deps, actor, submit.form, submit.kind, values).catch(() => null);
    if (!form) return { toast: { type: 'error', content: errorText(locale, e) }, card: { type: 'raw', data: errorCard(locale, e) } };
    const ids = new Set(form.fields.map((f) => f.id));
    const errors = isAppError(e) ? Object.fromEntries(Object.entries(fieldErrors(locale, e.issues)).filter(([field]) => ids.has(field))) : {};
    const shown = Object.keys(errors).length > 0;
    const data = await formCard(ctx, actor, form, { values, ...(shown ? { errors } : { notice: errorText(locale, e) }), ...(submit.kind ? { kind: submit.kind } : {}) });
    return { toast: { type: 'error', content: t(locale, shown ? 'lark.toast.fix' : 'lark.toast.refused') }, card: { type: 'raw', data } };
  }
}
