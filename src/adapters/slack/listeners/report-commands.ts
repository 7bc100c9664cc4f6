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
import type { SlackContext } from '../context.js';
import { parseCommandText } from '../parse-text.js';
import { viewToBlocks } from '../render/blocks.js';
import { errorMessage, logFailure } from '../replies.js';

/**
 * `/scorecard [@user] [period]`, `/ranking [team] [period]` and `/appraisal help`: answered
 * ephemerally through `respond` after the ack.
 */
export function registerReportCommands(app: App, ctx: SlackContext): void {
  app.command('/scorecard', async ({ ack, command, respond }) => {
    await ack();
    let locale = ctx.defaultLocale;
    try {
      const actor = await ctx.actors.resolve(command.user_id);
      locale = actor.locale;
      const parsed = parseCommandText(command.text ?? '');
      const subject = parsed.users[0] ? await ctx.actors.resolve(parsed.users[0]) : actor;
      const period = parsed.period ? parsePeriod(parsed.period) : quarterOf(today(ctx.deps));
      const report = await getScorecard(ctx.deps, { actor, repId: subject.id, period });
      const view = scorecardView({ locale, currency: ctx.deps.settings.baseCurrency }, report);
      await respond({ response_type: 'ephemeral', text: view.title, blocks: viewToBlocks(view) });
    } catch (e) {
      logFailure(ctx.logger, e, '/scorecard');
      await respond({ response_type: 'ephemeral', ...errorMessage(locale, e) });
    }
  });

  app.command('/ranking', async ({ ack, command, respond }) => {
    await ack();
    let locale = ctx.defaultLocale;
    try {
      const actor = await ctx.actors.resolve(command.user_id);
      locale = actor.locale;
      const parsed = parseCommandText(command.text ?? '');
      const period = parsed.period ? parsePeriod(parsed.period) : quarterOf(today(ctx.deps));
      const r = await getRanking(ctx.deps, actor, { period, ...(parsed.rest ? { teamName: parsed.rest } : {}) });
      const view = rankingView(locale, {
        periodKey: r.period.key,
        entries: r.entries,
        teamNames: r.teamNames,
        unrankedNames: r.unrankedNames,
        showScores: r.showScores,
        own: r.own ? { rank: r.own.rank, of: r.rankedCount } : hasRole(actor, 'rep') ? null : undefined,
        ...(r.topN ? { topN: r.topN } : {}),
        ...(r.team ? { team: r.team } : {}),
      });
      await respond({ response_type: 'ephemeral', text: view.title, blocks: viewToBlocks(view) });
    } catch (e) {
      logFailure(ctx.logger, e, '/ranking');
      await respond({ response_type: 'ephemeral', ...errorMessage(locale, e) });
    }
  });

  app.command('/appraisal', async ({ ack, command, respond }) => {
    await ack();
    let locale = ctx.defaultLocale;
    try {
      const actor = await ctx.actors.resolve(command.user_id);
      locale = actor.locale;
      const view = helpView(locale, { admin: seesEveryone(actor) });
      await respond({ response_type: 'ephemeral', text: view.title, blocks: viewToBlocks(view) });
    } catch (e) {
      logFailure(ctx.logger, e, '/appraisal');
      await respond({ response_type: 'ephemeral', ...errorMessage(locale, e) });
    }
  });
}
