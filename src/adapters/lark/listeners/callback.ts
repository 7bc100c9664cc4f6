import { converse } from '../../../chat/router.js';
import type { Person } from '../../../domain/model/people.js';
import { errorText } from '../../../views/errors.js';
import type { LarkContext } from '../context.js';
import { logFailure } from '../replies.js';
import { buttonResponse, keptForm, submitResponse, type CardResponse } from '../reply/card-response.js';
import { larkRequest, type CardArrival } from '../request.js';

/**
 * A button click or a form submission, answered: the clicker resolved, the callback translated
 * (request.ts) and handed to the conversation, its answer rendered as the card that replaces the
 * one clicked. A refusal or failure is a toast in the user's language, the clicked card left as it
 * is (a form keeps what was typed); nothing is thrown, so Lark gets its 200 and does not retry.
 */
export async function answerCallback(ctx: LarkContext, openId: string, arrival: CardArrival): Promise<CardResponse> {
  const what = arrival.type === 'button' ? `button ${arrival.action}` : `form ${arrival.ref.form}`;
  let actor: Person;
  try {
    actor = await ctx.actors.resolve(openId);
  } catch (e) {
    logFailure(ctx.logger, e, what);
    // A form's card is left as filled in (keptForm): what was typed is not lost.
    return keptForm(errorText(ctx.defaultLocale, e));
  }
  try {
    const input = await larkRequest(ctx, actor, arrival);
    const answer = await converse(ctx.deps, actor, input);
    return arrival.type === 'button' ? await buttonResponse(ctx, actor, answer) : await submitResponse(ctx, actor, arrival, answer);
  } catch (e) {
    logFailure(ctx.logger, e, what);
    return keptForm(errorText(actor.locale, e));
  }
}
