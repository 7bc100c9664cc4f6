import { afterEach, describe, expect, it } from 'vitest';
import { deadlineStore } from '../../src/adapters/ops/deadline-store.js';
import { readinessCheck } from '../../src/adapters/ops/readiness.js';
import { FlakyStore } from '../helpers/flaky-store.js';
import { startHarness, VISIT_VALUES, type Harness } from '../slack/harness.js';

const visitValues = { ...VISIT_VALUES, contacts: { text: 'Li Wei (CTO)' } } as const;

let h: Harness | undefined;
let flaky: FlakyStore;
afterEach(async () => {
  flaky.mode = 'up';
  flaky.release();
  await h?.close();
  h = undefined;
});

/** The Slack app on a store that can be taken down, behind the bot's store deadline (short here). */
async function start(): Promise<Harness> {
  h = await startHarness({
    wrapStore: (s) => {
      flaky = new FlakyStore(s);
      return deadlineStore(flaky.store, { callMs: 200, bulkMs: 1000 });
    },
  });
  return h;
}

type ModalErrors = { response_action: string; errors: Record<string, string> };

describe('when the store goes away', () => {
  it('a form submitted to a hung database is answered "temporarily unavailable, nothing was saved", the modal kept open', async () => {
    const h = await start();
    flaky.mode = 'hang';
    const res = await h.submit('UANN', 'visit', visitValues);
    expect(res.status).toBe(200);
    const body = res.json() as ModalErrors;
    expect(body.response_action).toBe('errors');
    expect(body.errors.account).toBe('The appraisal database is temporarily unavailable. Nothing was saved; please retry in a minute.');
    flaky.mode = 'up';
    expect(await h.deps.store.activities.count()).toBe(0);
  });

  it('answers in the user\'s language (from Slack) even though the store cannot say it', async () => {
    const h = await start();
    flaky.mode = 'down';
    const res = await h.submit('UBOB', 'visit', visitValues);
    expect((res.json() as ModalErrors).errors.account).toBe('考核数据库暂时不可用，本次内容未保存，请稍后重试。');
  });

  it('answers a command with the notice instead of opening a form', async () => {
    const h = await start();
    flaky.mode = 'down';
    const res = await h.command('UANN', '/visit', 'acme');
    expect(res.status).toBe(200);
    expect(h.fake.callsTo('views.open')).toHaveLength(0);
    expect((h.fake.responses.at(-1)!.body as { text: string }).text).toContain('temporarily unavailable. Nothing was saved; please retry');
  });

  it('recovers by itself when the store is back: the same submission is then stored', async () => {
    const h = await start();
    flaky.mode = 'down';
    await h.submit('UANN', 'visit', visitValues, { viewId: 'VRETRY' });
    flaky.mode = 'up';
    const res = await h.submit('UANN', 'visit', visitValues, { viewId: 'VRETRY' });
    expect(res.status).toBe(200);
    expect(res.body).toBe('');
    expect(await h.deps.store.activities.find({ repId: 'ann' })).toHaveLength(1);
  });

  it('readiness fails while the store is down or hung and passes again when it is back', async () => {
    const h = await start();
    let connected = true;
    const check = readinessCheck({ store: flaky.store, platforms: { slack: () => connected }, timeoutMs: 200 });
    expect(await check()).toEqual({ ready: true, checks: { store: 'ok', slack: 'ok' } });
    flaky.mode = 'hang';
    const hung = await check();
    expect(hung.ready).toBe(false);
    expect(hung.checks.store).toMatch(/^unreachable: the store did not answer ping within 200 ms/);
    flaky.mode = 'down';
    connected = false;
    expect(await check()).toEqual({ ready: false, checks: { store: 'unreachable: flaky store: down', slack: 'not connected' } });
    flaky.mode = 'up';
    connected = true;
    expect((await check()).ready).toBe(true);
    expect(h).toBeDefined();
  });
});
