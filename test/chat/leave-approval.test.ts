import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scorePeriod } from '../../src/application/score-period.js';
import { plainRequest } from '../../src/chat/review.js';
import { converse } from '../../src/chat/router.js';
import type { Person } from '../../src/domain/model/people.js';
import { parsePeriod } from '../../src/domain/period.js';
import { renderText } from '../../src/views/render-text.js';
import { errorText } from '../../src/views/errors.js';
import type { Button, View } from '../../src/views/view.js';
import { visits } from '../helpers/org.js';
import { refusal } from '../helpers/refusal.js';
import { recipient, rewardsQuarter, SLACK, type Deps } from '../application/rewards-fixture.js';

/**
 * Leave needs approval before it changes targets (issue 14: an unapproved /away raised a score
 * 51.1 → 56.5). One's own /away silences nudges at once, but prorates targets only once the
 * manager (or HR) approves it with a button; the scorecard shows approved and pending leave.
 */
let deps: Deps;
let p: Awaited<ReturnType<typeof rewardsQuarter>>['people'];
beforeEach(async () => {
  ({ deps, people: p } = await rewardsQuarter()); // today 2026-11-26, in 2026-Q4
  await deps.store.activities.insertMany(visits('ann', 'acme', 12, '2026-10-01', 'q4-'));
});
afterEach(() => deps.cleanup());

const LEAVE = '2026-10-12 2026-11-06 family leave';
/** Still to come (the list shows leave that has not ended). */
const LATER = '2026-11-30 2026-12-25 parental leave';
const away = (actor: Person, text: string, users: Person[] = [], requestId = `away-${actor.id}-${text}`) =>
  converse(deps, actor, { type: 'command', command: 'away', request: { ...plainRequest(text, SLACK, users), requestId } });
const click = (actor: Person, b: Pick<Button, 'id' | 'value'>, requestId: string) =>
  converse(deps, actor, { type: 'button', action: b.id, value: b.value, request: { ...plainRequest('', SLACK), requestId } });
const annQ4 = async () => (await scorePeriod(deps, parsePeriod('2026-Q4'))).reps.get('ann')!.card.total;
const scorecard = async (actor: Person) => renderText((await converse(deps, actor, { type: 'command', command: 'scorecard', request: plainRequest('2026-Q4', SLACK) })).view);
const requestButtons = async (): Promise<Button[]> => {
  const items = await deps.store.outbox.find({ job: 'leave-request' });
  return items.flatMap((o) => (o.message.view as unknown as View).blocks.flatMap((b) => (b.type === 'actions' ? b.buttons : [])));
};

describe('leave needs approval before it changes targets', () => {
  it("a rep's own leave changes nothing until the manager approves it with the button; the scorecard says pending, then approved", async () => {
    const before = await annQ4();
    const answer = renderText((await away(p.ann, LEAVE)).view);
    expect(answer).toContain('does not change your targets');
    const [absence] = await deps.store.absences.find({ personId: 'ann' });
    expect(absence).toMatchObject({ approval: 'pending' });
    expect(await annQ4()).toBe(before);
    expect(await scorecard(p.ann)).toContain('26 days waiting for approval');
    expect((await deps.store.outbox.find({ job: 'leave-request' })).map(recipient)).toEqual(['slack:UMGR']);

    const [approve] = await requestButtons();
    expect(approve).toMatchObject({ id: 'decide:away.approve', value: absence!.id });
    // Not the rep herself, not another rep, not another team's manager.
    expect(errorText('en', await refusal(click(p.ann, approve!, 'c1')))).toContain('Nobody approves their own leave');
    expect(errorText('zh-CN', await refusal(click(p.bob, approve!, 'c2')))).toContain('只有 ann 的经理或人力资源部可以审批');
    await refusal(click(p.mgr2, approve!, 'c3'));
    expect(await annQ4()).toBe(before);

    const decided = await click(p.mgr, approve!, 'c4');
    expect(decided.view.title).toContain('Approved by mgr');
    const after = await annQ4();
    expect(after).toBeGreaterThan(before);
    expect(await scorecard(p.ann)).toContain('Leave in this period: 26 days approved.');
    expect(await deps.store.audit.count({ action: 'away.approve' })).toBe(1);
    expect((await deps.store.outbox.find({ job: 'leave-decision' })).map(recipient)).toEqual(['slack:UANN']);
    expect((await click(p.hr, approve!, 'c5')).view.title).toContain('already been decided');
  });

  it('rejected leave never changes targets and is listed as not approved; HR recording leave for a rep approves it at once', async () => {
    const before = await annQ4();
    await away(p.ann, LATER);
    const [, reject] = await requestButtons();
    expect((await click(p.hr, reject!, 'c1')).view.title).toContain('Rejected by hr');
    expect(await annQ4()).toBe(before);
    expect(renderText((await away(p.ann, '')).view)).toContain('[not approved]');

    await deps.store.absences.delete((await deps.store.absences.find({ personId: 'ann' }))[0]!.id);
    await away(p.hr, LATER, [p.ann]);
    expect((await deps.store.absences.find({ personId: 'ann' }))[0]).toMatchObject({ approval: 'approved', decidedBy: 'hr' });
    expect(await annQ4()).toBeGreaterThan(before);
    expect(await deps.store.outbox.count({ job: 'leave-request' })).toBe(1);
  });
});
