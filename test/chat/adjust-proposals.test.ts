import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { publishResults } from '../../src/application/cycle/publish-results.js';
import { scorePeriod } from '../../src/application/score-period.js';
import { plainRequest } from '../../src/chat/review.js';
import { converse } from '../../src/chat/router.js';
import type { Person } from '../../src/domain/model/people.js';
import { parsePeriod } from '../../src/domain/period.js';
import { errorText } from '../../src/views/errors.js';
import type { Button, View } from '../../src/views/view.js';
import { refusal } from '../helpers/refusal.js';
import { recipient, rewardsQuarter, SLACK, type Deps } from '../application/rewards-fixture.js';

/**
 * A manager's /adjust is a proposal until HR accepts it (issue 14): the score does not move, HR is
 * asked with Accept / Reject buttons; HR's own adjustment applies at once; either way a rep's
 * adjustments add up to at most the policy's ±limit (5 by default).
 */
let deps: Deps;
let p: Awaited<ReturnType<typeof rewardsQuarter>>['people'];
beforeEach(async () => {
  ({ deps, people: p } = await rewardsQuarter());
});
afterEach(() => deps.cleanup());

const REASON = 'key account renewal landed after the cut-off';
const adjust = (actor: Person, rep: Person, text: string, requestId: string) =>
  converse(deps, actor, { type: 'command', command: 'adjust', request: { ...plainRequest(text, SLACK, [rep]), requestId } });
const click = (actor: Person, b: Pick<Button, 'id' | 'value'>, requestId: string) =>
  converse(deps, actor, { type: 'button', action: b.id, value: b.value, request: { ...plainRequest('', SLACK), requestId } });
const bobTotal = async () => (await scorePeriod(deps, parsePeriod('2026-Q3'))).reps.get('bob')!.card.total;
const requestButtons = async (): Promise<Button[]> => {
  const [item] = await deps.store.outbox.find({ job: 'adjustment-request' });
  return (item!.message.view as unknown as View).blocks.flatMap((b) => (b.type === 'actions' ? b.buttons : []));
};

describe('manager adjustments are proposals', () => {
  it("a manager's +5 changes nothing until HR accepts it with the button; HR is asked, the decision audited and told", async () => {
    const before = await bobTotal();
    const answer = await adjust(p.mgr, p.bob, `+5 ${REASON}`, 'a1');
    expect(answer.view.title).toContain('once HR accepts it');
    expect(await bobTotal()).toBe(before);
    const [proposal] = await deps.store.adjustments.find({ repId: 'bob' });
    expect(proposal).toMatchObject({ delta: 5, state: 'pending', byId: 'mgr' });
    expect((await deps.store.outbox.find({ job: 'adjustment-request' })).map(recipient).sort()).toEqual(['slack:CHR', 'slack:UHR']);
    expect(await deps.store.audit.count({ action: 'score.propose' })).toBe(1);

    const [accept] = await requestButtons();
    expect(accept).toMatchObject({ id: 'decide:adjust.accept', value: proposal!.id });
    // The manager cannot accept their own proposal.
    expect(errorText('en', await refusal(click(p.mgr, accept!, 'c0')))).toContain('needs the HR role');
    expect(await bobTotal()).toBe(before);

    const decided = await click(p.hr, accept!, 'c1');
    expect(decided.view.title).toContain('Accepted by hr');
    expect(await bobTotal()).toBeCloseTo(before + 5, 2);
    expect((await deps.store.adjustments.get(proposal!.id))).toMatchObject({ state: 'accepted', decidedBy: 'hr' });
    const [audit] = await deps.store.audit.find({ action: 'score.accept' });
    expect(audit!.details).toMatchObject({ delta: 5, proposedBy: 'mgr', before: { total: before }, after: { total: before + 5 } });
    expect((await deps.store.outbox.find({ job: 'adjustment-decision' })).map(recipient)).toEqual(['slack:UMGR']);
    // A second click decides nothing.
    expect((await click(p.hr, accept!, 'c2')).view.title).toContain('already been decided');
    expect(await bobTotal()).toBeCloseTo(before + 5, 2);
  });

  it('a rejected proposal never counts, and is not in the published result', async () => {
    const before = await bobTotal();
    await adjust(p.mgr, p.bob, `+4 ${REASON}`, 'a1');
    const [, reject] = await requestButtons();
    expect((await click(p.hr, reject!, 'c1')).view.title).toContain('Rejected by hr');
    expect(await bobTotal()).toBe(before);
    await publishResults(deps, p.hr, { period: '2026-Q3', platforms: SLACK });
    const [result] = await deps.store.results.find({ repId: 'bob', periodKey: '2026-Q3' });
    expect(result!.scorecard.adjustments).toEqual([]);
  });

  it("HR's own adjustment applies at once; beyond the policy limit (±5 by default, pending proposals included) anyone is refused in both languages", async () => {
    const before = await bobTotal();
    await adjust(p.hr, p.bob, `+3 ${REASON}`, 'a1');
    expect(await bobTotal()).toBeCloseTo(before + 3, 2);
    await adjust(p.mgr, p.bob, `+2 ${REASON}`, 'a2');
    for (const [actor, text] of [[p.mgr, '+1'], [p.hr, '+0.5'], [p.hr, '+6']] as const) {
      const e = await refusal(adjust(actor, p.bob, `${text} ${REASON}`, `x${text}${actor.id}`));
      expect(errorText('en', e)).toContain('at most ±5 points per rep and period');
      expect(errorText('zh-CN', e)).toContain('合计最多 ±5 分');
    }
    expect(await deps.store.adjustments.count({ repId: 'bob' })).toBe(2);
    // Going back down stays inside the limit.
    await adjust(p.hr, p.bob, `-4 ${REASON}`, 'a3');
    expect(await bobTotal()).toBeCloseTo(before - 1, 2);
    // The limit is a policy.
    await converse(deps, p.hr, { type: 'command', command: 'appraisal-admin', request: plainRequest('policy max-adjust 10', SLACK) });
    await adjust(p.hr, p.bob, `+6 ${REASON}`, 'a4');
    expect(await bobTotal()).toBeCloseTo(before + 5, 2);
  });
});
