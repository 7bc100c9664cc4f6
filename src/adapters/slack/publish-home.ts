import { buildHome } from '../../application/build-home.js';
import type { Person } from '../../domain/model/people.js';
import { homeView } from '../../views/home-view.js';
import type { SlackContext } from './context.js';
import { MAX_HOME_BLOCKS, viewToBlocks } from './render/blocks.js';
import { logFailure } from './replies.js';

/**
 * Builds and publishes a person's App Home (https://api.slack.com/surfaces/app-home,
 * https://api.slack.com/methods/views.publish). Called when the tab is opened and after anything
 * done from it, so the Home always shows the entries as stored. A failure is logged, not thrown:
 * it runs after the ack, when nobody is left to answer.
 */
export async function publishHome(ctx: SlackContext, userId: string, actor: Person, notice?: string): Promise<void> {
  try {
    const data = await buildHome(ctx.deps, actor);
    const view = homeView({ locale: actor.locale, currency: ctx.deps.settings.baseCurrency }, data, notice);
    await ctx.client.views.publish({ user_id: userId, view: { type: 'home', blocks: viewToBlocks(view, MAX_HOME_BLOCKS) } });
  } catch (e) {
    logFailure(ctx.logger, e, 'publish App Home');
  }
}

/** A notice line for the Home: a refusal with a warning sign, anything else with a tick. */
export const homeNotice = (text: string, ok: boolean): string => `${ok ? ':white_check_mark:' : ':warning:'} ${text}`;

/** A Home that only says why it cannot be shown (Slack could not tell us who the user is, the store is down). */
export async function publishErrorHome(ctx: SlackContext, userId: string, text: string): Promise<void> {
  await ctx.client.views
    .publish({ user_id: userId, view: { type: 'home', blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] } })
    .catch((err: unknown) => logFailure(ctx.logger, err, 'publish App Home'));
}
