import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { publishResults } from '../../src/application/cycle/publish-results.js';
import { plainRequest } from '../../src/chat/review.js';
import { converse } from '../../src/chat/router.js';
import type { ChatAnswer } from '../../src/chat/port.js';
import type { Person } from '../../src/domain/model/people.js';
import { errorText } from '../../src/views/errors.js';
import type { Button, View } from '../../src/views/view.js';
import { refusal } from '../helpers/refusal.js';
import { rewardsQuarter, SLACK, type Deps } from '../application/rewards-fixture.js';

/**
 * Appeals people can use (issue 14): the rep chooses the period, appeals have short numbers shown
 * everywhere, and HR decides with buttons that open a form — all through the conversation router.
 */
let deps: Deps;
let p: Awaited<ReturnType<typeof rewardsQuarter>>['people'];
beforeEach(async () => {
  ({ deps, people: p } = await rewardsQuarter());
  await publishResults(deps, p.hr, { period: '2026-Q3', platforms: SLACK });
});
afterEach(() => deps.cleanup());

const REASON = 'the Globex visits of September were logged late but happened';
const command = (actor: Person, name: 'appeal', text: string, requestId?: string) =>
  converse(deps, actor, { type: 'command', command: name, request: { ...plainRequest(text, SLACK), ...(requestId ? { requestId } : {}) } });
const click = (actor: Person, b: Pick<Button, 'id' | 'value'>) => converse(deps, actor, { type: 'button', action: b.id, value: b.value, request: plainRequest('', SLACK) });
const submit = (actor: Person, kind: string, values: Record<string, string>, requestId: string) =>
  converse(deps, actor, { type: 'submit', ref: { form: 'appeal-decision', kind }, values, request: { ...plainRequest('', SLACK), requestId } });
const buttonsOf = (view: ChatAnswer['view']): Button[] => view.blocks.flatMap((b) => (b.type === 'actions' || b.type === 'item' ? b.buttons : []));
const textOf = (view: ChatAnswer['view']): string => JSON.stringify(view);

/** A second published quarter for bob (2026-Q2), published the same day as Q3 so both are open to appeal. */
async function publishQ2ForBob(): Promise<void> {
  const [q3] = await deps.store.results.find({ periodKey: '2026-Q3', repId: 'bob' });
  await deps.store.results.insert({ ...q3!, id: 'bob-q2', periodKey: '2026-Q2', scorecard: { ...q3!.scorecard, periodKey: '2026-Q2' } });
}

describe('appeals by number, period and button', () => {
  it('numbers appeals #1, #2 … and shows the number (never the id) to the rep, in the HR notice and in the list', async () => {
    const bob = await command(p.bob, 'appeal', REASON);
    const ann = await command(p.ann, 'appeal', 'the Acme deal should count double this quarter');
    const appeals = (await deps.store.appeals.find()).sort((a, b) => (a.number ?? 0) - (b.number ?? 0));
    expect(appeals.map((a) => [a.repId, a.number])).toEqual([['bob', 1], ['ann', 2]]);
    expect(textOf(bob.view)).toContain('filed as #1');
    expect(textOf(ann.view)).toContain('filed as #2');
    expect(textOf(bob.view)).not.toContain(appeals[0]!.id);

    const notice = (await deps.store.outbox.find({ job: 'appeal-filed' })).find((o) => o.runKey === appeals[0]!.id)!;
    const noticeView = notice.message.view as unknown as View;
    expect(textOf(noticeView)).toContain('/appeal accept 1 ');
    expect(textOf(noticeView)).not.toContain(`/appeal accept ${appeals[0]!.id}`);
    expect(buttonsOf(noticeView).map((b) => [b.id, b.value])).toEqual([['appeal.accept', appeals[0]!.id], ['appeal.reject', appeals[0]!.id]]);

    const list = await command(p.hr, 'appeal', 'list 2026-Q3');
    expect(list.view.blocks.find((b) => b.type === 'table')).toMatchObject({ rows: [expect.arrayContaining(['#2']), expect.arrayContaining(['#1'])] });
    expect(buttonsOf(list.view).filter((b) => b.id === 'appeal.reject').map((b) => b.value).sort()).toEqual(appeals.map((a) => a.id).sort());
    // Ids ride only in the buttons' values: nothing a person reads shows one.
    const visible = JSON.stringify(list.view.blocks.map((b) => (b.type === 'item' ? b.text : b)));
    for (const a of appeals) expect(visible).not.toContain(a.id);
  });

  it('files against the period the rep names, first or last; asks which when two results are open and none is named', async () => {
    await publishQ2ForBob();
    const e = await refusal(command(p.bob, 'appeal', REASON));
    expect(errorText('en', e)).toContain('more than one result open to appeal (2026-Q2, 2026-Q3)');
    expect(errorText('zh-CN', e)).toContain('你有多个考核期的结果仍可申诉（2026-Q2、2026-Q3）');
    expect(await deps.store.appeals.count()).toBe(0);

    await command(p.bob, 'appeal', `2026-Q2 ${REASON}`);
    expect((await deps.store.appeals.find()).map((a) => [a.periodKey, a.reason])).toEqual([['2026-Q2', REASON]]);
    await command(p.bob, 'appeal', `${REASON} 2026-q3`);
    expect((await deps.store.appeals.find({ periodKey: '2026-Q3' })).map((a) => a.reason)).toEqual([REASON]);
  });

  it('HR accepts with the button: a form for points and reason, refused with the problem under its field, then a new version', async () => {
    await command(p.bob, 'appeal', REASON);
    const [appeal] = await deps.store.appeals.find();
    const notice = (await deps.store.outbox.find({ job: 'appeal-filed' }))[0]!.message.view as unknown as View;
    const accept = buttonsOf(notice).find((b) => b.id === 'appeal.accept')!;

    // Only HR may open it.
    const e = await refusal(click(p.mgr, accept));
    expect(errorText('en', e)).toContain('needs the HR role');

    const opened = await click(p.hr, accept);
    expect(opened.form?.form).toMatchObject({ id: 'appeal-decision', fields: [{ id: 'delta' }, { id: 'reason' }] });
    expect(opened.form?.form.intro).toContain(REASON);
    const kind = opened.form!.kind!;

    const bad = await submit(p.hr, kind, { delta: 'lots', reason: 'the late visits are confirmed by the client' }, 'r1');
    expect(bad.refused?.fieldErrors).toHaveProperty('delta');
    expect((await deps.store.results.find({ repId: 'bob', periodKey: '2026-Q3' })).length).toBe(1);

    const done = await submit(p.hr, kind, { delta: '5', reason: 'the late visits are confirmed by the client' }, 'r2');
    expect(textOf(done.view)).toContain('Appeal #1 accepted');
    expect((await deps.store.appeals.get(appeal!.id))).toMatchObject({ state: 'accepted', newVersion: 2 });
    expect((await deps.store.results.find({ repId: 'bob', periodKey: '2026-Q3' })).map((r) => r.version).sort()).toEqual([1, 2]);

    // The button of a decided appeal opens nothing.
    const again = await refusal(click(p.hr, accept));
    expect(errorText('en', again)).toContain('already been decided');
  });

  it('HR rejects from /appeal list with the button; typing the number (12 or #12) keeps working', async () => {
    await command(p.bob, 'appeal', REASON);
    await command(p.ann, 'appeal', 'the Acme deal should count double this quarter');
    const list = await command(p.hr, 'appeal', 'list');
    const reject = buttonsOf(list.view).filter((b) => b.id === 'appeal.reject');
    const bobs = (await deps.store.appeals.find({ repId: 'bob' }))[0]!;
    const opened = await click(p.hr, reject.find((b) => b.value === bobs.id)!);
    expect(opened.form?.form.fields.map((f) => f.id)).toEqual(['reason']);
    const done = await submit(p.hr, opened.form!.kind!, { reason: 'the visits were outside the quarter' }, 'r3');
    expect(textOf(done.view)).toContain('Appeal #1 rejected');
    expect(await deps.store.appeals.get(bobs.id)).toMatchObject({ state: 'rejected' });

    const typed = await command(p.hr, 'appeal', 'accept #2 +2 the deal was signed in the quarter after all', 'typed-1');
    expect(textOf(typed.view)).toContain('Appeal #2 accepted');
    const e = await refusal(command(p.hr, 'appeal', 'reject 2 the deal was signed in the quarter after all', 'typed-2'));
    expect(errorText('en', e)).toContain('already been decided (accepted)');
  });
});
