import type { AnswerFile } from '../../chat/request.js';
import type { LarkContext } from './context.js';
import type { Target } from './sender.js';

/**
 * Sends files an answer carries (exports) to a chat: upload (im/v1/files), then a file message.
 * TODO(issue 6, exports): not built yet; the files are only logged.
 */
export async function sendFiles(ctx: LarkContext, to: Target, files: readonly AnswerFile[]): Promise<void> {
  ctx.logger.warn({ to, files: files.map((f) => f.name) }, 'file upload to Lark is not built yet');
}
