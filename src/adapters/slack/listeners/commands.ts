import type { App } from '@slack/bolt';
import { COMMAND_NAMES, COMMAND_TABLE, type CommandName } from '../../../chat/commands.js';
import { converse } from '../../../chat/router.js';
import type { SlackContext } from '../context.js';
import { openForm } from '../open-form.js';
import { answerMessage } from '../render/answer-message.js';
import { errorMessage, logFailure } from '../replies.js';
import { slackRequest } from '../request.js';
import { uploadFiles } from '../upload-files.js';

/**
 * Every slash command of the command table (chat/commands.ts), one listener: ack at once, resolve
 * the actor, hand the command to the conversation, and show its answer privately (the command's
 * response_url: https://api.slack.com/interactivity/handling#message_responses). A form opens as
 * a modal with the command's trigger_id (valid for 3 seconds, so nothing slow comes before it);
 * files are uploaded where they may be seen (upload-files.ts). A refusal or failure becomes a
 * clear sentence in the user's language; unexpected ones are logged.
 */
export function registerCommands(app: App, ctx: SlackContext): void {
  const listener =
    (name: CommandName): Parameters<App['command']>[1] =>
    async ({ ack, command: cmd, respond, client }) => {
      await ack();
      let locale = ctx.defaultLocale;
      try {
        const actor = await ctx.actors.resolve(cmd.user_id);
        locale = actor.locale;
        const request = await slackRequest(ctx, { text: cmd.text ?? '', requestId: `slack:${cmd.trigger_id}` });
        const answer = await converse(ctx.deps, actor, { type: 'command', command: name, request });
        if (answer.form) return void (await openForm(ctx, actor, answer.form, cmd.trigger_id, { r: cmd.response_url, c: cmd.channel_id }));
        if (answer.files?.length) await uploadFiles(ctx, client, { channelId: cmd.channel_id, userId: cmd.user_id }, answer.files);
        await respond({ response_type: 'ephemeral', ...answerMessage(answer.view, request) });
        if (answer.queued) ctx.onQueued?.();
      } catch (e) {
        if (locale === ctx.defaultLocale) locale = ctx.actors.knownLocale(cmd.user_id) ?? locale;
        logFailure(ctx.logger, e, COMMAND_TABLE[name].en);
        await respond({ response_type: 'ephemeral', ...errorMessage(locale, e) });
      }
    };
  // One Bolt listener for the whole table, not one per command: Bolt runs every listener's matcher
  // chain on every request, and eighteen of them were ~5 % of the ack path's busy time (issue 16).
  const byName = new Map<string, ReturnType<typeof listener>>(COMMAND_NAMES.map((name) => [COMMAND_TABLE[name].en, listener(name)]));
  const pattern = new RegExp(`^(?:${[...byName.keys()].map((c) => c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')).join('|')})$`);
  app.command(pattern, (args) => byName.get(args.command.command)!(args));
}
