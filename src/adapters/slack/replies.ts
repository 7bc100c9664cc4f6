import http from 'node:http';
import https from 'node:https';
import type { types } from '@slack/bolt';
import { isAppError } from '../../domain/errors.js';
import type { Locale } from '../../domain/model/fields.js';
import { errorText } from '../../views/errors.js';
import { escapeSlack } from './parse-text.js';
import type { Logger } from '../../ports/logger.js';

type KnownBlock = types.KnownBlock;

/**
 * Ephemeral answers through a command's `response_url` (valid for 30 minutes, works in any channel
 * and in DMs with the bot): https://api.slack.com/interactivity/handling#message_responses
 */
export async function postToResponseUrl(url: string, message: { text: string; blocks?: KnownBlock[] }, logger: Logger): Promise<void> {
  const body = JSON.stringify({ response_type: 'ephemeral', replace_original: false, ...message });
  // node:http(s) rather than fetch: this runs on the thread that acks other requests, and costs a
  // third of fetch's CPU per post (measured in the ack benchmark).
  await new Promise<void>((resolve) => {
    const target = new URL(url);
    const request = (target.protocol === 'https:' ? https : http).request(
      target,
      { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }, timeout: 10_000 },
      (res) => {
        res.resume();
        if ((res.statusCode ?? 500) >= 300) logger.warn({ status: res.statusCode }, 'response_url post failed');
        res.on('end', resolve);
      },
    );
    request.on('timeout', () => request.destroy(new Error('response_url post timed out')));
    request.on('error', (e) => {
      logger.warn({ err: e }, 'response_url post failed');
      resolve();
    });
    request.end(body);
  });
}

/** Logs unexpected errors with context; known ones are the user's to fix and are not noise. */
export function logFailure(logger: Logger, e: unknown, what: string): void {
  if (isAppError(e) && e.code !== 'UNAVAILABLE') logger.info({ code: e.code, msg: e.message }, `${what} refused`);
  else logger.error({ err: e }, `${what} failed`);
}

/** A refusal as Slack text: the reason may echo what was typed (an unknown team's name), so it is escaped. */
export const errorMessage = (locale: Locale, e: unknown): { text: string } => ({ text: `:warning: ${escapeSlack(errorText(locale, e))}` });
