import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { followUpForm } from '../../../chat/entry-forms.js';
import { REMINDER_ACTIONS } from '../../../views/job-views.js';
import type { SlackContext } from '../context.js';
import { logFailure } from '../replies.js';
import { openForm } from './entry-commands.js';

/**
 * The "Log the follow-up" button on a follow-up reminder DM: opens the visit form with the account
 * chosen, recorded as a follow-up. The confirmation comes back in the DM (no response_url here).
 */
export function registerReminderActions(app: App, ctx: SlackContext): void {
  app.action<BlockAction<ButtonAction>>(REMINDER_ACTIONS.logFollowUp, async ({ ack, body, action }) => {
    await ack();
    try {
      const { accountId } = JSON.parse(action.value ?? '{}') as { accountId?: string };
      const actor = await ctx.actors.resolve(body.user.id);
      const form = await followUpForm(ctx.deps, actor, typeof accountId === 'string' ? accountId : '');
      await openForm(ctx, actor, form, body.trigger_id, { k: 'follow_up' });
    } catch (e) {
      logFailure(ctx.logger, e, REMINDER_ACTIONS.logFollowUp);
    }
  });
}
