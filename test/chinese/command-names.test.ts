import { afterEach, describe, expect, it } from 'vitest';
import { startHarness as startSlack, type Harness as SlackHarness } from '../slack/harness.js';
import { dmChat, startHarness as startLark, type Harness as LarkHarness } from '../lark/harness.js';

/**
 * The Chinese catalogue names commands by their Chinese alias; Slack, which cannot register a
 * Chinese slash command, shows the English command instead. Bob reads Chinese on both platforms.
 */
let slack: SlackHarness | undefined;
let lark: LarkHarness | undefined;
afterEach(async () => {
  await slack?.close();
  await lark?.close();
  slack = lark = undefined;
});

describe('a command named in a Chinese hint', () => {
  it('is the Chinese alias on Lark, where it can be typed', async () => {
    lark = await startLark();
    await lark.dm('ou_bobwu', '/自评 help');
    await lark.idle();
    const card = JSON.stringify(lark.lastCardTo(dmChat('ou_bobwu')).body);
    expect(card).toContain('用法：/自评 &lt;业绩 1–5&gt;');
    expect(card).not.toContain('/self-review');
  });

  it('is the English command on Slack, the only one Slack can run', async () => {
    slack = await startSlack();
    await slack.command('UBOB', '/self-review', 'help');
    const text = (slack.fake.responses.at(-1)!.body as { text: string }).text;
    expect(text).toContain('用法：/self-review &lt;业绩 1–5&gt;');
    expect(text).toContain('例如 /self-review 4 3 5');
    expect(text).not.toContain('/自评');
  });
});
