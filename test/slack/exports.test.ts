import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { visits } from '../helpers/org.js';
import { SECRET, startHarness, type Harness } from './harness.js';
import { commandBody, postSigned } from './signing.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  await h.deps.store.activities.insertMany([...visits('ann', 'acme', 30, '2026-07-01'), ...visits('bob', 'globex', 12, '2026-08-01')]);
  // 2026-Q3 published through the commands, as HR does it.
  for (const text of ['open 2026-Q3', 'review 2026-Q3']) await h.command('UHR', '/cycle', text);
  await h.command('UHR', '/publish-results', '2026-Q3 confirm');
  expect(await h.deps.store.results.count({ periodKey: '2026-Q3' })).toBe(2);
  h.fake.reset();
});
afterEach(() => h.close());

type Resp = { text: string; blocks?: unknown[] };
const last = (): Resp => h.fake.responses.at(-1)!.body as Resp;
let seq = 0;
/** A signed slash command run in a given channel (the harness's runs in C0SALES). */
const commandIn = (channel: string, user: string, command: string, text: string) =>
  postSigned(h.url, SECRET, commandBody({ command, text, user_id: user, channel_id: channel, response_url: h.fake.responseUrl(`exp-${++seq}`) }));

/** The CSV bytes POSTed to an upload_url (multipart: find the part that starts with the BOM). */
function uploadedCsv(): string {
  const body = h.fake.uploads.map((u) => u.data.toString('utf8')).find((s) => s.includes('\uFEFFRep,'));
  if (!body) throw new Error(`no CSV among ${h.fake.uploads.length} uploads`);
  return body.slice(body.indexOf('\uFEFFRep,') + 1);
}

/**
 * /export and /audit, Slack's part: files.uploadV2 into the right DM, the fallback when a DM between
 * two people refuses the upload, and a long audit list within Slack's 50 blocks. What the files
 * hold, the answers and the refusals are in test/chat/exports.
 */
describe('/export on Slack', () => {
  it('uploads the CSV and the XLSX with files.uploadV2 to the HR’s DM with the bot, never into the channel', async () => {
    const res = await h.command('UHR', '/export', 'results 2026-Q3');
    expect(res.status).toBe(200);
    expect(h.fake.succeeded('conversations.open').map((c) => c.params.users)).toEqual(['UHR']);
    const urls = h.fake.succeeded('files.getUploadURLExternal');
    expect(urls.map((c) => c.params.filename)).toEqual(['results-2026-Q3.csv', 'results-2026-Q3.xlsx']);
    const [complete] = h.fake.succeeded('files.completeUploadExternal');
    expect(complete!.params.channel_id).toBe('DUHR');
    expect((complete!.params.files as { title: string }[]).map((f) => f.title)).toEqual(['2026-Q3 published results (CSV)', '2026-Q3 published results (XLSX)']);
    expect(h.fake.uploads).toHaveLength(2);

    // The bytes uploaded are the export's (what the files hold is in test/chat/exports).
    expect(uploadedCsv()).toMatch(/^Rep,Team,Manager,Period,Version,Total,/);
    // The XLSX is a zip (PK) with its sheet inside.
    expect(h.fake.uploads.some((u) => u.data.includes(Buffer.from('PK\u0003\u0004', 'latin1')))).toBe(true);

    expect(JSON.stringify(last().blocks)).toContain('2026-Q3 results: 2 rows.');
    expect(JSON.stringify(last().blocks)).toContain('results-2026-Q3.csv, results-2026-Q3.xlsx');
  });

  it('uploads straight into the DM with the bot when run there; from a DM between two people it falls back to the bot’s DM', async () => {
    await commandIn('DBOTHR', 'UHR', '/export', 'results 2026-Q3');
    expect(h.fake.callsTo('conversations.open')).toHaveLength(0);
    expect(h.fake.succeeded('files.completeUploadExternal').map((c) => c.params.channel_id)).toEqual(['DBOTHR']);

    h.fake.reset();
    h.fake.failNext('files.completeUploadExternal', 'channel_not_found');
    await commandIn('DHRANN', 'UHR', '/export', 'annual 2026');
    expect(h.fake.callsTo('files.completeUploadExternal').map((c) => [c.params.channel_id, c.outcome])).toEqual([
      ['DHRANN', 'channel_not_found'],
      ['DUHR', 'ok'],
    ]);
    expect(JSON.stringify(last().blocks)).toContain('Annual summary 2026: 2 rows (2026-Q3 published).');
  });

  it('/audit limit 200 fits one message (50 blocks), the count of the rest first', async () => {
    for (let i = 0; i < 205; i++) {
      h.deps.clock.advance(60_000);
      await h.deps.store.audit.insert({ id: `pol-${i}`, at: h.deps.clock.now().toISOString(), actorId: 'hr', action: 'setting.change', subjectId: 'cycle.policy', details: { reason: `policy tweak number ${i} for the quarter` } });
    }
    await h.command('UHR', '/audit', 'limit 200');
    const blocks = last().blocks!;
    expect(blocks.length).toBeLessThanOrEqual(50);
    const shown = JSON.stringify(blocks);
    expect(shown).toContain('8 more not shown'); // 205 + the 3 changes of the publication
    expect(shown).toContain('policy tweak number 204 for the quarter');
    expect(shown).toContain('policy tweak number 5 for the quarter');
    expect(shown).not.toContain('policy tweak number 4 for the quarter');
  });
});
