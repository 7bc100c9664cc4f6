import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, startHarness, type Card, type Harness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  // Lark knows Zed; the bot does not.
  h.fake.addUser({ openId: 'ou_zedzhang', name: 'Zed Zhang' });
});
afterEach(() => h.close());

const zed = [{ openId: 'ou_zedzhang', name: 'Zed Zhang' }];
const textOf = (card: Card): string => JSON.stringify(card.body.elements);

describe('a mention never enrols anyone (Lark)', () => {
  it('answers a rep’s /scorecard @stranger with "I don’t know them yet", registering nobody', async () => {
    const before = await h.deps.store.people.count();
    await h.group('ou_annlee', '/scorecard @_user_2', zed);
    await h.idle();
    expect(textOf(h.lastCardTo('ou_annlee'))).toContain('I don’t know @Zed Zhang yet');
    expect(await h.deps.store.personByIdentity('lark:ou_zedzhang')).toBeNull();
    expect(await h.deps.store.people.count()).toBe(before);
  });

  it('refuses an admin’s team for someone unknown, changing nothing', async () => {
    await h.group(ADMIN, '/appraisal-admin team @_user_2 East confirm', zed);
    await h.idle();
    expect(textOf(h.lastCardTo(ADMIN))).toContain('我还不认识 @Zed Zhang');
    expect(await h.deps.store.personByIdentity('lark:ou_zedzhang')).toBeNull();
    expect(await h.deps.store.audit.count()).toBe(0);
  });
});

describe('a Lark newcomer nobody has placed', () => {
  it('is refused the ranking in Chinese, naming the admin command, until an admin places them', async () => {
    await h.dm('ou_zedzhang', '/排名');
    await h.idle();
    expect(textOf(h.lastCardTo('oc_dm_ou_zedzhang'))).toContain('你还没有被分配到团队，目前只能查看自己的记录。请管理员用 /管理 team @你');
    expect(await h.deps.store.personByIdentity('lark:ou_zedzhang')).toMatchObject({ name: 'Zed Zhang', unplaced: true });
    await h.group(ADMIN, '/appraisal-admin team @_user_2 East confirm', zed);
    await h.dm('ou_zedzhang', '/排名');
    await h.idle();
    expect(textOf(h.lastCardTo('oc_dm_ou_zedzhang'))).not.toContain('你还没有被分配到团队');
  });
});
