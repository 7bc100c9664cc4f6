import type { App, types } from '@slack/bolt';
import type { Person } from '../../../domain/model/people.js';
import type { SlackContext } from '../context.js';
import { errorMessage, logFailure } from '../replies.js';

export type EphemeralAnswer = { text: string; blocks?: types.KnownBlock[] };

/**
 * A slash command answered privately: ack at once, resolve the actor, run the handler, reply
 * through `respond` (the command's response_url). A refusal or failure becomes a clear sentence
 * in the user's language; unexpected ones are logged.
 */
export function ephemeralCommand(
  app: App,
  ctx: SlackContext,
  command: string,
  handler: (actor: Person, text: string, meta: { requestId: string }) => Promise<EphemeralAnswer>,
): void {
  app.command(command, async ({ ack, command: cmd, respond }) => {
    await ack();
    let locale = ctx.defaultLocale;
    try {
      const actor = await ctx.actors.resolve(cmd.user_id);
      locale = actor.locale;
      await respond({ response_type: 'ephemeral', ...(await handler(actor, cmd.text ?? '', { requestId: `slack:${cmd.trigger_id}` })) });
    } catch (e) {
      logFailure(ctx.logger, e, command);
      await respond({ response_type: 'ephemeral', ...errorMessage(locale, e) });
    }
  });
}
