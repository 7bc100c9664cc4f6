import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runConsole } from '../../src/adapters/console/console-app.js';
import { createConsoleOutbound } from '../../src/adapters/console/outbound.js';
import { createPrompt } from '../../src/adapters/console/prompt.js';
import { terminalText } from '../../src/adapters/console/terminal-text.js';
import { ensureDefaultTemplate } from '../../src/application/templates.js';
import { smallOrg } from '../helpers/org.js';
import { testDeps } from '../helpers/temp-store.js';
import { HOSTILE } from './hostile.js';

/**
 * Issue 13, the local console: user-written text printed to a terminal carries no escape sequence
 * or other control character the terminal would obey.
 */
let deps: ReturnType<typeof testDeps>;
beforeEach(async () => {
  deps = testDeps('2026-11-26T02:00:00Z');
  await smallOrg(deps.store);
  await ensureDefaultTemplate(deps);
});
afterEach(() => deps.cleanup());

// Clear the screen, retitle the window, a hyperlink (OSC 8), a carriage return, a bidi override.
const TERMINAL_HOSTILE = `${HOSTILE} \u001b[2J\u001b]0;pwned\u0007\u001b]8;;http://evil.test\u001b\\link\u001b]8;;\u001b\\ \rover\u202eevil`;
// What reached the terminal: no C0/C1 control but tab and newline, no bidi override.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function capture(): { output: PassThrough; printed: () => string } {
  const output = new PassThrough();
  let printed = '';
  output.on('data', (c: Buffer) => (printed += c.toString('utf8')));
  return { output, printed: () => printed };
}

describe('console: text printed to the terminal', () => {
  it('an answer that echoes what was typed prints without escape sequences', async () => {
    const input = new PassThrough();
    const { output, printed } = capture();
    input.end(`/ranking ${TERMINAL_HOSTILE}\n/quit\n`);
    const prompt = createPrompt(input, output);
    await runConsole({ deps, prompt, offerDemo: false, as: 'mgr' });
    prompt.close();
    expect(printed()).toContain('No team matches "<!channel> <!here>');
    expect(printed()).not.toMatch(CONTROL);
  });

  it('a scheduled message printed by the console outbound', async () => {
    const { output, printed } = capture();
    const prompt = createPrompt(new PassThrough(), output);
    const outbound = createConsoleOutbound((text) => prompt.say(text), 'en', () => `Ann ${TERMINAL_HOSTILE}`);
    await outbound.send({ kind: 'dm', identity: 'console:ann' }, { text: TERMINAL_HOSTILE, view: { title: 'T', blocks: [{ type: 'text', text: TERMINAL_HOSTILE }] } }, { idempotencyKey: 'k', recovered: false });
    prompt.close();
    expect(printed()).toContain('[x](http://evil.test)');
    expect(printed()).not.toMatch(CONTROL);
  });

  it('keeps the text itself, tabs and newlines', () => {
    expect(terminalText('a\tb\nc \u001b[31mred\u001b[0m \u001b]8;;http://x\u0007l\u001b]8;;\u0007 d\re')).toBe('a\tb\nc red l de');
  });
});
