import type { App } from '@slack/bolt';
import type { AnswerFile } from '../../chat/port.js';
import type { SlackContext } from './context.js';

type WebClient = App['client'];

/** Errors of a channel the bot cannot post files in (not a member, or a DM between two other people). */
const UNREACHABLE = new Set(['channel_not_found', 'not_in_channel', 'is_archived']);

const slackError = (e: unknown): string | undefined => (e as { data?: { error?: string } })?.data?.error;

/**
 * Uploads the files an answer carries (exports) with files.uploadV2: files.getUploadURLExternal,
 * the bytes POSTed to each upload_url, then files.completeUploadExternal sharing them in one
 * message (https://api.slack.com/methods/files.getUploadURLExternal).
 *
 * Exports hold everyone's results and bonuses, so they are never shared into a channel, whose
 * members would all see them: run in the direct chat with the bot they land there, run anywhere
 * else they go to the user's direct chat with the bot (conversations.open) — the same as on Lark,
 * where the answers to group commands come privately.
 */
export async function uploadFiles(ctx: SlackContext, client: WebClient, where: { channelId: string; userId: string }, files: readonly AnswerFile[]): Promise<void> {
  const upload = (channelId: string) =>
    client.files.uploadV2({
      channel_id: channelId,
      file_uploads: files.map((f) => ({ file: Buffer.from(f.content.buffer, f.content.byteOffset, f.content.byteLength), filename: f.name, title: f.title })),
    });
  const openDm = async (): Promise<string> => {
    const res = await client.conversations.open({ users: where.userId });
    if (!res.channel?.id) throw new Error('conversations.open returned no channel');
    return res.channel.id;
  };
  // A slash command run in a DM carries that DM's id: the bot's own DM, or one between two people.
  const inDm = where.channelId.startsWith('D');
  let channel = inDm ? where.channelId : await openDm();
  try {
    await upload(channel);
  } catch (e) {
    if (!inDm || !UNREACHABLE.has(slackError(e) ?? '')) throw e;
    ctx.logger.info({ channel, error: slackError(e) }, 'export run in a DM the bot is not in: sending the files to the user');
    channel = await openDm();
    await upload(channel);
  }
  ctx.logger.info({ channel, files: files.map((f) => f.name), userId: where.userId }, 'uploaded export files');
}
