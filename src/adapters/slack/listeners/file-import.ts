import type { App } from '@slack/bolt';
import { converse } from '../../../chat/router.js';
import { AppError } from '../../../domain/errors.js';
import type { SlackContext } from '../context.js';
import { answerMessage } from '../render/answer-message.js';
import { errorMessage, logFailure } from '../replies.js';
import { slackRequest } from '../request.js';

/** CSV files larger than this are refused (the import itself caps rows at 5,000). */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

interface SharedFile {
  name?: string;
  size?: number;
  url_private_download?: string;
  url_private?: string;
}

/** Downloads a file shared with the bot (https://api.slack.com/types/file#auth): the bot token authorises it. */
async function download(ctx: SlackContext, file: SharedFile): Promise<string> {
  const url = file.url_private_download ?? file.url_private;
  if (!url) throw new AppError('VALIDATION', 'the file has no download address', { params: { messageId: 'admin.import.noCsv' } });
  if ((file.size ?? 0) > MAX_IMPORT_BYTES) throw new AppError('VALIDATION', 'file too large', { params: { messageId: 'admin.import.tooLarge' } });
  const res = await fetch(url, { headers: { authorization: `Bearer ${ctx.client.token ?? ''}` } });
  if (!res.ok) throw new AppError('UNAVAILABLE', `Slack answered ${res.status} for the file`);
  const bytes = Buffer.from(await res.arrayBuffer());
  if (bytes.length > MAX_IMPORT_BYTES) throw new AppError('VALIDATION', 'file too large', { params: { messageId: 'admin.import.tooLarge' } });
  return bytes.toString('utf8');
}

/**
 * `/appraisal-admin import …` by file: slash commands cannot carry files, so an administrator
 * uploads the CSV in the direct chat with the bot with the message `import people` (or accounts,
 * targets; add `dry-run` to preview). It reaches the conversation as that command with the file's
 * lines; the answer comes back in the same chat.
 */
export function registerFileImport(app: App, ctx: SlackContext): void {
  app.message(/^\s*(\/appraisal-admin\s+)?import\s+\w+/i, async ({ message, say }) => {
    const m = message as { channel_type?: string; user?: string; text?: string; files?: SharedFile[]; subtype?: string };
    if (m.channel_type !== 'im' || !m.user || !m.files?.length) return;
    let locale = ctx.defaultLocale;
    try {
      const actor = await ctx.actors.resolve(m.user);
      locale = actor.locale;
      const text = (m.text ?? '').replace(/^\s*\/appraisal-admin\s+/i, '').split('\n')[0]!;
      // The file's content is not Slack markup: its lines are read as they are.
      const fileLines = (await download(ctx, m.files[0]!)).split('\n');
      const request = await slackRequest(ctx, { text, fileLines });
      const answer = await converse(ctx.deps, actor, { type: 'command', command: 'appraisal-admin', request });
      await say(answerMessage(answer.view, request));
    } catch (e) {
      logFailure(ctx.logger, e, 'file import');
      await say(errorMessage(locale, e).text);
    }
  });
}
