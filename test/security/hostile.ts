/**
 * Text a user could type anywhere the bot later shows it: Slack broadcasts, a user mention, a
 * disguised link, Lark markdown links and images, Lark's mention of everyone, a bare ampersand and a
 * terminal escape sequence (input normalisation may strip control characters: output escapes anyway).
 */
export const HOSTILE =
  '<!channel> <!here> <@U999> <http://evil.test/login|Click to see your bonus> [x](http://evil.test) ![i](http://evil.test/i.png) <at id=all></at> & @everyone \u001b[31m';

/** A shorter one for names and titles with a length limit. */
export const HOSTILE_NAME = '<!channel> [x](http://evil.test) <at id=all></at> & \u001b[31m';

/** Text as Slack delivers it in a slash command (escaping on): `&`, `<` and `>` as entities. */
export const slackTyped = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Every string anywhere in a value (an API call's parameters, a card), but in the objects `skip` names. */
export function strings(x: unknown, skip: (o: Record<string, unknown>) => boolean = () => false): string[] {
  if (typeof x === 'string') return [x];
  if (Array.isArray(x)) return x.flatMap((y) => strings(y, skip));
  if (x && typeof x === 'object') return skip(x as Record<string, unknown>) ? [] : Object.values(x).flatMap((y) => strings(y, skip));
  return [];
}

/**
 * Live Slack markup that can only have come from the hostile text: a broadcast, the mention of
 * U999, a link with its own label, a bare broadcast word a client might read.
 */
export const SLACK_LIVE = /<!(channel|here|everyone)|<@U999|<http|@(channel|here|everyone)\b/;

/** The markdown of a Lark card (markdown elements and lark_md texts): what Lark parses for links, images and mentions. */
export function larkMarkdown(card: unknown): string[] {
  const out: string[] = [];
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) return x.forEach(walk);
    if (!x || typeof x !== 'object') return;
    const o = x as Record<string, unknown>;
    if ((o.tag === 'markdown' || o.tag === 'lark_md') && typeof o.content === 'string') out.push(o.content);
    Object.values(o).forEach(walk);
  };
  walk(card);
  return out;
}

/** Live Lark markdown from the hostile text: a mention of anyone, a link, an image, an HTML-like tag. */
export const LARK_LIVE = /<at\b|<a\b|<link\b|<font\b|\]\(|\]\[|!\[/;
