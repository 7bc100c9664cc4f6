import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatchDue } from '../../src/application/delivery/dispatch.js';
import { runJob } from '../../src/application/jobs/job.js';
import { monthlyScorecard } from '../../src/application/jobs/monthly-scorecard.js';
import { ensureDefaultTemplate } from '../../src/application/templates.js';
import type { DeliveryTarget } from '../../src/domain/model/delivery.js';
import { workCalendar } from '../../src/domain/work-calendar.js';
import type { ChatPlatform, OutgoingMessage } from '../../src/ports/chat.js';
import { smallOrg } from '../helpers/org.js';
import { testDeps } from '../helpers/temp-store.js';

let deps: ReturnType<typeof testDeps>;
const calendar = workCalendar({ holidays: [], makeUpDays: [] });

beforeEach(async () => {
  deps = testDeps('2026-11-30T23:00:00Z'); // 07:00 on Tuesday 2026-12-01 in Shanghai
  await smallOrg(deps.store);
  await ensureDefaultTemplate(deps);
  for (const [id, identity] of [['ann', 'slack:UANN'], ['bob', 'slack:UBOB']] as const) {
    const p = (await deps.store.people.get(id))!;
    await deps.store.people.put({ ...p, identities: [identity] });
  }
});
afterEach(() => deps.cleanup());

describe('monthly scorecard: the trend chart goes through the outbox as data', () => {
  it('stores the chart spec (past quarters, forecast, grade bands), not image bytes, and hands it to the platform', async () => {
    const r = await runJob(deps, monthlyScorecard, { date: '2026-12-01', platforms: ['slack'], calendar, owner: 'a' });
    expect(r.queued).toBe(2);
    const items = await deps.store.outbox.find({});
    for (const item of items) {
      const chart = item.message.chart as { kind: string; points: { period: string }[]; forecast: { period: string } | null; bands: unknown[] };
      expect(chart).toMatchObject({ kind: 'trend' });
      expect(chart.points.map((p) => p.period)).toEqual(['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3']);
      if (chart.forecast) expect(chart.forecast.period).toBe('2026-Q4');
      expect(chart.bands.length).toBeGreaterThanOrEqual(2);
      // Small and textual: no PNG (nor base64 of one) in the stored message.
      const stored = JSON.stringify(item.message.chart);
      expect(stored.length).toBeLessThan(1000);
      expect(stored).not.toMatch(/png|iVBOR|"0":137/i);
      expect(Object.keys(item.message).sort()).toEqual(['chart', 'text', 'view']);
    }

    const sent: { target: DeliveryTarget; message: OutgoingMessage }[] = [];
    const platform: ChatPlatform = {
      name: 'slack',
      limits: { perTargetIntervalMs: 0, perPlatformIntervalMs: 0 },
      send: async (target, message) => {
        sent.push({ target, message });
        return { messageId: `m${sent.length}` };
      },
    };
    deps.clock.advance(3 * 3600_000); // past 09:00 local
    expect(await dispatchDue(deps, new Map([['slack', platform]]), { owner: 'a', sleep: async (ms) => deps.clock.advance(ms) })).toMatchObject({ sent: 2 });
    expect(sent.map((s) => s.message.chart)).toEqual(items.map((i) => i.message.chart));
    expect(sent.every((s) => s.message.image === undefined)).toBe(true);
  });
});
