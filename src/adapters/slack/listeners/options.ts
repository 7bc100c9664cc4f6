import type { App } from '@slack/bolt';
import { accountLabel } from '../../../views/labels.js';
import type { SlackContext } from '../context.js';

/**
 * Options for the searchable account selects (`external_select`, action ids `account` and
 * `accountId`): https://api.slack.com/reference/block-kit/block-elements#external_select.
 * Slack waits 3 seconds for options; the search is one indexed query.
 */
export function registerOptions(app: App, ctx: SlackContext): void {
  app.options<'block_suggestion'>({ action_id: /^(account|accountId)$/ }, async ({ ack, options, body }) => {
    const locale = ctx.actors.knownLocale(body.user.id) ?? ctx.defaultLocale;
    try {
      const accounts = await ctx.deps.store.searchAccounts(options.value ?? '', 50);
      await ack({
        options: accounts.map((a) => ({
          text: { type: 'plain_text', text: accountLabel(locale, a).slice(0, 75) },
          value: a.id,
        })),
      });
    } catch (e) {
      ctx.logger.error({ err: e }, 'account search failed');
      await ack({ options: [] });
    }
  });
}
