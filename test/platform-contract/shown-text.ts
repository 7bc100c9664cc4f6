/**
 * The words a person reads in a platform's message, without its markup: every `text` of a Slack
 * message and its blocks (mrkdwn entities undone), every `content` of a Lark card (font tags
 * dropped). The contract compares these with catalogue texts, never with serialised JSON.
 */
function collect(node: unknown, key: string, out: string[]): string[] {
  if (typeof node !== 'object' || node === null) return out;
  if (Array.isArray(node)) {
    for (const n of node) collect(n, key, out);
    return out;
  }
  for (const [k, v] of Object.entries(node)) {
    if (k === key && typeof v === 'string') out.push(v);
    else collect(v, key, out);
  }
  return out;
}

export const slackText = (message: unknown): string =>
  collect(message, 'text', [])
    .join('\n')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

export const larkText = (card: unknown): string =>
  collect(card, 'content', [])
    .join('\n')
    .replace(/<\/?font[^>]*>/g, '');

/** A multipart/form-data body's first part, or the bytes themselves when they are not multipart. */
export function firstPart(data: Buffer): Buffer {
  if (!data.subarray(0, 2).equals(Buffer.from('--'))) return data;
  const boundary = data.subarray(0, data.indexOf('\r\n'));
  const start = data.indexOf('\r\n\r\n') + 4;
  const end = data.indexOf(Buffer.concat([Buffer.from('\r\n'), boundary]), start);
  return data.subarray(start, end < 0 ? undefined : end);
}
