import type { ChatRequest } from '../../../chat/port.js';
import { reviewAnswer, type ReviewCommand } from '../../../chat/review.js';
import type { Person } from '../../../domain/model/people.js';
import type { LarkCommand, LarkContext } from '../context.js';
import type { Card } from '../render/card.js';
import { viewToCard } from '../render/view-card.js';
import { formCard } from './entry.js';
import { sendFiles } from '../upload-files.js';

/**
 * The review-cycle commands (`/cycle`, `/publish-results`, `/award` …) through the shared
 * conversation (src/chat/review.ts). Mentions become people the bot knows; a mention never
 * registers anyone. Files an answer carries (exports) are sent to the chat before the card.
 */
export async function reviewCard(ctx: LarkContext, actor: Person, command: ReviewCommand, text: string, cmd: LarkCommand): Promise<Card> {
  const [first = '', ...lines] = text.split('\n');
  const known = await Promise.all(cmd.mentions.map((m) => ctx.deps.store.personByIdentity(`lark:${m.openId}`)));
  const req: ChatRequest = {
    words: first.split(/\s+/).filter(Boolean),
    users: known.filter((p): p is Person => p !== null && p !== undefined),
    unknownUsers: cmd.mentions.filter((_, i) => !known[i]).map((m) => m.name || m.openId),
    lines,
    platforms: ['lark'],
  };
  const answer = await reviewAnswer(ctx.deps, actor, command, req);
  if (answer.form) return formCard(ctx, actor, answer.form.form, { kind: answer.form.kind });
  if (answer.files?.length) await sendFiles(ctx, cmd.reply, answer.files);
  return viewToCard(answer.view);
}
