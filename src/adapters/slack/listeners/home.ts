import type { App } from '@slack/bolt';
import type { SlackContext } from '../context.js';
import { publishErrorHome, publishHome } from '../publish-home.js';
import { errorMessage, logFailure } from '../replies.js';

/**
 * The App Home (https://api.slack.com/surfaces/app-home), published when its tab is opened; its
 * buttons are the conversation's (buttons.ts), which republishes it after each. Someone Slack
 * cannot tell us about gets a Home saying so.
 */
export function registerHome(app: App, ctx: SlackContext): void {
  // https://api.slack.com/events/app_home_opened: also sent for the Messages tab, which is left alone.
  app.event('app_home_opened', async ({ event }) => {
    if (event.tab !== 'home') return;
    try {
      const actor = await ctx.actors.resolve(event.user);
      await publishHome(ctx, event.user, actor);
    } catch (e) {
      logFailure(ctx.logger, e, 'app_home_opened');
      await publishErrorHome(ctx, event.user, errorMessage(ctx.defaultLocale, e).text);
    }
  });
}
