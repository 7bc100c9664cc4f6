import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { visits } from '../helpers/org.js';
import { dmChat, startHarness, type Card, type Harness } from './harness.js';

let h: Harness;
const HR = 'ou_hanahr';
beforeEach(async () => {
  h = await startHarness();
  await h.deps.store.activities.insertMany([...visits('ann', 'acme', 30, '2026-07-01'), ...visits('bob', 'globex', 12, '2026-08-01')]);
  for (const text of ['/cycle open 2026-Q3', '/cycle review 2026-Q3', '/publish-results 2026-Q3 confirm']) {
    await h.dm(HR, text);
    await h.idle();
  }
  expect(await h.deps.store.results.count({ periodKey: '2026-Q3' })).toBe(2);
});
afterEach(() => h.close());

const text = (c: Card) => JSON.stringify(c.body);
async function ask(openId: string, message: string): Promise<Card> {
  expect((await h.dm(openId, message)).status).toBe(200);
  await h.idle();
  return h.lastCardTo(dmChat(openId));
}

/**
 * /export and /audit, Lark's part: the files uploaded and sent as file messages to the DM before the
 * answer card, never to a group, rate limits waited out, and a long audit list within a card's 30 KB.
 * What the files hold, the answers and the refusals are in test/chat/exports.
 */
describe('/export on Lark', () => {
  it('uploads the CSV (stream) and the XLSX (xls) and sends each as a file message to the DM, then the answer card', async () => {
    const card = await ask(HR, '/export results 2026-Q3');
    expect(h.fake.files.map((f) => [f.fileName, f.fileType])).toEqual([
      ['results-2026-Q3.csv', 'stream'],
      ['results-2026-Q3.xlsx', 'xls'],
    ]);
    const toHr = h.fake.sentTo(dmChat(HR));
    const fileMessages = toHr.filter((m) => m.msgType === 'file');
    expect(fileMessages.map((m) => m.card)).toEqual(h.fake.files.map((f) => ({ file_key: f.fileKey })));
    // The files come before the card that says what they are.
    expect(toHr.at(-1)!.msgType).toBe('interactive');
    expect(text(card)).toContain('2026-Q3 results: 2 rows.');

    const csv = h.fake.files[0]!.data;
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8')).toContain('Rep,Team,Manager,Period,Version,Total,'); // what it holds: test/chat/exports
    expect(h.fake.files[1]!.data.subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('answers a group command in the DM: the files never go to the group', async () => {
    await h.group(HR, '/export annual 2026');
    await h.idle();
    expect(h.fake.files.map((f) => f.fileName)).toEqual(['annual-2026.csv', 'annual-2026.xlsx']);
    const files = h.fake.sent.filter((m) => m.msgType === 'file');
    expect(files.map((m) => [m.receiveIdType, m.receiveId])).toEqual([
      ['open_id', HR],
      ['open_id', HR],
    ]);
    expect(h.fake.sentTo('oc_salesgroup')).toEqual([]);
  });

  it('waits out a rate limit on the upload and on the file message', async () => {
    h.fake.rateLimitNext('file.create', 0);
    h.fake.rateLimitNext('message.create', 0);
    await ask(HR, '/export results 2026-Q3 version 1');
    expect(h.fake.files.map((f) => f.fileName)).toEqual(['results-2026-Q3-v1.csv', 'results-2026-Q3-v1.xlsx']);
    expect(h.fake.callsTo('POST', '/open-apis/im/v1/files')).toHaveLength(3);
    expect(h.fake.sentTo(dmChat(HR)).filter((m) => m.msgType === 'file')).toHaveLength(2);
  });

  it('/audit limit 200 fits a card (30 KB), the count of the rest and the newest changes kept', async () => {
    for (let i = 0; i < 205; i++) {
      h.deps.clock.advance(60_000);
      await h.deps.store.audit.insert({ id: `pol-${i}`, at: h.deps.clock.now().toISOString(), actorId: 'hr', action: 'setting.change', subjectId: 'cycle.policy', details: { reason: `policy tweak number ${i} for the quarter` } });
    }
    const card = await ask(HR, '/audit limit 200');
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThanOrEqual(30_000);
    expect(text(card)).toContain('8 more not shown');
    expect(text(card)).toContain('policy tweak number 204 for the quarter');
  });
});
