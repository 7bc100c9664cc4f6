import type { types } from '@slack/bolt';
import type { ChatRequest } from '../../../chat/port.js';
import type { View } from '../../../views/view.js';
import { escapeSlack } from '../parse-text.js';
import { viewToBlocks } from './blocks.js';

/**
 * What a view says as one line of text: a lone text (a confirmation, a refusal, an admin's answer)
 * is that text; anything richer is its title.
 */
export function viewText(view: View): string {
  const [only, ...more] = view.blocks;
  return only?.type === 'text' && more.length === 0 ? only.text : view.title;
}

/**
 * An answer as a Slack message: the blocks, and as the `text` notifications, screen readers and
 * the fallback show, the whole text of a text-only answer (an import report runs over many lines)
 * or else the view's title; both escaped (https://api.slack.com/methods/chat.postMessage#text_usage).
 *
 * A channel the request named (`<#C…>`, an id Slack gave) is the bot's own link: where the answer
 * echoes it, it is put back live after the escaping.
 */
export function answerMessage(view: View, request?: Pick<ChatRequest, 'channel'>): { text: string; blocks: types.KnownBlock[] } {
  const message = { text: escapeSlack(viewText(view)), blocks: viewToBlocks(view) };
  const label = request?.channel?.label;
  if (!label) return message;
  // Neither the escaped label (`&lt;#C…&gt;`) nor the label has a character JSON escapes.
  return JSON.parse(JSON.stringify(message).split(escapeSlack(label)).join(label)) as typeof message;
}
