import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enqueue, type Delivery } from '../../src/application/delivery/enqueue.js';
import type { Job } from '../../src/application/jobs/job.js';
import type { DeliveryTarget, PlatformName } from '../../src/domain/model/delivery.js';
import { createScheduler, type Scheduler } from '../../src/jobs/scheduler.js';
import type { ChatPlatform, OutgoingMessage } from '../../src/ports/chat.js';
import { testDeps } from '../helpers/temp-store.js';

/** A platform whose sends to `hangFor` never answer (a hung API); the rest are recorded. */
class HangingPlatform implements ChatPlatform {
  readonly name: PlatformName = 'slack';
  readonly limits = { perTargetIntervalMs: 0, perPlatformIntervalMs: 0 };
  readonly sent: { text: string; recovered: boolean }[] = [];
  hangFor = new Set<string>();
  started: string[] = [];
  async send(target: DeliveryTarget, message: OutgoingMessage, opts: { idempotencyKey: string; recovered: boolean }) {
    this.started.push(message.text);
    if (this.hangFor.has(message.text)) return new Promise<never>(() => undefined);
    this.sent.push({ text: message.text, recovered: opts.recovered });
    return { messageId: `m${this.sent.length}` };
  }
}

/** A job at 09:00 company time every day, one channel post per run. */
const ping: Job = {
  name: 'ping',
  description: 'test job',
  defaultSchedule: '0 9 * * *',
  workDaysOnly: false,
  runKey: (date) => date,
  plan: async (_deps, run): Promise<Delivery[]> => [{ job: 'ping', runKey: run.runKey, platform: 'slack', target: { kind: 'channel', channel: 'slack:C1' }, message: { text: `ping ${run.runKey}` } }],
};

let deps: ReturnType<typeof testDeps>;
let platform: HangingPlatform;
let scheduler: Scheduler;
const config = { schedules: {}, disabled: [], holidays: [], makeUpDays: [], dispatchIntervalMs: 3_600_000 };
const make = (owner = 'replica-a') =>
  createScheduler({ deps, jobs: [ping], config, platforms: new Map([['slack', platform]]), owner, sleep: async (ms) => deps.clock.advance(ms) });

beforeEach(() => {
  deps = testDeps('2026-12-03T01:05:00.000Z'); // 09:05 in Shanghai
  platform = new HangingPlatform();
  scheduler = make();
});
afterEach(async () => {
  await scheduler.stop();
  await deps.cleanup();
});

const dm = (user: string): Delivery => ({ job: 'nudge', runKey: 'w49', platform: 'slack', target: { kind: 'dm', identity: `slack:${user}` }, message: { text: user } });

describe('scheduler: shutdown with a hung send', () => {
  it('stops without waiting for the hung send and gives every claimed item back as pending, the one in flight marked ambiguous', async () => {
    await enqueue(deps, [dm('U1'), dm('U2'), dm('U3')]);
    platform.hangFor.add('U2');
    const dispatching = scheduler.dispatchNow();
    // Wait (on the platform's recording, not a clock) until the hung send is in flight.
    for (let i = 0; i < 1000 && !platform.started.includes('U2'); i++) await new Promise((r) => setImmediate(r));
    await scheduler.stop();
    await dispatching;
    // Claims go in id order: the others were sent before the hung one, or given back untouched.
    const items = Object.fromEntries((await deps.store.outbox.find()).map((o) => [o.message.text, o]));
    expect(items.U2).toMatchObject({ state: 'pending', ambiguous: true, nextAttemptAt: deps.clock.now().toISOString() });
    expect(items.U2!.claimedBy).toBeUndefined();
    for (const other of [items.U1!, items.U3!]) {
      expect(other.state === 'sent' || (other.state === 'pending' && other.ambiguous === undefined && other.claimedBy === undefined)).toBe(true);
    }

    // The next start sends them at once, without waiting for a claim to expire; U2 is checked first.
    platform.hangFor.clear();
    const next = make('replica-b');
    await next.dispatchNow();
    expect(platform.sent.map((s) => s.text).sort()).toEqual(['U1', 'U2', 'U3']);
    expect(platform.sent.find((s) => s.text === 'U2')).toEqual({ text: 'U2', recovered: true });
  });
});

describe('scheduler: catching up missed runs', () => {
  it('runs today’s 09:00 slot when started at 09:05 after being down over it, once', async () => {
    const [result] = await scheduler.catchUp();
    expect(result).toMatchObject({ job: 'ping', runKey: '2026-12-03', ran: true, queued: 1 });
    expect(await scheduler.catchUp()).toEqual([]);
    expect(await deps.store.outbox.count()).toBe(1);
  });

  it('does nothing before the slot, nor for yesterday’s', async () => {
    deps.clock.set('2026-12-03T00:59:00.000Z'); // 08:59
    expect(await scheduler.catchUp()).toEqual([]);
    expect(await deps.store.outbox.count()).toBe(0);
  });

  it('retakes the lease of a run killed before it queued its messages, once the lease expires', async () => {
    // A replica took the run's lease at 09:00 and was killed before queuing anything.
    await deps.store.acquireLease({ id: 'job:ping:2026-12-03', owner: 'dead', expiresAt: '2026-12-03T01:10:00.000Z', now: '2026-12-03T01:00:00.000Z' });
    expect(await scheduler.catchUp()).toEqual([expect.objectContaining({ ran: false, skipped: 'another-replica-has-it' })]);
    deps.clock.set('2026-12-03T01:10:00.000Z');
    expect(await scheduler.catchUp()).toEqual([expect.objectContaining({ ran: true, queued: 1 })]);
    expect(await scheduler.catchUp()).toEqual([]);
  });

  it('a run that completed before a restart is not run again, and stop keeps its completion', async () => {
    await scheduler.runNow('ping');
    await scheduler.stop();
    scheduler = make('replica-b');
    expect(await scheduler.catchUp()).toEqual([]);
  });
});
