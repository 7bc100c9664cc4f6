import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { visits } from '../helpers/org.js';
import { assertCard20 } from './card-schema.js';
import { ADMIN, dmChat, startHarness, TOKEN, type Card, type Harness } from './harness.js';
import { envelope, messageEvent } from './signing.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  await h.deps.store.activities.insertMany(visits('ann', 'acme', 20, '2026-10-05'));
  await h.deps.store.activities.insertMany(visits('bob', 'globex', 10, '2026-10-05'));
});
afterEach(() => h.close());

const ANN = 'ou_annlee';
const BOB = 'ou_bobwu';
const title = (c: Card) => c.header!.title.content;
const text = (c: Card) => JSON.stringify(c.body);

/** Sends a DM and returns the card that answered it (checked against card JSON 2.0). */
async function ask(openId: string, message: string): Promise<Card> {
  const res = await h.dm(openId, message);
  expect(res.status).toBe(200);
  await h.idle();
  const card = h.lastCardTo(dmChat(openId));
  assertCard20(card);
  return card;
}

describe('every command, in English and by its Chinese alias, from a DM', () => {
  it.each([
    ['/visit', '/拜访', 'Log a client visit', 'form_visit'],
    ['/deal', '/成交', 'Log a signed deal', 'form_deal'],
    ['/feedback', '/反馈', 'Log customer feedback', 'form_feedback'],
    ['/intel', '/情报', 'Share market intel', 'form_intel'],
    ['/peer-review', '/互评', 'Review a teammate', 'form_peer-review'],
  ])('%s and %s open the same form card', async (english, chinese, expectedTitle, formName) => {
    const a = await ask(ANN, english);
    const b = await ask(ANN, chinese);
    expect(b).toEqual(a);
    expect(title(a)).toBe(expectedTitle);
    expect(a.body.elements.find((e) => e.tag === 'form')).toMatchObject({ name: formName });
  });

  it('/payment and /回款 explain that there is no open deal instead of an empty form', async () => {
    const a = await ask(ANN, '/payment');
    expect(await ask(ANN, '/回款')).toEqual(a);
    expect(a.header).toMatchObject({ title: { content: 'Log a payment received' }, template: 'orange' });
    expect(text(a)).toContain('You have no deal with an amount still due. Log the deal first with /deal.');
  });

  it('/scorecard and /成绩 show the rep’s own explained scorecard', async () => {
    const a = await ask(ANN, '/scorecard');
    expect(await ask(ANN, '/成绩')).toEqual(a);
    expect(title(a)).toBe('Scorecard: Ann Lee, 2026-Q4');
    expect(text(a)).toContain('Client visits: 20 so far');
    expect(a.body.elements.some((e) => e.tag === 'table')).toBe(true);
  });

  it('/ranking and /排名 show the ranking with the viewer’s place, by team and period', async () => {
    const a = await ask(ANN, '/ranking');
    expect(await ask(ANN, '/排名')).toEqual(a);
    expect(title(a)).toBe('Ranking 2026-Q4');
    expect(text(a)).toContain('Your place: 1 of 2.');
    expect(title(await ask(ANN, '/排名 East 2026-Q4'))).toBe('Ranking 2026-Q4, team East');
    expect(text(await ask(ANN, '/ranking Nowhere'))).toContain('No team matches \\"Nowhere\\". Teams: East, West.');
  });

  it('/appraisal help and /帮助 list the commands and their Chinese names', async () => {
    const a = await ask(ANN, '/appraisal help');
    expect(await ask(ANN, '/帮助')).toEqual(a);
    expect(title(a)).toBe('Appraisal bot: what you can do');
    // Lark users can type the Chinese names: help gives each command's alias beside it.
    for (const line of ['/visit (/拜访)', '/deal (/成交)', '/scorecard (/成绩)', '/ranking (/排名)', '/entries (/我的记录)']) expect(text(a)).toContain(line);
    expect(text(a)).not.toContain('appraisal-admin');
  });

  it('/appraisal-admin and /管理 answer an admin with the usage, and refuse a rep', async () => {
    const a = await ask(ADMIN, '/appraisal-admin');
    expect(await ask(ADMIN, '/管理')).toEqual(a);
    expect(text(a)).toContain('/管理 link @');
    const refused = await ask(ANN, '/管理 role');
    expect(refused.header!.template).toBe('red');
    expect(text(refused)).toContain('This needs the Admin/HR role. Ask an administrator if you should have it.');
  });

  it('pre-fills the account from the command text and lists the user’s accounts to choose from', async () => {
    const card = await ask(ANN, '/拜访 acm');
    const select = JSON.stringify(card).match(/"name":"account","required":false,"options":(\[.*?\]),"initial_option":"(\w+)"/);
    expect(select?.[2]).toBe('acme');
    expect(select?.[1]).toContain('Globex · Strategic');
    expect(text(await ask(ANN, '/情报 Tender next month'))).toContain('"default_value":"Tender next month"');
  });
});

describe('languages', () => {
  it('answers a Chinese-speaking rep in Chinese and an English-speaking one in English', async () => {
    expect(title(await ask(BOB, '/visit'))).toBe('记录客户拜访');
    expect(title(await ask(ANN, '/拜访'))).toBe('Log a client visit');
    expect(text(await ask(BOB, '/排名'))).toContain('你的名次：第 2 名，共 2 人。');
  });

  it('registers a Lark user it has never seen as a rep, in Chinese, with the contact API’s name and zone', async () => {
    h.fake.addUser({ openId: 'ou_ninanew', name: '倪娜', timeZone: 'Asia/Singapore' });
    const card = await ask('ou_ninanew', '/visit');
    expect(await h.deps.store.personByIdentity('lark:ou_ninanew')).toMatchObject({ name: '倪娜', roles: ['rep'], locale: 'zh-CN', timeZone: 'Asia/Singapore', joinDate: '2026-11-26' });
    expect(title(card)).toBe('记录客户拜访');
  });

  it('keeps working without the contact permission: the name comes from the event, or the open_id', async () => {
    h.fake.contactDenied = true;
    await h.menu('ou_menuuser', 'scorecard');
    await h.idle();
    expect(await h.deps.store.personByIdentity('lark:ou_menuuser')).toMatchObject({ name: 'Menu User', locale: 'zh-CN' });
    await ask('ou_silentuser', '/帮助');
    expect(await h.deps.store.personByIdentity('lark:ou_silentuser')).toMatchObject({ name: 'ou_silentuser' });
    await ask(ANN, '/帮助');
    expect((await h.deps.store.people.get('ann'))!.name).toBe('ann');
  });
});

describe('where commands come from', () => {
  it('reads a group @-mention and answers in the sender’s DM, never in the group', async () => {
    await h.group('ou_miamgr', '/scorecard @_user_2 2026-Q4', [{ openId: ANN, name: 'Ann Lee' }]);
    await h.idle();
    expect(h.fake.sentTo('oc_salesgroup')).toEqual([]);
    const [sent] = h.fake.sentTo('ou_miamgr');
    expect(sent!.receiveIdType).toBe('open_id');
    // Named as stored: a mention never refreshes (renames) anyone.
    expect(title(sent!.card as unknown as Card)).toBe('Scorecard: ann, 2026-Q4');
  });

  it('refuses a rep looking at a colleague’s scorecard, in their language', async () => {
    await h.group(BOB, '/成绩 @_user_2', [{ openId: ANN, name: 'Ann Lee' }]);
    await h.idle();
    expect(text(h.lastCardTo(BOB))).toContain('你无权查看 ann 的计分卡');
    // The refused command changed nothing, not even the profile of the person it named.
    expect((await h.deps.store.people.get('ann'))!.name).toBe('ann');
  });

  it('ignores group messages that do not mention the bot', async () => {
    await h.post(envelope('im.message.receive_v1', TOKEN, messageEvent({ openId: ANN, text: '/visit', chatType: 'group', chatId: 'oc_salesgroup' })));
    await h.idle();
    expect(h.fake.sent).toEqual([]);
  });

  it('runs bot menu entries as the bare commands, answered in the DM', async () => {
    const cases: [string, string][] = [['visit', 'Log a client visit'], ['deal', 'Log a signed deal'], ['feedback', 'Log customer feedback'], ['intel', 'Share market intel'], ['peer-review', 'Review a teammate'], ['payment', 'Log a payment received'], ['scorecard', 'Scorecard: Ann Lee, 2026-Q4'], ['ranking', 'Ranking 2026-Q4'], ['help', 'Appraisal bot: what you can do']];
    for (const [key, expected] of cases) {
      expect((await h.menu(ANN, key)).status).toBe(200);
      await h.idle();
      const card = h.lastCardTo(ANN);
      assertCard20(card);
      expect(title(card)).toBe(expected);
    }
    expect(h.fake.sent.every((m) => m.receiveIdType === 'open_id')).toBe(true);
  });

  it('reads commands from rich-text (post) messages', async () => {
    const content = JSON.stringify({ title: '', content: [[{ tag: 'text', text: '/ranking ' }, { tag: 'text', text: 'West' }]] });
    await h.post(envelope('im.message.receive_v1', TOKEN, messageEvent({ openId: ANN, text: '', messageType: 'post', content })));
    await h.idle();
    expect(title(h.lastCardTo(dmChat(ANN)))).toBe('Ranking 2026-Q4, team West');
  });

  it('answers anything that is not a command with how to use the bot', async () => {
    expect(text(await ask(ANN, 'hello bot'))).toContain('Send me a command, e.g. /visit Acme or /拜访 Acme.');
    expect(text(await ask(BOB, '/frobnicate'))).toContain('请给我发送命令');
    await h.post(envelope('im.message.receive_v1', TOKEN, messageEvent({ openId: ANN, text: '', messageType: 'image', content: '{"image_key":"img_1"}' })));
    await h.idle();
    expect(h.fake.sentTo(dmChat(ANN))).toHaveLength(2);
    expect(text(h.lastCardTo(dmChat(ANN)))).toContain('Send me a command');
  });
});
