import type { AnswerFile } from '../../chat/port.js';
import { apiFailure, callApi, LarkApiError } from './api-errors.js';
import type { LarkContext } from './context.js';
import type { Target } from './sender.js';

/** Lark refuses files over 30 MB (and empty ones): https://open.feishu.cn/document/server-docs/im-v1/file/create */
export const MAX_FILE_BYTES = 30 * 1024 * 1024;

/**
 * Lark's file types: Excel files are `xls` (for .xlsx too, so the chat previews them as a
 * spreadsheet), Word `doc`, PDF `pdf`; anything else (CSV) is `stream`.
 */
export function larkFileType(name: string): 'xls' | 'doc' | 'pdf' | 'stream' {
  const ext = name.toLowerCase().split('.').pop() ?? '';
  if (ext === 'xls' || ext === 'xlsx') return 'xls';
  if (ext === 'doc' || ext === 'docx') return 'doc';
  if (ext === 'pdf') return 'pdf';
  return 'stream';
}

/**
 * Sends the files an answer carries (exports) to a chat, each as its own file message: upload
 * with im/v1/files (returns a file_key), then a message of msg_type `file` with that key
 * (https://open.feishu.cn/document/server-docs/im-v1/message/create, content `{"file_key": …}`).
 * Each call goes through LarkSender's pacing and its retry after code 99991400. The target is the user's direct chat
 * for every command run in a group, so exports never land in a group.
 */
export async function sendFiles(ctx: LarkContext, to: Target, files: readonly AnswerFile[]): Promise<void> {
  const [type, id] = 'openId' in to ? (['open_id', to.openId] as const) : (['chat_id', to.chatId] as const);
  for (const file of files) {
    if (file.content.byteLength === 0 || file.content.byteLength > MAX_FILE_BYTES) {
      throw new LarkApiError('im.v1.file.create', undefined, `${file.name} is ${file.content.byteLength} bytes: Lark takes 1 byte to 30 MB`);
    }
    // Paced and retried by the sender, within the same windows as every other message to this chat.
    const fileKey = await ctx.sender.paced('file.create', `to:${id}`, async () => {
      let res: { file_key?: string | undefined } | null;
      try {
        res = await ctx.client.im.v1.file.create({
          data: { file_type: larkFileType(file.name), file_name: file.name, file: Buffer.from(file.content.buffer, file.content.byteOffset, file.content.byteLength) },
        });
      } catch (e) {
        const f = apiFailure(e);
        throw new LarkApiError('im.v1.file.create', f.code, f.msg, f.resetSeconds, e);
      }
      if (!res?.file_key) throw new LarkApiError('im.v1.file.create', undefined, 'no file_key in the answer');
      return res.file_key;
    });
    await ctx.sender.paced('message.create', `to:${id}`, () =>
      callApi('im.v1.message.create', () =>
        ctx.client.im.v1.message.create({ params: { receive_id_type: type }, data: { receive_id: id, msg_type: 'file', content: JSON.stringify({ file_key: fileKey }) } }),
      ),
    );
    ctx.logger.info({ to: id, file: file.name, fileKey }, 'sent an export file');
  }
}
