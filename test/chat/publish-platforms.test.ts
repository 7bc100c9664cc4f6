import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureDefaultTemplate } from '../../src/application/templates.js';
import { cycleAnswer, publishAnswer } from '../../src/chat/cycle.js';
import { plainRequest } from '../../src/chat/review.js';
import { smallOrg, T0, visits } from '../helpers/org.js';
import { testDeps } from '../helpers/temp-store.js';

/** Published results reach people on every running platform, whichever platform HR published from. */
let deps: ReturnType<typeof testDeps>;
beforeEach(async () => {
  deps = testDeps('2026-11-26T02:00:00Z');
  await smallOrg(deps.store);
  await ensureDefaultTemplate(deps);
  const put = async (id: string, identity: string) => deps.store.people.put({ ...(await deps.store.people.get(id))!, identities: [identity] });
  await put('hr', 'slack:UHR');
  await put('ann', 'slack:UANN');
  await put('cat', 'lark:ou_cat1');
  await deps.store.settings.put({ id: 'channels', value: { results: ['slack:CRESULTS', 'lark:oc_results'] }, updatedAt: T0 });
  await deps.store.activities.insertMany([...visits('ann', 'acme', 36, '2026-07-01'), ...visits('cat', 'acme', 30, '2026-07-01')]);
});
afterEach(() => deps.cleanup());

async function publishFromSlack(): Promise<string[]> {
  const hr = (await deps.store.people.get('hr'))!;
  await cycleAnswer(deps, hr, plainRequest('open 2026-Q3', ['slack']));
  await cycleAnswer(deps, hr, plainRequest('review 2026-Q3', ['slack']));
  await publishAnswer(deps, hr, plainRequest('2026-Q3 confirm', ['slack']));
  return (await deps.store.outbox.find({ job: 'publish-results' })).map((o) => (o.target.kind === 'dm' ? o.target.identity : o.target.channel)).sort();
}

describe('publishing on several platforms', () => {
  it('sends to the Lark people and channel too when both platforms run', async () => {
    deps.settings.platforms = ['slack', 'lark'];
    expect(await publishFromSlack()).toEqual(['lark:oc_results', 'lark:ou_cat1', 'slack:CRESULTS', 'slack:UANN']);
  });

  it('sends only on the caller’s platform when the running platforms are not known', async () => {
    expect(await publishFromSlack()).toEqual(['slack:CRESULTS', 'slack:UANN']);
  });
});
