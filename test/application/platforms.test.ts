import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProfileCacheOptions } from '../../src/application/people/profile-cache.js';
import { identity } from '../../src/application/people/import-csv-cells.js';
import { linkIdentity } from '../../src/application/people/link-identity.js';
import { channelsFor, readSetting, setChannel } from '../../src/application/settings.js';
import { DeliveryTargetSchema, OutboxItemSchema } from '../../src/domain/model/delivery.js';
import { Identity } from '../../src/domain/model/fields.js';
import { PLATFORM_IDS, PLATFORMS, type PlatformName } from '../../src/domain/model/platforms.js';
import { person, smallOrg } from '../helpers/org.js';
import { refusal } from '../helpers/refusal.js';
import { testDeps } from '../helpers/temp-store.js';

/**
 * The platform list has one home (domain/model/platforms.ts). Every validator that names platforms
 * accepts each platform of that list, so adding one there cannot be forgotten anywhere else.
 */
let deps: ReturnType<typeof testDeps>;
const admin = person('root', { roles: ['admin'] });
beforeEach(async () => {
  deps = testDeps('2026-11-26T02:00:00Z');
  await smallOrg(deps.store);
  await deps.store.people.insertMany([admin]);
});
afterEach(() => deps.cleanup());

// A compile-time check: a profile cache may be built for every platform.
const cachePlatforms: readonly ProfileCacheOptions['platform'][] = PLATFORMS;

describe.each(PLATFORMS.map((p) => [p] as const))('the platform %s', (platform: PlatformName) => {
  const user = `${platform}:${PLATFORM_IDS[platform].example}`;
  const channel = `${platform}:C0123_ab-9`;

  it('is a person’s identity: in records, in a CSV import (any case, spaces), and when an admin links it', async () => {
    expect(Identity.safeParse(user).success).toBe(true);
    expect(identity(`${platform.toUpperCase()} : ${PLATFORM_IDS[platform].example}`)).toEqual({ value: user });
    const linked = await linkIdentity(deps, admin, { personId: 'ann', identity: user });
    expect(linked.person.identities).toContain(user);
  });

  it('is a channel for the settings and a target and platform of an outbox item', async () => {
    await setChannel(deps, admin, { purpose: 'results', channel });
    expect((await readSetting(deps, 'channels')).results).toEqual([channel]);
    expect(await channelsFor(deps, 'results', platform)).toEqual(['C0123_ab-9']);
    expect(DeliveryTargetSchema.safeParse({ kind: 'channel', channel }).success).toBe(true);
    expect(DeliveryTargetSchema.safeParse({ kind: 'dm', identity: user }).success).toBe(true);
    expect(OutboxItemSchema.shape.platform.safeParse(platform).success).toBe(true);
    expect(cachePlatforms).toContain(platform);
  });
});

describe('platform names', () => {
  it('refuses a platform that is not on the list, everywhere', async () => {
    expect(Identity.safeParse('teams:U0123ABC').success).toBe(false);
    expect(identity('teams:U0123ABC')).toHaveProperty('error');
    expect(DeliveryTargetSchema.safeParse({ kind: 'channel', channel: 'teams:C0123' }).success).toBe(false);
    const e = await refusal(setChannel(deps, admin, { purpose: 'results', channel: 'teams:C0123' }));
    expect(e.params.messageId).toBe('error.badChannel');
  });

  it('refuses in the settings a channel the outbox could never post to (over 64 characters)', async () => {
    const e = await refusal(setChannel(deps, admin, { purpose: 'results', channel: `slack:C${'0'.repeat(64)}` }));
    expect(e.params.messageId).toBe('error.badChannel');
    expect((await readSetting(deps, 'channels')).results).toBeUndefined();
  });
});
