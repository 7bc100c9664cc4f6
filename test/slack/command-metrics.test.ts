import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { logVisit } from '../../src/application/entries/log-visit.js';
import { SECRET, startHarness, VISIT_VALUES, type Harness } from './harness.js';
import { payloadBody, postSigned, viewSubmission } from './signing.js';

let h: Harness;
const handled: string[] = [];
beforeEach(async () => {
  handled.length = 0;
  h = await startHarness({ onCommand: (c) => handled.push(c) });
});
afterEach(() => h.close());

/** An edit modal's submission, as Slack sends it: the entry's id is in the callback id. */
async function submitEdit(entryId: string): Promise<void> {
  const payload = viewSubmission({ user: 'UANN', form: 'visit', triggerId: `t-${entryId}`, viewId: `V-${entryId}`, privateMetadata: '{}', values: VISIT_VALUES }) as { view: { callback_id: string } };
  payload.view.callback_id = `edit:visit:${entryId}`;
  await postSigned(h.url, SECRET, payloadBody(payload));
}

describe('the commands and submissions told to metrics', () => {
  it('name a form and an edit by their kind, never by an entry id (one label per entry would grow without bound)', async () => {
    const ann = (await h.deps.store.people.get('ann'))!;
    for (const id of ['v1', 'v2']) {
      const { activity } = await logVisit(h.deps, ann, { requestId: id, account: { accountId: 'acme' }, date: '2026-11-20', purpose: 'Demo', outcome: 'Good' });
      await submitEdit(activity.id);
    }
    await h.submit('UANN', 'visit', VISIT_VALUES);
    await h.command('UANN', '/entries');
    expect(handled).toEqual(['submit:edit:visit', 'submit:edit:visit', 'submit:visit', '/entries']);
  });
});
