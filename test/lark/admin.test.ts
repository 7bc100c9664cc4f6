import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { visits } from '../helpers/org.js';
import { allElements, assertCard20 } from './card-schema.js';
import { ADMIN, dmChat, startHarness, type Card, type Harness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

/** The text of the last answer in a user's DM (the answer card's body). */
async function answerTo(openId: string, chat = dmChat(openId)): Promise<string> {
  await h.idle();
  const card = h.lastCardTo(chat);
  return String(card.body.elements[0]!.content);
}

type Answer = { toast?: { type: string; content: string }; card?: { type: string; data: Card } };
const click = async (openId: string, action: string, value: string) => (await h.submit(openId, { action, value }, {})).json() as Promise<Answer>;
const callbacksOf = (card: Card) => allElements(card.body.elements).flatMap((e) => (Array.isArray(e.behaviors) ? e.behaviors.map((b: { value: unknown }) => b.value as { action: string; value: string }) : []));

// The administrator is new to the bot, so Lark's default language applies: Chinese.
describe('/appraisal-admin from Lark', () => {
  it('grants a role and assigns a team with its manager, from @-mentions in a group', async () => {
    await h.group(ADMIN, '/appraisal-admin role @_user_2 manager', [{ openId: 'ou_catxu', name: 'Cat Xu' }]);
    // First the question naming the exact person, with Confirm / Cancel as card callbacks; nothing changed yet.
    // People are named as stored: a mention never refreshes (renames) anyone.
    expect(await answerTo(ADMIN, ADMIN)).toBe('cat · 团队：West · 角色：销售代表');
    const question = h.lastCardTo(ADMIN);
    assertCard20(question);
    expect(JSON.stringify(question)).toContain('确认对 cat 的更改');
    expect(JSON.stringify(question)).toContain('角色：销售代表 → 销售代表、经理');
    const [confirm, cancel] = callbacksOf(question);
    expect([confirm!.action, cancel!.action]).toEqual(['decide:admin.confirm', 'decide:admin.cancel']);
    expect((await h.deps.store.people.get('cat'))!.roles).toEqual(['rep']);
    const done = await click(ADMIN, confirm!.action, confirm!.value);
    assertCard20(done.card!.data);
    expect(JSON.stringify(done.card!.data)).toContain('cat 现在的角色：销售代表、经理。');
    // Typed with confirm at the end: at once.
    await h.group(ADMIN, '/管理 team @_user_2 North China manager @_user_3 confirm', [{ openId: 'ou_bobwu', name: 'Bob Wu' }, { openId: 'ou_catxu', name: 'Cat Xu' }]);
    expect(await answerTo(ADMIN, ADMIN)).toBe('bob 现在属于 North China 团队。 团队经理：cat。');
    const bob = (await h.deps.store.people.get('bob'))!;
    expect([(await h.deps.store.teams.get(bob.teamId!))!.name, bob.managerId]).toEqual(['North China', 'cat']);
    expect((await h.deps.store.audit.find({ action: 'role.grant' })).map((a) => a.subjectId)).toEqual(['cat']);
  });

  it('makes the group it is sent in the intel chat, or a chat named by id from a DM', async () => {
    await h.group(ADMIN, '/appraisal-admin channel intel', [], 'oc_intelgroup');
    expect(await answerTo(ADMIN, ADMIN)).toBe('机器人现在把市场情报发到 本群。');
    expect((await h.deps.store.settings.get('channels'))!.value).toEqual({ intel: ['lark:oc_intelgroup'] });
    await h.dm(ADMIN, '/appraisal-admin channel rankings oc_rankings01');
    expect(await answerTo(ADMIN)).toBe('机器人现在把排名发到 oc_rankings01。');
    await h.dm(ADMIN, '/appraisal-admin channel intel');
    expect(await answerTo(ADMIN)).toContain('请在机器人要发消息的群里 @机器人 发送此命令');
    expect((await h.deps.store.settings.get('channels'))!.value).toEqual({ intel: ['lark:oc_intelgroup'], rankings: ['lark:oc_rankings01'] });
  });

  it('imports people from a CSV pasted on the lines after the command', async () => {
    await h.dm(ADMIN, '/appraisal-admin import people\nidentity,name,role,team,join_date\nlark:ou_zedzhang,Zed Zhang,rep,East,2026-11-02');
    expect(await answerTo(ADMIN)).toBe('已导入 people：新建 1，更新 0，未变 0。');
    expect(await h.deps.store.personByIdentity('lark:ou_zedzhang')).toMatchObject({ name: 'Zed Zhang', teamId: 'east' });
  });

  it('refuses a rep and HR, registering nobody they mention', async () => {
    await h.group('ou_annlee', '/appraisal-admin role @_user_2 admin', [{ openId: 'ou_strangerx', name: 'Stranger' }]);
    expect(await answerTo('ou_annlee', 'ou_annlee')).toBe('This needs the Admin/HR role. Ask an administrator if you should have it.');
    await h.dm('ou_hanahr', '/appraisal-admin role manager');
    expect(await answerTo('ou_hanahr')).toBe('This needs the Admin role. Ask an administrator if you should have it.');
    expect(await h.deps.store.personByIdentity('lark:ou_strangerx')).toBeNull();
    expect(await h.deps.store.audit.count()).toBe(0);
  });
});

describe('linking one person across platforms', () => {
  it('links a Slack identity to a Lark user by mention', async () => {
    await h.group(ADMIN, '/appraisal-admin link @_user_2 slack:UBOB confirm', [{ openId: 'ou_bobwu', name: 'Bob Wu' }]);
    expect(await answerTo(ADMIN, ADMIN)).toBe('slack:UBOB 已关联到 bob。');
    expect((await h.deps.store.people.get('bob'))!.identities).toEqual(['lark:ou_bobwu', 'slack:UBOB']);
  });

  it('merges the profile a first Lark message created into the Slack person, without a mention', async () => {
    h.fake.addUser({ openId: 'ou_dandeng', name: '邓丹' });
    await h.dm('ou_dandeng', '/帮助');
    await h.idle();
    const lark = (await h.deps.store.personByIdentity('lark:ou_dandeng'))!;
    await h.deps.store.people.put({ ...(await h.deps.store.people.get('cat'))!, identities: ['slack:UCAT'] });
    await h.dm(ADMIN, '/appraisal-admin link slack:UCAT lark:ou_dandeng confirm');
    expect(await answerTo(ADMIN)).toBe('lark:ou_dandeng 已关联到 cat。首次使用时为它登记的档案（邓丹）已合并。');
    expect(await h.deps.store.people.get(lark.id)).toBeNull();
    expect((await h.deps.store.personByIdentity('lark:ou_dandeng'))!.id).toBe('cat');
  });

  it('refuses to move an identity whose person has records, and says so', async () => {
    await h.deps.store.activities.insertMany(visits('ann', 'acme', 2, '2026-10-05'));
    await h.dm(ADMIN, '/appraisal-admin link lark:ou_catxu slack:UANN confirm');
    expect(await answerTo(ADMIN)).toBe('slack:UANN 已属于 ann，且其已有记录，不能转移。如果 ann 就是同一个人，请反过来把另一个账号关联到 ann。');
    expect((await h.deps.store.personByIdentity('slack:UANN'))!.id).toBe('ann');
    expect((await h.deps.store.people.get('cat'))!.identities).toEqual(['lark:ou_catxu']);
  });
});
