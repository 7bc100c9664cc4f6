import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryForm } from '../../src/chat/entry-forms.js';
import { rankingAnswer, scorecardAnswer } from '../../src/chat/reports.js';
import { viewToBlocks } from '../../src/adapters/slack/render/blocks.js';
import { formToModal } from '../../src/adapters/slack/render/modal.js';
import type { Person } from '../../src/domain/model/people.js';
import { ENTRY_COMMANDS } from '../../src/chat/commands.js';
import { smallOrg, T0, visits } from '../helpers/org.js';
import { testDeps } from '../helpers/temp-store.js';
import { ensureDefaultTemplate } from '../../src/application/templates.js';

/** Block Kit renderings of the shared views and forms, pinned per language. */
let deps: ReturnType<typeof testDeps>;
let ann: Person;
beforeAll(async () => {
  deps = testDeps('2026-11-26T02:00:00Z');
  await smallOrg(deps.store);
  await ensureDefaultTemplate(deps);
  await deps.store.activities.insertMany(visits('ann', 'acme', 20, '2026-10-05'));
  await deps.store.deals.insert({
    id: 'd1', repId: 'ann', accountId: 'acme', amount: 300_000, currency: 'CNY', amountBase: 300_000, units: 40, product: 'Robots',
    signedDate: '2026-10-20', dueDate: '2026-11-19', firstWin: true, createdAt: T0,
  });
  ann = (await deps.store.people.get('ann'))!;
});
afterAll(() => deps.cleanup());

describe('Block Kit', () => {
  it.each(['en', 'zh-CN'] as const)('renders every entry form as a modal (%s)', async (locale) => {
    const actor = { ...ann, locale };
    for (const command of ENTRY_COMMANDS) {
      const modal = formToModal(await entryForm(deps, actor, command, ''), { privateMetadata: '{}', closeLabel: 'x' });
      expect(modal.title.text.length).toBeLessThanOrEqual(24);
      expect(modal.blocks.length).toBeLessThanOrEqual(100);
      expect(modal).toMatchSnapshot(`${command} ${locale}`);
    }
  });

  it.each(['en', 'zh-CN'] as const)('renders the scorecard and the ranking as message blocks (%s)', async (locale) => {
    const actor = { ...ann, locale };
    const scorecard = viewToBlocks(await scorecardAnswer(deps, actor, {}));
    const ranking = viewToBlocks(await rankingAnswer(deps, actor, {}));
    for (const blocks of [scorecard, ranking]) {
      expect(blocks.length).toBeLessThanOrEqual(50);
      for (const b of blocks) if (b.type === 'section' && b.text) expect(b.text.text.length).toBeLessThanOrEqual(3000);
    }
    expect(scorecard).toMatchSnapshot(`scorecard ${locale}`);
    expect(ranking).toMatchSnapshot(`ranking ${locale}`);
  });
});
