import { converse } from '../../../chat/router.js';
import type { Person } from '../../../domain/model/people.js';
import { errorText } from '../../../views/errors.js';
import type { LarkContext } from '../context.js';
import { errorCard, logFailure } from '../replies.js';
import { buttonResponse, submitResponse, type CardResponse } from '../reply/card-response.js';
import { larkRequest, type CardArrival } from '../request.js';

/**
 * A button click or a form submission, answered: the clicker resolved, the callback translated
 * (request.ts) and handed to the conversation, its answer rendered as the card that replaces the
 * one clicked. A refusal or failure is a toast (and, for a form, a card saying why) in the user's
 * language; nothing is thrown, so Lark gets its 200 and does not retry.
 */
export async function answerCallback(ctx: LarkContext, openId: string, arrival: CardArrival): Promise<CardResponse> {
  const what = arrival.type === 'button' ? `button ${arrival.action}` : `form ${arrival.ref.form}`;
  let actor: Person;
  try {
    actor = await ctx.actors.resolve(openId);
  } catch (e) {
    logFailure(ctx.logger, e, what);
    return { toast: { type: 'error', content: errorText(ctx.defaultLocale, e) }, ...(arrival.type === 'submit' ? { card: { type: 'raw', data: errorCard(ctx.defaultLocale, e) } } : {}) };
  }
  try {
    const input = await larkRequest(ctx, actor, arrival);
    const answer = await converse(ctx.deps, actor, input);
    return arrival.type === 'button' ? await buttonResponse(ctx, actor, answer) : await submitResponse(ctx, actor, arrival, answer);
  } catch (e) {
    logFailure(ctx.logger, e, what);
    return { toast: { type: 'error', content: errorText(actor.locale, e) }, ...(arrival.type === 'submit' ? { card: { type: 'raw', data: errorCard(actor.locale, e) } } : {}) };
  }
}
