import type { App } from '@slack/bolt';
import { getRanking } from '../../../application/get-ranking.js';
import { getScorecard } from '../../../application/get-scorecard.js';
import { today } from '../../../application/guards.js';
import { seesEveryone } from '../../../application/permissions.js';
import { hasRole } from '../../../domain/model/people.js';
import { parsePeriod, quarterOf } from '../../../domain/period.js';
import { helpView } from '../../../views/help-view.js';
import { rankingView } from '../../../views/ranking-view.js';
import { scorecardView } from '../../../views/scorecard-view.js';
import type { View } from '../../../views/view.js';
import type { SlackContext } from '../context.js';
import { parseCommandText } from '../parse-text.js';
import { viewToBlocks } from '../render/blocks.js';
import { ephemeralCommand, type EphemeralAnswer } from './ephemeral-command.js';

const asAnswer = (view: View): EphemeralAnswer => ({ text: view.title, blocks: viewToBlocks(view) });

/** `/scorecard [@user] [period]`, `/ranking [team] [period]` and `/appraisal help`. */
export function registerReportCommands(app: App, ctx: SlackContext): void {
  const periodOf = (token: string | undefined) => (token ? parsePeriod(token) : quarterOf(today(ctx.deps)));

  ephemeralCommand(app, ctx, '/scorecard', async (actor, text) => {
    const parsed = parseCommandText(text);
    const subject = parsed.users[0] ? await ctx.actors.resolve(parsed.users[0]) : actor;
    const report = await getScorecard(ctx.deps, { actor, repId: subject.id, period: periodOf(parsed.period) });
    return asAnswer(scorecardView({ locale: actor.locale, currency: ctx.deps.settings.baseCurrency }, report));
  });

  ephemeralCommand(app, ctx, '/ranking', async (actor, text) => {
    const parsed = parseCommandText(text);
    const r = await getRanking(ctx.deps, actor, { period: periodOf(parsed.period), ...(parsed.rest ? { teamName: parsed.rest } : {}) });
    return asAnswer(
      rankingView(actor.locale, {
        periodKey: r.period.key,
        entries: r.entries,
        teamNames: r.teamNames,
        unrankedNames: r.unrankedNames,
        showScores: r.showScores,
        own: r.own ? { rank: r.own.rank, of: r.rankedCount } : hasRole(actor, 'rep') ? null : undefined,
        ...(r.topN ? { topN: r.topN } : {}),
        ...(r.team ? { team: r.team } : {}),
      }),
    );
  });

  ephemeralCommand(app, ctx, '/appraisal', async (actor) => asAnswer(helpView(actor.locale, { admin: seesEveryone(actor) })));
}
