import { converse } from '../../../chat/router.js';
import { entryForm, followUpForm } from '../../../chat/entry-forms.js';
import { HOME_ACTIONS } from '../../../views/home-view.js';
import { REMINDER_ACTIONS } from '../../../views/job-views.js';
import { errorText } from '../../../views/errors.js';
import { formCard } from '../commands/entry.js';
import { viewToCard } from '../render/view-card.js';
import type { LarkContext } from '../context.js';
import type { ButtonValue } from '../render/view-card.js';
import type { CardResponse } from './card-action.js';

export const isButtonValue = (v: unknown): v is ButtonValue =>
  typeof v === 'object' && v !== null && typeof (v as ButtonValue).action === 'string' && typeof (v as ButtonValue).value === 'string';

/**
 * Buttons on the cards the bot sends (reminders, nudges): "Log the follow-up" and "Log a visit"
 * turn the clicked card into the visit form, the account chosen and the kind kept for a follow-up.
 * Returns null for a button it does not know (the caller says the card is out of date).
 */
export async function onButton(ctx: LarkContext, openId: string, button: ButtonValue): Promise<CardResponse | null> {
  if (button.action.startsWith('decide:')) return onDecision(ctx, openId, button);
  if (button.action !== REMINDER_ACTIONS.logFollowUp && button.action !== HOME_ACTIONS.logVisit) return null;
  const actor = await ctx.actors.resolve(openId);
  try {
    if (button.action === REMINDER_ACTIONS.logFollowUp) {
      const { accountId } = JSON.parse(button.value) as { accountId?: unknown };
      const form = await followUpForm(ctx.deps, actor, typeof accountId === 'string' ? accountId : '');
      return { card: { type: 'raw', data: await formCard(ctx, actor, form, { kind: 'follow_up' }) } };
    }
    return { card: { type: 'raw', data: await formCard(ctx, actor, await entryForm(ctx.deps, actor, 'visit', '')) } };
  } catch (e) {
    return { toast: { type: 'error', content: errorText(actor.locale, e) } };
  }
}

/** A decision button (approve, decline, acknowledge, confirm): the answer replaces the card clicked. */
async function onDecision(ctx: LarkContext, openId: string, button: ButtonValue): Promise<CardResponse | null> {
  const actor = await ctx.actors.resolve(openId);
  try {
    const answer = await converse(ctx.deps, actor, { type: 'button', action: button.action, value: button.value, request: { words: [], users: [], unknownUsers: [], lines: [], platforms: ['lark'], platform: 'lark' } });
    return answer.stale ? null : { card: { type: 'raw', data: viewToCard(answer.view) } };
  } catch (e) {
    return { toast: { type: 'error', content: errorText(actor.locale, e) } };
  }
}
