import { requireKnownMentions } from '../../../chat/mentions.js';
import { helpAnswer, periodAndRest, rankingAnswer, scorecardAnswer } from '../../../chat/reports.js';
import type { Person } from '../../../domain/model/people.js';
import type { LarkCommand, LarkContext } from '../context.js';
import type { Card } from '../render/card.js';
import { viewToCard } from '../render/view-card.js';

const words = (text: string): string[] => text.split(/\s+/).filter(Boolean);

/** `/scorecard [@rep] [period]` (`/成绩`): a manager or HR may name a rep with an @-mention. */
export async function scorecardCard(ctx: LarkContext, actor: Person, text: string, cmd: LarkCommand): Promise<Card> {
  const { period } = periodAndRest(words(text));
  const mention = cmd.mentions[0];
  // The person must be known already: naming someone never registers them.
  const [subject] = mention ? await requireKnownMentions((id) => ctx.actors.known(id), [{ id: mention.openId, label: `@${mention.name || mention.openId}` }]) : [];
  return viewToCard(await scorecardAnswer(ctx.deps, actor, { ...(subject ? { subject } : {}), ...(period ? { period } : {}) }));
}

/** `/ranking [team] [period]` (`/排名`). */
export async function rankingCard(ctx: LarkContext, actor: Person, text: string): Promise<Card> {
  const { period, rest } = periodAndRest(words(text));
  return viewToCard(await rankingAnswer(ctx.deps, actor, { ...(rest ? { teamName: rest } : {}), ...(period ? { period } : {}) }));
}

/** `/appraisal help` (`/帮助`), with the Chinese command names Lark users can type. */
export const helpCard = (actor: Person): Card => viewToCard(helpAnswer(actor, 'lark'));
