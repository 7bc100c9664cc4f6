import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

const fileShare = (user: string, text: string, fileId: string) => ({
  type: 'message',
  subtype: 'file_share',
  channel: `D${user}`,
  channel_type: 'im',
  user,
  text,
  ts: '1764000000.000100',
  event_ts: '1764000000.000100',
  files: [{ id: fileId, name: 'people.csv', size: 100, url_private_download: h.fake.fileUrl(fileId) }],
});

const said = () => h.fake.callsTo('chat.postMessage').map((c) => c.params.text as string);

describe('CSV import by file upload in the DM with the bot', () => {
  it('imports accounts from an uploaded file and answers in the chat', async () => {
    h.fake.files.set('F1', 'name,tier,industry\nInitech,A,Software\n"Umbrella, Ltd",strategic,Pharma\n');
    await h.event(fileShare(ADMIN, 'import accounts', 'F1'), 'EvF1');
    await h.fake.until(() => said().length === 1, 'the import answer');
    expect(said()[0]).toBe('Imported accounts: 2 created, 0 updated, 0 unchanged.');
    expect((await h.deps.store.searchAccounts('umbrella', 5)).map((a) => a.name)).toEqual(['Umbrella, Ltd']);
    expect(h.fake.callsTo('chat.postMessage')[0]!.params.channel).toBe(`D${ADMIN}`);
  });

  it('lists the bad lines and imports nothing', async () => {
    h.fake.files.set('F2', 'name,tier\nInitech,A\nHooli,Z\n');
    await h.event(fileShare(ADMIN, 'import accounts', 'F2'), 'EvF2');
    await h.fake.until(() => said().length === 1, 'the import answer');
    expect(said()[0]).toMatch(/^Nothing was imported\. Fix these lines and send the file again:\n• 3 \(tier\): /);
    expect(await h.deps.store.searchAccounts('initech', 5)).toEqual([]);
  });

  it('refuses a rep, in their language, and imports nothing', async () => {
    h.fake.files.set('F3', 'name,tier\nInitech,A\n');
    await h.event(fileShare('UBOB', 'import accounts', 'F3'), 'EvF3');
    await h.fake.until(() => said().length === 1, 'the refusal');
    expect(said()[0]).toBe(':warning: 此操作需要管理员或人力资源角色。如有需要，请联系管理员。');
    expect(await h.deps.store.searchAccounts('initech', 5)).toEqual([]);
  });
});
