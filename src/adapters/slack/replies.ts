import type { types } from '@slack/bolt';
import { isAppError } from '../../domain/errors.js';
import type { Locale } from '../../domain/model/fields.js';
import { errorText } from '../../views/errors.js';
import type { Logger } from '../../ports/logger.js';

type KnownBlock = types.KnownBlock;

/**
 * Ephemeral answers through a command's `response_url` (valid for 30 minutes, works in any channel
 * and in DMs with the bot): https://api.slack.com/interactivity/handling#message_responses
 */
export async function postToResponseUrl(url: string, message: { text: string; blocks?: KnownBlock[] }, logger: Logger): Promise<void> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ response_type: 'ephemeral', replace_original: false, ...message }),
    });
    if (!res.ok) logger.warn({ status: res.status }, 'response_url post failed');
  } catch (e) {
    logger.warn({ err: e }, 'response_url post failed');
  }
}

/** Logs unexpected errors with context; known ones are the user's to fix and are not noise. */
export function logFailure(logger: Logger, e: unknown, what: string): void {
  if (isAppError(e) && e.code !== 'UNAVAILABLE') logger.info({ code: e.code, msg: e.message }, `${what} refused`);
  else logger.error({ err: e }, `${what} failed`);
}

export const errorMessage = (locale: Locale, e: unknown): { text: string } => ({ text: `:warning: ${errorText(locale, e)}` });
