import type { App } from '@slack/bolt';
import { openDeals } from '../../../application/entries/log-payment.js';
import { reviewableTeammates } from '../../../application/entries/submit-peer-review.js';
import { today } from '../../../application/guards.js';
import { accountNameKey } from '../../../domain/model/accounts.js';
import type { Person } from '../../../domain/model/people.js';
import { dealForm, feedbackForm, intelForm, paymentForm, peerReviewForm, visitForm } from '../../../views/forms/entry-forms.js';
import type { Form, FormContext, Option } from '../../../views/forms/form.js';
import { t } from '../../../views/i18n.js';
import type { SlackContext } from '../context.js';
import { errorMessage, logFailure } from '../replies.js';
import { formCanOpen, formToModal } from '../render/modal.js';

/** What a form remembers between opening and submission (Slack's private_metadata, ≤ 3,000 chars). */
export interface FormMeta {
  /** The command's response_url, for the ephemeral confirmation. */
  r?: string;
  /** Channel the command was run in. */
  c?: string;
  /** Activity kind for a visit form opened from a follow-up reminder (or the kind an edited visit keeps). */
  k?: string;
  /** Set when the form was opened from the App Home: the Home is republished after the submission. */
  h?: 1;
}

/** The best account for a command's text: an exact or leading name match. */
async function accountFromText(ctx: SlackContext, text: string): Promise<Option | undefined> {
  if (!text.trim()) return undefined;
  const key = accountNameKey(text);
  const [best] = await ctx.deps.store.searchAccounts(text, 1);
  return best && best.nameKey.startsWith(key) ? { value: best.id, label: best.name } : undefined;
}

type FormBuilder = (ctx: SlackContext, actor: Person, fc: FormContext, text: string) => Promise<Form>;

export const ENTRY_FORMS: Record<string, FormBuilder> = {
  '/visit': async (ctx, _a, fc, text) => visitForm(fc, { account: await accountFromText(ctx, text) }),
  '/deal': async (ctx, _a, fc, text) =>
    dealForm(fc, Object.keys(ctx.deps.settings.fxRates), ctx.deps.settings.paymentTermsDays, { account: await accountFromText(ctx, text) }),
  '/payment': async (ctx, actor, fc) => {
    const deals = await openDeals(ctx.deps, actor.id);
    const accounts = new Map<string, string>();
    for (const d of deals) if (!accounts.has(d.accountId)) accounts.set(d.accountId, (await ctx.deps.store.accounts.get(d.accountId))?.name ?? d.accountId);
    return paymentForm(fc, deals.map((d) => ({ ...d, accountName: accounts.get(d.accountId)! })));
  },
  '/feedback': async (ctx, _a, fc, text) => feedbackForm(fc, { account: await accountFromText(ctx, text) }),
  '/intel': async (_ctx, _a, fc, text) => intelForm(fc, text.trim() ? { topic: text.trim().slice(0, 200) } : {}),
  '/peer-review': async (ctx, actor, fc) => peerReviewForm(fc, await reviewableTeammates(ctx.deps, actor)),
};

export function formContext(ctx: SlackContext, actor: Person): FormContext {
  return { locale: actor.locale, today: today(ctx.deps), baseCurrency: ctx.deps.settings.baseCurrency };
}

/**
 * Opens a form as a modal. The trigger_id is only valid for 3 seconds, so this runs right after
 * the ack with nothing slow before it (https://api.slack.com/surfaces/modals#opening).
 */
export async function openForm(ctx: SlackContext, actor: Person, form: Form, triggerId: string, meta: FormMeta, callbackId?: string): Promise<void> {
  const modal = formToModal(form, { privateMetadata: JSON.stringify(meta), closeLabel: t(actor.locale, 'form.cancel') });
  await ctx.client.views.open({ trigger_id: triggerId, view: callbackId ? { ...modal, callback_id: callbackId } : modal });
}

export function registerEntryCommands(app: App, ctx: SlackContext): void {
  for (const [command, build] of Object.entries(ENTRY_FORMS)) {
    app.command(command, async ({ ack, command: cmd, respond }) => {
      await ack();
      let locale = ctx.defaultLocale;
      try {
        const actor = await ctx.actors.resolve(cmd.user_id);
        locale = actor.locale;
        const form = await build(ctx, actor, formContext(ctx, actor), cmd.text ?? '');
        if (!formCanOpen(form)) return void (await respond({ response_type: 'ephemeral', text: form.intro ?? '' }));
        await openForm(ctx, actor, form, cmd.trigger_id, { r: cmd.response_url, c: cmd.channel_id });
      } catch (e) {
        logFailure(ctx.logger, e, command);
        await respond({ response_type: 'ephemeral', ...errorMessage(locale, e) });
      }
    });
  }
}
