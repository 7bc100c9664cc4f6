import { isEntryCommand, parseCommand } from '../../../chat/commands.js';
import { isReviewCommand } from '../../../chat/review.js';
import type { Person } from '../../../domain/model/people.js';
import { t } from '../../../views/i18n.js';
import type { LarkCommand, LarkContext } from '../context.js';
import type { Card } from '../render/card.js';
import { answerCard, errorCard, logFailure } from '../replies.js';
import { adminCard } from './admin.js';
import { entryCard } from './entry.js';
import { helpCard, rankingCard, scorecardCard } from './reports.js';
import { reviewCard } from './review.js';
import { converse } from '../../../chat/router.js';
import { viewToCard } from '../render/view-card.js';

/** The answer to a command, as a card: a form, a report, an admin result. */
async function answer(ctx: LarkContext, actor: Person, cmd: LarkCommand): Promise<Card> {
  const parsed = parseCommand(cmd.text);
  if (!parsed) return answerCard(actor.locale, t(actor.locale, 'lark.notCommand'));
  const { command, text } = parsed;
  if (isEntryCommand(command)) return entryCard(ctx, actor, command, text);
  if (isReviewCommand(command)) return reviewCard(ctx, actor, command, text, cmd);
  switch (command) {
    case 'scorecard':
      return scorecardCard(ctx, actor, text, cmd);
    case 'ranking':
      return rankingCard(ctx, actor, text);
    case 'appraisal':
      return helpCard(actor);
    case 'appraisal-admin':
      return adminCard(ctx, actor, text, cmd);
    case 'entries':
      return viewToCard((await converse(ctx.deps, actor, { type: 'command', command, request: { words: [], users: [], unknownUsers: [], lines: [], platforms: ['lark'], platform: 'lark' } })).view);
  }
}

/**
 * Runs a command after Lark has its answer: resolve the actor, build the answer, send it where the
 * command asks (its DM, or the user's DM for group commands and menu clicks). A refusal or failure
 * is answered in the user's language.
 */
export async function runCommand(ctx: LarkContext, cmd: LarkCommand): Promise<void> {
  let locale = ctx.defaultLocale;
  let card: Card;
  ctx.onCommand?.(parseCommand(cmd.text)?.command ?? 'unknown');
  try {
    const actor = await ctx.actors.resolve(cmd.openId, { name: cmd.name });
    locale = actor.locale;
    card = await answer(ctx, actor, cmd);
  } catch (e) {
    logFailure(ctx.logger, e, `command ${cmd.text.split(/\s/)[0]}`);
    card = errorCard(locale, e);
  }
  await ctx.sender.send(cmd.reply, card);
}
