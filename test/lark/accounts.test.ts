import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { visits } from '../helpers/org.js';
import { assertCard20 } from './card-schema.js';
import { dmChat, startHarness, type Card, type Harness } from './harness.js';

/** `/account` (`/客户`) through Lark, in Chinese and English. */
let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  await h.deps.store.activities.insertMany(visits('ann', 'acme', 1, '2026-10-05'));
});
afterEach(() => h.close());

const text = (c: Card) => JSON.stringify(c.body);

async function ask(openId: string, message: string): Promise<Card> {
  await h.dm(openId, message);
  await h.idle();
  const card = h.lastCardTo(dmChat(openId));
  assertCard20(card);
  return card;
}

describe('/account in Lark', () => {
  it('lists dormant key accounts in Chinese by the Chinese alias', async () => {
    const card = await ask('ou_bobwu', '/客户 沉睡');
    expect(card.header!.title.content).toBe('沉睡的重点客户');
    // bob owns Globex (strategic) and never visited it.
    expect(text(card)).toContain('Globex');
    expect(text(card)).toContain('从未');
  });

  it('a manager reassigns by mentioning the new owner', async () => {
    await h.group('ou_miamgr', '/account reassign Acme @_user_2: long project', [{ openId: 'ou_bobwu', name: 'Bob Wu' }]);
    await h.idle();
    expect((await h.deps.store.accounts.get('acme'))!.ownerId).toBe('bob');
    const [entry] = await h.deps.store.audit.find({ action: 'account.reassign' });
    expect(entry!.details).toMatchObject({ fromId: 'ann', toId: 'bob', reason: 'long project', dormantDays: 52 });
  });
});
