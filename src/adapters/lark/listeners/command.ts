import { parseCommand } from '../../../chat/commands.js';
import { converse } from '../../../chat/router.js';
import { t } from '../../../views/i18n.js';
import type { LarkCommand, LarkContext } from '../context.js';
import type { Card } from '../render/card.js';
import { answerCard, errorCard, logFailure } from '../replies.js';
import { commandCard } from '../reply/command-card.js';
import { larkRequest } from '../request.js';

/**
 * Runs a command after Lark has its answer: resolve the actor, translate (request.ts), converse,
 * and send the card where the command asks (its DM, or the user's DM for group commands and menu
 * clicks). A refusal or failure is answered in the user's language.
 */
export async function runCommand(ctx: LarkContext, cmd: LarkCommand): Promise<void> {
  let locale = ctx.defaultLocale;
  let card: Card;
  ctx.onCommand?.(parseCommand(cmd.text)?.command ?? 'unknown');
  try {
    const actor = await ctx.actors.resolve(cmd.openId, { name: cmd.name });
    locale = actor.locale;
    const input = await larkRequest(ctx, actor, { type: 'text', cmd });
    if ('hint' in input) card = answerCard(locale, t(locale, input.hint));
    else card = await commandCard(ctx, actor, input, await converse(ctx.deps, actor, input), cmd.reply);
  } catch (e) {
    logFailure(ctx.logger, e, `command ${cmd.text.split(/\s/)[0]}`);
    card = errorCard(locale, e);
  }
  await ctx.sender.send(cmd.reply, card);
}
