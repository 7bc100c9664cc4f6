import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProfileCache, type FetchedProfile } from '../../src/application/people/profile-cache.js';
import { AppError } from '../../src/domain/errors.js';
import { testDeps } from '../helpers/temp-store.js';
import { aPerson } from '../helpers/builders.js';

let deps: ReturnType<typeof testDeps>;
beforeEach(() => {
  deps = testDeps('2026-11-26T02:00:00Z');
});
afterEach(() => deps.cleanup());

/** A platform whose profile lookups are counted, answered at once, or held until released. */
function platform(profile: FetchedProfile = { name: 'Nina New', locale: 'zh-CN', timeZone: 'Asia/Singapore' }) {
  const p = {
    calls: 0,
    gate: null as Promise<void> | null,
    fetch: async (): Promise<FetchedProfile> => {
      p.calls++;
      if (p.gate) await p.gate;
      return profile;
    },
  };
  return p;
}

const cache = (fetch: (id: string) => Promise<FetchedProfile>, firstLookupMs = 1500) => new ProfileCache(deps, { platform: 'slack', fetch, defaultLocale: 'en', firstLookupMs });

describe('ProfileCache', () => {
  it('keeps the profile in the person record: a restarted process asks the platform nothing', async () => {
    const slack = platform();
    await cache(slack.fetch).resolve('UNEW');
    expect(slack.calls).toBe(1);
    const afterRestart = cache(slack.fetch);
    expect(await afterRestart.resolve('UNEW')).toMatchObject({ name: 'Nina New', locale: 'zh-CN', timeZone: 'Asia/Singapore', profileFetchedAt: '2026-11-26T02:00:00.000Z' });
    expect(slack.calls).toBe(1);
  });

  it('registers a newcomer under their id when the platform is slower than the deadline, and names them later', async () => {
    const slack = platform();
    let release!: () => void;
    slack.gate = new Promise((r) => (release = r));
    const c = cache(slack.fetch, 20);
    expect(await c.resolve('UNEW')).toMatchObject({ name: 'UNEW', locale: 'en', unplaced: true });
    release();
    await c.idle();
    expect(await deps.store.personByIdentity('slack:UNEW')).toMatchObject({ name: 'Nina New', locale: 'zh-CN' });
  });

  it('asks the platform once for a burst of requests from the same newcomer', async () => {
    const slack = platform();
    const c = cache(slack.fetch);
    await c.resolve('UNEW');
    await Promise.all([c.known('UNEW'), c.known('UNEW')]);
    expect(slack.calls).toBe(1);
  });

  it('answers a known person the platform no longer has as stored, and never registers an unknown one', async () => {
    const gone = async (): Promise<FetchedProfile> => {
      throw new AppError('NOT_FOUND', 'no such user');
    };
    await deps.store.people.put(aPerson({ id: 'ann', name: 'Ann', identities: ['slack:UANN'] }));
    expect(await cache(gone).known('UANN')).toMatchObject({ id: 'ann', name: 'Ann' });
    await expect(cache(gone).resolve('UGHOST')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await cache(gone).known('UNOBODY')).toBeNull();
    expect(await deps.store.people.count()).toBe(1);
  });
});
