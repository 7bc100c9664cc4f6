import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';

/** The manifest a newcomer pastes into Slack must match what the app answers. */
const manifest = fs.readFileSync(path.resolve(import.meta.dirname, '../../manifests/slack.yaml'), 'utf8');
const commands = [...manifest.matchAll(/^\s+- command: (\S+)$/gm)].map((m) => m[1]!);

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.deps.store.deals.insert({
    id: 'd1', repId: 'ann', accountId: 'acme', amount: 100, currency: 'CNY', amountBase: 100, units: 1, product: 'P',
    signedDate: '2026-11-01', dueDate: '2026-12-01', firstWin: true, createdAt: '2026-11-01T00:00:00Z',
  });
});
afterAll(() => h.close());

describe('manifests/slack.yaml', () => {
  it('declares every command of the issue', () => {
    expect(commands).toEqual(['/visit', '/deal', '/payment', '/feedback', '/intel', '/peer-review', '/scorecard', '/ranking', '/appraisal', '/appraisal-admin', '/cycle', '/publish-results', '/adjust', '/award', '/appeal', '/interview', '/export', '/audit', '/account', '/self-review', '/away', '/entries']);
  });

  it('escapes mentions in every command (the admin and scorecard parsers rely on it)', () => {
    expect(manifest.match(/should_escape: true/g)).toHaveLength(commands.length);
  });

  it('asks for the scopes the app uses and subscribes to App Home', () => {
    for (const scope of ['commands', 'chat:write', 'im:write', 'users:read']) expect(manifest).toContain(`- ${scope}`);
    expect(manifest).toMatch(/bot_events:\n\s+- app_home_opened/);
    expect(manifest).toContain('message_menu_options_url: https://YOUR-HOST/slack/events');
  });

  it.each(commands)('%s is answered by the app (a modal or an ephemeral reply)', async (command) => {
    const before = h.fake.callsTo('views.open').length + h.fake.responses.length;
    const res = await h.command('UANN', command, command === '/appraisal' ? 'help' : '');
    expect(res.status).toBe(200);
    await h.fake.until(() => h.fake.callsTo('views.open').length + h.fake.responses.length > before, `an answer to ${command}`);
  });
});
