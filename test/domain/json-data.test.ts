import { afterEach, describe, expect, it } from 'vitest';
import { enqueue } from '../../src/application/delivery/enqueue.js';
import { isJsonData, type OutboxItem } from '../../src/domain/model/delivery.js';
import type { View } from '../../src/views/view.js';
import { fmtScore } from '../../src/views/format.js';
import { t } from '../../src/views/i18n.js';
import { tempStore, testDeps } from '../helpers/temp-store.js';

/**
 * The outbox's message view and chart are checked as plain JSON by one walk (issue 16: z.json()
 * copied every node); what it accepts and refuses is what z.json() did.
 */
describe('plain JSON data', () => {
  it('accepts strings, finite numbers, booleans, null, arrays and plain objects, nested', () => {
    expect(isJsonData({ title: 'x', blocks: [{ type: 'text', n: 1.5, ok: true, none: null, rows: [['a', '—']] }], empty: {} })).toBe(true);
    expect(isJsonData(Object.assign(Object.create(null) as object, { a: 1 }))).toBe(true);
    expect(isJsonData([])).toBe(true);
  });

  it('refuses what JSON cannot hold or would change', () => {
    for (const bad of [NaN, Infinity, -Infinity, undefined, () => 1, 10n, Symbol('s'), new Date(0), new Map(), [1, undefined], { a: { b: [NaN] } }, { a: undefined }]) {
      expect(isJsonData(bad), String(bad)).toBe(false);
    }
  });
});

describe('the outbox refuses a message that is not plain JSON', () => {
  let store: ReturnType<typeof tempStore> | undefined;
  afterEach(async () => store?.cleanup());

  it('names the field, stores nothing, and stores a plain one', async () => {
    store = tempStore();
    const item = (view: unknown): OutboxItem =>
      ({
        id: 'o1', key: 'job:run:slack:U1', job: 'job', runKey: 'run', platform: 'slack', target: { kind: 'dm', identity: 'slack:U1' },
        message: { text: 'hi', view }, state: 'pending', attempts: 0,
        notBefore: '2026-12-01T01:00:00.000Z', nextAttemptAt: '2026-12-01T01:00:00.000Z', createdAt: '2026-12-01T01:00:00.000Z',
      }) as OutboxItem;
    await expect(store.store.outbox.insertMany([item({ title: 'x', blocks: [{ type: 'text', text: 'x', n: NaN }] })])).rejects.toMatchObject({
      code: 'VALIDATION',
      issues: [{ path: 'message.view', message: 'must be plain JSON data' }],
    });
    expect(await store.store.outbox.count()).toBe(0);
    expect(await store.store.outbox.insertMany([item({ title: 'x', blocks: [{ type: 'text', text: 'x' }] })])).toBe(1);
    expect((await store.store.outbox.get('o1'))!.message.view).toEqual({ title: 'x', blocks: [{ type: 'text', text: 'x' }] });
  });
});

describe('enqueue stores views as plain JSON', () => {
  it('queues a plain view as it is, and one with an undefined field as JSON writes it (the field left out)', async () => {
    const deps = testDeps();
    try {
      const view = (extra: object): View => ({ title: 'x', blocks: [{ type: 'text', text: 'x', ...extra }] }) as View;
      const d = (id: string, v: View) => ({ job: 'job', runKey: 'run', platform: 'slack' as const, target: { kind: 'dm' as const, identity: `slack:${id}` }, message: { text: 'x', view: v } });
      expect(await enqueue(deps, [d('U1', view({})), d('U2', view({ note: undefined }))])).toEqual({ queued: 2, skipped: 0 });
      const stored = (await deps.store.outbox.find()).map((o) => o.message.view);
      expect(stored).toEqual([view({}), view({})]);
      expect(stored.map((v) => Object.keys((v as unknown as View).blocks[0]!))).toEqual([['type', 'text'], ['type', 'text']]);
    } finally {
      await deps.cleanup();
    }
  });
});

describe('remembered formatting and compiled texts say what Intl and the catalogue say', () => {
  it('keeps −0 apart from 0, and the same figure reads the same every time', () => {
    expect([fmtScore('en', 0), fmtScore('en', -0), fmtScore('en', 0)]).toEqual([new Intl.NumberFormat('en', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(0), '-0.0', '0.0']);
    expect([fmtScore('zh-CN', 81.25), fmtScore('zh-CN', 81.25)]).toEqual(['81.3', '81.3']);
  });

  it('fills placeholders, leaves a missing one as written, and shows an unknown key as itself', () => {
    expect(t('en', 'job.scorecard.intro', { period: '2026-Q4' })).toBe('Your monthly scorecard for 2026-Q4 so far.');
    expect(t('en', 'job.scorecard.intro')).toBe('Your monthly scorecard for {period} so far.');
    expect(t('en', 'no.such.{key}' as never, { key: 'x' })).toBe('no.such.x');
  });
});
