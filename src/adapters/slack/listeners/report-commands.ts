import type { App } from '@slack/bolt';
import { requireKnownMentions } from '../../../chat/mentions.js';
import { helpAnswer, rankingAnswer, scorecardAnswer } from '../../../chat/reports.js';
import type { View } from '../../../views/view.js';
import type { SlackContext } from '../context.js';
import { parseCommandText, splitMentions, unescapeSlack } from '../parse-text.js';
import { viewMessage } from '../render/blocks.js';
import { ephemeralCommand, type EphemeralAnswer } from './ephemeral-command.js';

const asAnswer = (view: View): EphemeralAnswer => viewMessage(view);

/** `/scorecard [@user] [period]`, `/ranking [team] [period]` and `/appraisal help`. */
export function registerReportCommands(app: App, ctx: SlackContext): void {
  ephemeralCommand(app, ctx, '/scorecard', async (actor, text) => {
    const parsed = parseCommandText(text);
    // The person must be known already: naming someone never registers them.
    const mention = splitMentions(text).mentions[0];
    const [subject] = mention ? await requireKnownMentions((id) => ctx.actors.known(id), [mention]) : [];
    return asAnswer(await scorecardAnswer(ctx.deps, actor, { ...(subject ? { subject } : {}), ...(parsed.period ? { period: parsed.period } : {}) }));
  });

  ephemeralCommand(app, ctx, '/ranking', async (actor, text) => {
    const parsed = parseCommandText(text);
    return asAnswer(await rankingAnswer(ctx.deps, actor, { ...(parsed.rest ? { teamName: unescapeSlack(parsed.rest) } : {}), ...(parsed.period ? { period: parsed.period } : {}) }));
  });

  ephemeralCommand(app, ctx, '/appraisal', async (actor) => asAnswer(helpAnswer(actor, 'slack')));
}
