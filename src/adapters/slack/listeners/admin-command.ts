import type { App } from '@slack/bolt';
import { adminAnswer, mentionsUsers } from '../../../chat/admin.js';
import { requireKnownMentions } from '../../../chat/mentions.js';
import type { SlackContext } from '../context.js';
// A pasted CSV or template JSON is read as typed ("Smith & Co", not "Smith &amp; Co").
import { escapeSlack, parseCommandText, splitMentions, unescapeSlack } from '../parse-text.js';
import { ephemeralCommand } from './ephemeral-command.js';

/**
 * `/appraisal-admin …`: Slack's mentions (`<@U…>`, `<#C…>`) are resolved here, the rest is the
 * shared admin conversation (src/chat/admin.ts). A CSV can be pasted on the lines after the command.
 */
export function registerAdminCommand(app: App, ctx: SlackContext): void {
  ephemeralCommand(app, ctx, '/appraisal-admin', async (actor, text, meta) => {
    const [firstLine = '', ...moreLines] = text.split('\n');
    const parsed = parseCommandText(firstLine);
    // Team names and the like are read as typed ("R&D", not "R&amp;D"), like the CSV below.
    const words = parsed.rest.split(/\s+/).filter(Boolean).map(unescapeSlack);
    const needsUsers = mentionsUsers(words);
    // Mentioned people are looked up (never registered) for the subcommands that use them, and only
    // for admins; someone the bot does not know is imported, or uses the bot once, first.
    const { mentions } = splitMentions(firstLine);
    const users = needsUsers && actor.roles.includes('admin') ? await requireKnownMentions((id) => ctx.actors.known(id), mentions) : [];
    const channel = parsed.channels[0];
    const label = channel ? `<#${channel}>` : undefined;
    const answer = await adminAnswer(ctx.deps, actor, {
      words,
      users,
      ...(channel && label ? { channel: { ref: `slack:${channel}`, label } } : {}),
      ...(moreLines.length > 0 ? { csv: unescapeSlack(moreLines.join('\n')) } : {}),
      requestId: meta.requestId,
    });
    // The answer echoes names and teams as typed: escaped. The channel link is the bot's own (an id
    // Slack gave, `<#C…>`), so it is put back live.
    const escaped = escapeSlack(answer);
    return { text: label ? escaped.split(escapeSlack(label)).join(label) : escaped };
  });
}
