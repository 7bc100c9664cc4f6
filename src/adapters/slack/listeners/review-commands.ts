import type { App } from '@slack/bolt';
import type { ChatRequest } from '../../../chat/port.js';
import { REVIEW_COMMANDS, reviewAnswer } from '../../../chat/review.js';
import type { Person } from '../../../domain/model/people.js';
import type { SlackContext } from '../context.js';
import { splitMentions, unescapeSlack } from '../parse-text.js';
import { viewMessage } from '../render/blocks.js';
import { errorMessage, logFailure } from '../replies.js';
import { openForm } from './entry-commands.js';
import { uploadFiles } from '../upload-files.js';

/**
 * The review-cycle commands (`/cycle`, `/publish-results`, `/adjust`, `/award`, `/appeal`,
 * `/interview`, `/export`, `/audit`) through the shared conversation (src/chat/review.ts), answered
 * privately. Mentions become people the bot knows (a mention never registers anyone); files an
 * answer carries are uploaded to the channel the command was run in.
 */
export function registerReviewCommands(app: App, ctx: SlackContext): void {
  for (const command of REVIEW_COMMANDS) {
    app.command(`/${command}`, async ({ ack, command: cmd, respond, client }) => {
      await ack();
      let locale = ctx.defaultLocale;
      try {
        const actor = await ctx.actors.resolve(cmd.user_id);
        locale = actor.locale;
        const [first = '', ...lines] = (cmd.text ?? '').split('\n');
        const { words, mentions } = splitMentions(first);
        const known = await Promise.all(mentions.map((m) => ctx.deps.store.personByIdentity(`slack:${m.id}`)));
        const req: ChatRequest = {
          // Slack escapes &, < and > in command text; the conversation reads what the user typed.
          words: words.map(unescapeSlack),
          users: known.filter((p): p is Person => p !== null && p !== undefined),
          unknownUsers: mentions.filter((_, i) => !known[i]).map((m) => m.label),
          lines: lines.map(unescapeSlack),
          platforms: ['slack'],
          requestId: `slack:${cmd.trigger_id}`,
        };
        const answer = await reviewAnswer(ctx.deps, actor, command, req);
        if (answer.form) return void (await openForm(ctx, actor, answer.form.form, cmd.trigger_id, { r: cmd.response_url, c: cmd.channel_id, k: answer.form.kind }));
        if (answer.files?.length) await uploadFiles(ctx, client, { channelId: cmd.channel_id, userId: cmd.user_id }, answer.files);
        await respond({ response_type: 'ephemeral', ...viewMessage(answer.view) });
      } catch (e) {
        logFailure(ctx.logger, e, `/${command}`);
        await respond({ response_type: 'ephemeral', ...errorMessage(locale, e) });
      }
    });
  }
}
