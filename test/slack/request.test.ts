import { describe, expect, it } from 'vitest';
import { slackRequest } from '../../src/adapters/slack/request.js';
import type { Person } from '../../src/domain/model/people.js';

/** SlackActors as the translation uses it: the people the bot knows, by Slack user id. */
const known: Record<string, Pick<Person, 'id' | 'name'>> = { UANN: { id: 'ann', name: 'Ann Lee' } };
const ctx = { actors: { known: async (id: string) => (known[id] as Person | undefined) ?? null } } as never;

describe('slackRequest: a slash command’s text as the conversation reads it', () => {
  it('takes mentions out of the words, resolving the known and naming the unknown', async () => {
    const req = await slackRequest(ctx, { text: '<@UANN|ann> <@UZED|zed>: Deal of the quarter', requestId: 'slack:T1' });
    expect(req).toMatchObject({ words: [':', 'Deal', 'of', 'the', 'quarter'], unknownUsers: ['@zed'], lines: [], platforms: ['slack'], platform: 'slack', requestId: 'slack:T1' });
    expect(req.users.map((u) => u.id)).toEqual(['ann']);
  });

  it('reads a channel mention as the request’s channel, with a live label', async () => {
    const req = await slackRequest(ctx, { text: 'channel intel <#C0INTEL|intel>' });
    expect(req.words).toEqual(['channel', 'intel']);
    expect(req.channel).toEqual({ ref: 'slack:C0INTEL', label: '<#C0INTEL>' });
  });

  it('unwraps links to their address (a label with spaces stays out of the words) and reads entities as typed, in the words and the lines', async () => {
    const req = await slackRequest(ctx, {
      text: 'plan <https://meet.example.com/abc|our meeting room> R&amp;D &lt;x&gt;\nnotes: see <https://wiki.example.com/x|the wiki> &amp; <mailto:li@acme.cn|li@acme.cn>\nSmith &amp; Co',
    });
    expect(req.words).toEqual(['plan', 'https://meet.example.com/abc', 'R&D', '<x>']);
    expect(req.lines).toEqual(['notes: see https://wiki.example.com/x & li@acme.cn', 'Smith & Co']);
  });

  it('leaves what the user typed literally as text: an escaped <#C…> or <@U…> is a word, not a mention', async () => {
    const req = await slackRequest(ctx, { text: 'team &lt;#C0X&gt; &lt;@UANN&gt;' });
    expect(req).toMatchObject({ words: ['team', '<#C0X>', '<@UANN>'], users: [], unknownUsers: [] });
    expect(req.channel).toBeUndefined();
  });

  it('keeps an uploaded file’s lines as they are, after the text’s', async () => {
    const req = await slackRequest(ctx, { text: 'import accounts', fileLines: ['name,tier', 'R&amp;D Ltd,A'] });
    expect(req).toMatchObject({ words: ['import', 'accounts'], lines: ['name,tier', 'R&amp;D Ltd,A'] });
  });
});
