import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../../src/adapters/lark/render/card.js';
import { escapeSlack, slackMention } from '../../src/adapters/slack/parse-text.js';

/** The two escape helpers every Slack and Lark output of user text goes through (issue 13). */
describe('escapeSlack', () => {
  it('escapes & < > and breaks broadcast words, keeping the rest as typed', () => {
    expect(escapeSlack('<!channel> <@U1> <http://x|y> a & b @here @Channel email@everyone.test *bold*')).toBe(
      '&lt;!channel&gt; &lt;@U1&gt; &lt;http://x|y&gt; a &amp; b @\u2060here @\u2060Channel email@\u2060everyone.test *bold*',
    );
  });

  it('escapes already-escaped text again: it shows as typed', () => {
    expect(escapeSlack('&lt;')).toBe('&amp;lt;');
  });

  it('mentions only a Slack user id', () => {
    expect(slackMention('U0ANN')).toBe('<@U0ANN>');
    expect(slackMention('U1> <!channel')).toBe('U1&gt; &lt;!channel');
  });
});

describe('escapeMarkdown (Lark)', () => {
  it('leaves no tag, link or image, and keeps brackets, parentheses and ! visible', () => {
    const out = escapeMarkdown('<at id=all></at> [x](http://e) ![i](k) [a][b] (CTO)! & <font color=red>');
    expect(out).toBe('&lt;at id=all&gt;&lt;/at&gt; [x]\u2060(http://e) !\u2060[i]\u2060(k) [a]\u2060[b] (CTO)! &amp; &lt;font color=red&gt;');
    expect(out).not.toMatch(/<|\]\(|\]\[|!\[/);
  });
});
