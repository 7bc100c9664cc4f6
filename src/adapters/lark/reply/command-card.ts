import { isEntryCommand } from '../../../chat/commands.js';
import type { ChatAnswer } from '../../../chat/port.js';
import type { Person } from '../../../domain/model/people.js';
import type { LarkContext } from '../context.js';
import type { Card } from '../render/card.js';
import { viewToCard } from '../render/view-card.js';
import type { CommandInput } from '../request.js';
import type { Target } from '../sender.js';
import { sendFiles } from '../upload-files.js';
import { formCard } from './form.js';

/**
 * A command's answer as the card sent back: the form it opens (accounts matching the command's
 * words listed first), or its view. Files it carries (exports) go to the chat before the card;
 * messages it queued (an intel post) are sent now by the dispatcher.
 */
export async function commandCard(ctx: LarkContext, actor: Person, input: CommandInput, answer: ChatAnswer, reply: Target): Promise<Card> {
  if (answer.queued) ctx.onQueued?.();
  if (answer.form) return formCard(ctx, actor, answer.form, { query: input.request.words.join(' ') });
  if (answer.files?.length) await sendFiles(ctx, reply, answer.files);
  // An entry command that opens no form (no open deals, no teammates) says why: a hint, not an error.
  return viewToCard(answer.view, isEntryCommand(input.command) ? 'orange' : 'blue');
}
