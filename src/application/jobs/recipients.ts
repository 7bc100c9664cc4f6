import { zonedInstant, type LocalDate } from '../../domain/dates.js';
import type { DeliveryTarget, PlatformName } from '../../domain/model/delivery.js';
import type { Person } from '../../domain/model/people.js';
import type { AppDeps } from '../deps.js';
import { channelsFor, type ChannelPurpose } from '../settings.js';

/**
 * Where a person gets DMs: their first identity on a platform that is running. A person on both
 * Slack and Lark gets one message, not two.
 */
export function dmTargetOf(person: Person, platforms: readonly PlatformName[]): { platform: PlatformName; target: DeliveryTarget } | null {
  for (const identity of person.identities) {
    const platform = identity.split(':')[0] as PlatformName;
    if (platforms.includes(platform)) return { platform, target: { kind: 'dm', identity } };
  }
  return null;
}

/** The channels configured for a purpose, on every running platform. */
export async function channelTargets(deps: Pick<AppDeps, 'store' | 'logger'>, purpose: ChannelPurpose, platforms: readonly PlatformName[]): Promise<{ platform: PlatformName; target: DeliveryTarget }[]> {
  const out: { platform: PlatformName; target: DeliveryTarget }[] = [];
  for (const platform of platforms) {
    for (const id of await channelsFor(deps, purpose, platform)) out.push({ platform, target: { kind: 'channel', channel: `${platform}:${id}` } });
  }
  return out;
}

/** The instant `hour`:`minute` on `date` where the person is (their own zone, else the company's). */
export function atLocalTime(deps: Pick<AppDeps, 'settings'>, person: Pick<Person, 'timeZone'>, date: LocalDate, hour: number, minute = 0): string {
  return zonedInstant(date, hour, minute, person.timeZone ?? deps.settings.companyTimeZone).toISOString();
}
