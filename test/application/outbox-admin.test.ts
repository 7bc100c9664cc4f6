import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatchDue } from '../../src/application/delivery/dispatch.js';
import { enqueue, type Delivery } from '../../src/application/delivery/enqueue.js';
import { listUnsent, resend } from '../../src/application/delivery/outbox-admin.js';
import type { DeliveryTarget, PlatformName } from '../../src/domain/model/delivery.js';
import { DeliveryError, type ChatPlatform, type OutgoingMessage } from '../../src/ports/chat.js';
import { testDeps } from '../helpers/temp-store.js';

/** A platform that is down (every send transient) until `up`. */
class OutagePlatform implements ChatPlatform {
  readonly name: PlatformName = 'slack';
  readonly limits = { perTargetIntervalMs: 0, perPlatformIntervalMs: 0 };
  up = false;
  readonly sent: { text: string; recovered: boolean }[] = [];
  async send(_t: DeliveryTarget, message: OutgoingMessage, opts: { idempotencyKey: string; recovered: boolean }) {
    if (!this.up) throw new DeliveryError('transient', 'service_unavailable');
    this.sent.push({ text: message.text, recovered: opts.recovered });
    return { messageId: `m${this.sent.length}` };
  }
}

let deps: ReturnType<typeof testDeps>;
let platform: OutagePlatform;
const dispatch = () => dispatchDue(deps, new Map([['slack', platform]]), { owner: 'a', sleep: async (ms) => deps.clock.advance(ms), maxAttempts: 2, giveUpAfterMs: 60_000 });
const dm = (user: string, job = 'weekly-nudge'): Delivery => ({ job, runKey: '2026-W49', platform: 'slack', target: { kind: 'dm', identity: `slack:${user}` }, message: { text: user } });

beforeEach(() => {
  deps = testDeps('2026-12-03T01:00:00.000Z');
  platform = new OutagePlatform();
});
afterEach(() => deps.cleanup());

describe('operating the outbox', () => {
  it('lists what is not sent, by job, with target, state, error and age', async () => {
    await enqueue(deps, [dm('U1'), dm('U2', 'monthly-scorecard')]);
    await dispatch();
    deps.clock.advance(90_000);
    const rows = await listUnsent(deps);
    expect(rows).toEqual([
      expect.objectContaining({ job: 'monthly-scorecard', target: 'slack:U2', state: 'pending', attempts: 1, ageMs: 90_000, lastError: 'service_unavailable', ambiguous: false }),
      expect.objectContaining({ job: 'weekly-nudge', target: 'slack:U1', state: 'pending', attempts: 1, ageMs: 90_000, lastError: 'service_unavailable' }),
    ]);
  });

  it('resends every failed item after an outage, each once', async () => {
    await enqueue(deps, [dm('U1'), dm('U2')]);
    for (let i = 0; i < 3; i++) {
      await dispatch();
      deps.clock.advance(3_600_000);
    }
    expect((await listUnsent(deps)).map((r) => r.state)).toEqual(['failed', 'failed']);
    platform.up = true;
    expect(await resend(deps, { allFailed: true })).toHaveLength(2);
    expect(await dispatch()).toMatchObject({ sent: 2 });
    expect(platform.sent.map((s) => s.text).sort()).toEqual(['U1', 'U2']);
    expect(await listUnsent(deps)).toEqual([]);
  });

  it('resends one by key; refuses an unknown key and one already sent, changing nothing', async () => {
    await enqueue(deps, [dm('U1')]);
    const [row] = await listUnsent(deps);
    await expect(resend(deps, { key: 'no:such:key' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    platform.up = true;
    await dispatch();
    await expect(resend(deps, { key: row!.key })).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('already sent') });
    expect(platform.sent).toHaveLength(1);
  });

  it('a resent item that may have gone out earlier is still checked for first', async () => {
    await enqueue(deps, [dm('U1')]);
    const [item] = await deps.store.outbox.find();
    await deps.store.outbox.put({ ...item!, state: 'failed', ambiguous: true, attempts: 8 });
    platform.up = true;
    await resend(deps, { key: item!.key });
    await dispatch();
    expect(platform.sent).toEqual([{ text: 'U1', recovered: true }]);
  });
});
