import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/adapters/embedded/sqlite-store.js';
import { todayIn } from '../../src/domain/dates.js';
import { smallOrg } from '../helpers/org.js';
import { FakeSlack } from '../slack/fake-slack.js';
import { payloadBody, postSigned, viewSubmission } from '../slack/signing.js';

const SECRET = 'sigterm-test-secret';
const root = path.resolve(import.meta.dirname, '../..');
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** Starts the real bot (`src/main.ts`) in a child process; resolves with its port once it serves. */
function startBot(env: Record<string, string>): Promise<{ port: number; exited: Promise<number | null>; kill: (s: NodeJS.Signals) => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: root, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  cleanups.push(() => void child.kill('SIGKILL'));
  let log = '';
  return new Promise((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      const m = /"port":(\d+)[^\n]*"appraisal bot started"/.exec(log);
      if (m) resolve({ port: Number(m[1]), exited, kill: (s) => child.kill(s) });
    });
    void exited.then((code) => reject(new Error(`the bot exited (${code}) before serving:\n${log}`)));
  });
}

describe('graceful shutdown', () => {
  it('SIGTERM in the middle of a burst of /visit submissions loses no acknowledged one', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'appraisal-sigterm-'));
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const seed = openSqliteStore({ dataDir: dir });
    await smallOrg(seed);
    await seed.close();
    const fake = new FakeSlack();
    await fake.start();
    cleanups.push(() => fake.stop());
    fake.addUser({ id: 'UANN', name: 'Ann Lee', locale: 'en-US', tz: 'Asia/Shanghai' });

    const bot = await startBot({
      DATA_DIR: dir, PORT: '0', SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl,
      APPRAISAL_ADMINS: 'slack:UADMIN', LOG_LEVEL: 'info', SHUTDOWN_TIMEOUT_SECONDS: '15',
    });
    const url = `http://127.0.0.1:${bot.port}/slack/events`;
    const today = todayIn('Asia/Shanghai', new Date());
    const submit = (i: number) =>
      postSigned(url, SECRET, payloadBody(viewSubmission({
        user: 'UANN', form: 'visit', viewId: `VBURST${i}`, triggerId: `t${i}`, privateMetadata: JSON.stringify({ c: 'C0SALES' }),
        values: {
          account: { option: 'acme' }, newAccountName: undefined, newAccountTier: { option: 'B' }, date: { date: today }, mode: { option: 'in_person' },
          contacts: { text: `Contact ${i}` }, purpose: { text: 'Review' }, outcome: { text: 'Fine' }, nextStep: { text: 'Call' }, nextStepDate: { date: today },
        },
      }))).then((r) => ({ i, status: r.status, body: r.body }), () => ({ i, status: 0, body: '' }));

    // Four waves of ten in flight at once; the SIGTERM goes out as soon as the first acks are back.
    const results: { i: number; status: number; body: string }[] = [];
    let signalled = false;
    for (let wave = 0; wave < 4; wave++) {
      const batch = Array.from({ length: 10 }, (_, k) => submit(wave * 10 + k));
      if (wave === 1) {
        void batch[0]!.then(() => {
          signalled = true;
          bot.kill('SIGTERM');
        });
      }
      results.push(...(await Promise.all(batch)));
    }
    expect(signalled).toBe(true);
    expect(await bot.exited).toBe(0);

    const acked = results.filter((r) => r.status === 200 && r.body === '').map((r) => `slack:VBURST${r.i}`);
    expect(acked.length).toBeGreaterThan(0);
    const store = openSqliteStore({ dataDir: dir });
    cleanups.push(() => store.close());
    const stored = new Set((await store.activities.find({ repId: 'ann' })).map((a) => a.requestId));
    expect(acked.filter((id) => !stored.has(id))).toEqual([]);
  }, 60_000);
});
