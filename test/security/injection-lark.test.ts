import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLarkOutbound } from '../../src/adapters/lark/outbound.js';
import { dispatchDue } from '../../src/application/delivery/dispatch.js';
import { silentLogger } from '../../src/ports/logger.js';
import { T0 } from '../helpers/org.js';
import { APP_ID, APP_SECRET } from '../lark/fake-lark.js';
import { dmChat, startHarness, type Harness } from '../lark/harness.js';
import { HOSTILE, HOSTILE_NAME, LARK_LIVE, larkMarkdown } from './hostile.js';

/**
 * Issue 13 (mention and link injection), Lark: the markdown of every card the bot sends carries
 * user-written text with no live mention, link, image or tag. Hostile text goes in through signed
 * events and card callbacks (and the outbox through the real outbound client); the cards that
 * reached the fake Lark API are read back. Plain-text fields (titles, table cells) are not markdown.
 */
let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

const ANN = 'ou_annlee';
const MGR = 'ou_miamgr';
const HR = 'ou_hanahr';

/** No live markup from the user in the card's markdown (but `allowed`, the bot's own), and the user's text arrived. */
function expectNeutral(card: unknown, allowed = ''): void {
  const md = larkMarkdown(card);
  for (const content of md) expect(content.split(allowed || '\u0000').join('')).not.toMatch(LARK_LIVE);
  expect(md.join('\n')).toContain('&lt;at id=all&gt;');
}

/** A DM to the bot; the card that answered it. */
async function say(openId: string, text: string): Promise<unknown> {
  await h.dm(openId, text);
  await h.idle();
  return h.lastCardTo(dmChat(openId));
}

describe('Lark: user text is literal in every card', () => {
  it('the intel post (sent through the outbox): the rep’s text escaped, the author named in the title', async () => {
    await h.deps.store.settings.put({ id: 'channels', value: { intel: ['lark:oc_intel'] }, updatedAt: '2026-11-01T00:00:00Z' });
    const res = await h.submit(ANN, { form: 'intel' }, { topic: 'Pricing', text: HOSTILE });
    expect(res.status).toBe(200);
    await h.idle();
    const post = h.lastCardTo('oc_intel');
    const md = larkMarkdown(post).join('\n');
    expect((post.header as { title: { content: string } }).title.content).toBe('Market intel from Ann Lee: Pricing');
    expect(md).toContain('[x]\u2060(http://evil.test) !\u2060[i]\u2060(http://evil.test/i.png)');
    expectNeutral(post);
  });

  it('a form’s confirmation card repeats a new account’s name literally', async () => {
    const visit = {
      account: '', newAccountName: HOSTILE_NAME, newAccountTier: 'B', date: '2026-11-25 +0800', mode: 'in_person',
      contacts: 'Li Wei', purpose: HOSTILE, outcome: 'Pilot agreed', nextStep: '', nextStepDate: '',
    };
    const res = await h.submit(ANN, { form: 'visit' }, visit);
    const answer = res.json() as { toast: { type: string }; card: { data: unknown } };
    expect(answer.toast.type).toBe('success');
    expectNeutral(answer.card.data);
  });

  it('an error that echoes what was typed (an unknown team)', async () => {
    expectNeutral(await say(MGR, `/ranking ${HOSTILE_NAME}`));
  });

  it('an admin answer that echoes a team name', async () => {
    await h.group('ou_adaadmin', `/appraisal-admin team @_user_2 ${HOSTILE_NAME}`, [{ openId: ANN, name: 'Ann Lee' }]);
    await h.idle();
    expectNeutral(h.lastCardTo('ou_adaadmin'));
  });

  it('an award’s title and reason in the proposal and in HR’s cards from the outbox', async () => {
    await h.deps.store.settings.put({ id: 'channels', value: { 'hr-private': ['lark:oc_hrprivate'] }, updatedAt: T0, updatedBy: 'hr' });
    await say(HR, '/cycle open 2026-Q3');
    await say(HR, '/cycle review 2026-Q3');
    await h.group(MGR, `/award @_user_2 [Bonus](evil.test) <at id=all></at>: ${HOSTILE}`, [{ openId: ANN, name: 'Ann Lee' }]);
    await h.idle();
    expectNeutral(h.lastCardTo(MGR));
    expect((await h.deps.store.awards.find())[0]!.title).toBe('[Bonus](evil.test) <at id=all></at>');
    const before = h.fake.sent.length;
    const lark = createLarkOutbound({ appId: APP_ID, appSecret: APP_SECRET, domain: h.fake.url, logger: silentLogger, limits: { perTargetIntervalMs: 0, perPlatformIntervalMs: 0 } });
    await dispatchDue(h.deps, new Map([['lark', lark]]), { owner: 'test', sleep: async () => {} });
    const sent = h.fake.sent.slice(before);
    expect(sent.map((s) => s.receiveId).sort()).toEqual(['oc_hrprivate', HR]);
    for (const s of sent) expectNeutral(s.card);
  });
});
