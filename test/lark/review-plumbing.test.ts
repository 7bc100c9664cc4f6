import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';

/** The shared plumbing of the review-cycle commands and decision buttons on Lark. */
let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

describe('review-cycle command plumbing (Lark)', () => {
  it('a decision button this version does not know says the card is out of date', async () => {
    const res = await h.submit('ou_annlee', { action: 'decide:nothing.here', value: 'x' }, {});
    expect((res.json() as { toast?: { content: string } }).toast?.content).toBe('此卡片已失效：请重新发送命令。');
  });

  it('never registers a mentioned user the bot does not know', async () => {
    const before = await h.deps.store.people.count();
    await h.group('ou_annlee', '/cycle status 2026-Q4', [{ openId: 'ou_stranger9', name: 'Stranger' }]);
    await h.idle();
    expect(await h.deps.store.people.count()).toBe(before);
    expect(await h.deps.store.personByIdentity('lark:ou_stranger9')).toBeNull();
  });
});
