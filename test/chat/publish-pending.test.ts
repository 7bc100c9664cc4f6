import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { visits } from '../helpers/org.js';
import { anAbsence } from '../helpers/builders.js';
import { testDeps } from '../helpers/temp-store.js';
import { ask, click, shownTexts, type Answered, namedOrg } from './conversation.js';

/**
 * The `/publish-results` preview warns HR of what still waits for a decision in the period (issue
 * 14): managers' adjustment proposals (they count only once accepted) and leave waiting for
 * approval (it prorates no target until approved). A warning, not a block. Today is 26 November
 * 2026; 2026-Q3 is in review.
 */
let deps: ReturnType<typeof testDeps>;
beforeEach(async () => {
  deps = testDeps('2026-11-26T02:00:00Z');
  await namedOrg(deps);
  await deps.store.activities.insertMany([...visits('ann', 'acme', 36, '2026-07-01'), ...visits('bob', 'globex', 12, '2026-08-01')]);
  await say('hr', '/cycle open 2026-Q3');
  expect(await say('hr', '/cycle review 2026-Q3')).toContain('is now in review');
});
afterEach(() => deps.cleanup());

const said = (a: Answered): string => a.refusal ?? shownTexts(a.view).join('\n');
const say = async (who: string, line: string, known: string[] = []) => said(await ask(deps, who, line, { known }));
const REASON = 'Key-account workshop not captured by the CRM';

describe('the publication preview warns of undecided proposals and leave', () => {
  it('lists the pending adjustment proposal and the pending leave of the period, in English and Chinese; none once decided', async () => {
    expect(await say('mgr', `/adjust @bob +2 ${REASON}`, ['bob'])).toContain('once HR accepts it');
    // bob's leave in the quarter waits for his manager; ann's in December is outside it.
    await deps.store.absences.insert(anAbsence({ id: 'leave-q3', personId: 'bob', from: '2026-09-07', to: '2026-09-18', createdBy: 'bob', approval: 'pending' }));
    await deps.store.absences.insert(anAbsence({ id: 'leave-q4', personId: 'ann', from: '2026-12-07', to: '2026-12-18', createdBy: 'ann', approval: 'pending' }));

    const preview = await say('hr', '/publish-results 2026-Q3');
    expect(preview).toContain('⚠ Adjustment proposals still waiting for HR (they do not count unless accepted before publishing):\nBob Wu: +2.0, proposed by Mia Manager');
    expect(preview).toContain('⚠ Leave still waiting for approval (targets are not prorated for it unless approved before publishing):\nBob Wu: 2026-09-07 – 2026-09-18');
    expect(preview).not.toContain('2026-12-07');
    // A warning, not a block: the Publish button is still offered.
    const buttons = (await ask(deps, 'hr', '/publish-results 2026-Q3')).view!.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons : []));
    expect(buttons.map((b) => b.id)).toEqual(['decide:publish.confirm']);

    await deps.store.people.put({ ...(await deps.store.people.get('hr'))!, locale: 'zh-CN' });
    const zh = await say('hr', '/发布结果 2026-Q3');
    expect(zh).toContain('⚠ 以下分数调整提议仍待人力资源部处理（发布前未接受则不计入）：\nBob Wu：+2.0，由 Mia Manager 提议');
    expect(zh).toContain('⚠ 以下休假仍待审批（发布前未批准则不折算目标）：\nBob Wu：2026-09-07 – 2026-09-18');
    await deps.store.people.put({ ...(await deps.store.people.get('hr'))!, locale: 'en' });

    const [proposal] = await deps.store.adjustments.find({ repId: 'bob' });
    await click(deps, 'hr', 'decide:adjust.accept', proposal!.id);
    await click(deps, 'mgr', 'decide:away.approve', 'leave-q3');
    const decided = await say('hr', '/publish-results 2026-Q3');
    expect(decided).not.toContain('still waiting');
    expect(decided).toContain('Publish the 2026-Q3 results?');
  });
});
