import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureDefaultTemplate } from '../../src/application/templates.js';
import { smallOrg, visits } from '../helpers/org.js';
import { testDeps } from '../helpers/temp-store.js';
import { ask, shownTexts, type Answered } from './conversation.js';

/**
 * A manager's (or HR's) bare `/scorecard` used to answer "mgr was not a rep during 2026-Q4":
 * correct, but no help. Someone without the rep role is told how to see a rep's scorecard and the
 * team's standings, in their language. Thursday 2026-11-26, in 2026-Q4.
 */
let deps: ReturnType<typeof testDeps>;
beforeEach(async () => {
  deps = testDeps('2026-11-26T02:00:00Z');
  await smallOrg(deps.store);
  await ensureDefaultTemplate(deps);
  await deps.store.activities.insertMany(visits('ann', 'acme', 5, '2026-10-05'));
});
afterEach(() => deps.cleanup());

const said = (a: Answered): string => a.refusal ?? shownTexts(a.view).slice(1).join('\n');

describe('a bare /scorecard from someone who is not a rep', () => {
  it('tells a manager how to see a rep’s scorecard and the team’s standings', async () => {
    expect(said(await ask(deps, 'mgr', '/scorecard'))).toBe(
      'You have no scorecard of your own for 2026-Q4: you were not a rep then. A rep’s scorecard: `/scorecard @rep 2026-Q4`. Your team’s standings: `/ranking 2026-Q4`.',
    );
    expect(said(await ask(deps, 'mgr', '/scorecard 2026-Q3'))).toContain('for 2026-Q3');
  });

  it('tells HR the same in Chinese', async () => {
    await deps.store.people.put({ ...(await deps.store.people.get('hr'))!, locale: 'zh-CN' });
    expect(said(await ask(deps, 'hr', '/成绩'))).toBe('你在 2026-Q4 没有个人计分卡：当时你不是销售代表。查看某位销售代表的计分卡：`/成绩 @销售代表 2026-Q4`；查看团队排名：`/排名 2026-Q4`。');
  });

  it('still shows a player-coach their own scorecard, and a manager the rep they name', async () => {
    await deps.store.people.put({ ...(await deps.store.people.get('mgr'))!, roles: ['rep', 'manager'] });
    expect((await ask(deps, 'mgr', '/scorecard')).view!.title).toBe('Scorecard: mgr, 2026-Q4');
    expect((await ask(deps, 'mgr', '/scorecard @ann', { known: ['ann'] })).view!.title).toBe('Scorecard: ann, 2026-Q4');
  });
});
