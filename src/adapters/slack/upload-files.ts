import type { App } from '@slack/bolt';
import type { AnswerFile } from '../../chat/request.js';
import type { SlackContext } from './context.js';

type WebClient = App['client'];

/**
 * Uploads files an answer carries (exports) where the command was run (files.uploadV2).
 * TODO(issue 6, exports): not built yet; the files are only logged.
 */
export async function uploadFiles(ctx: SlackContext, _client: WebClient, where: { channelId: string; userId: string }, files: readonly AnswerFile[]): Promise<void> {
  ctx.logger.warn({ where, files: files.map((f) => f.name) }, 'file upload to Slack is not built yet');
}
